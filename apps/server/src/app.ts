import express, { type RequestHandler } from 'express';
import * as z from 'zod';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type BoardAccess,
  boardAccess,
  draftAccess,
  isFacilitator,
  mayCaption,
  moderationAccess,
} from '@kring/core';
import { authenticate, stillCurrent } from './auth';
import { type BoardSyncOptions, createBoardSync } from './boards';
import { CaptionService } from './captions/service';
import { CirclePurge } from './circles/purge';
import { CircleService } from './circles/service';
import { MeetingRooms } from './circles/meetings';
import { RegistrationTokens } from './circles/registration-tokens';
import { Registrations } from './circles/registrations';
import { type MailOut, type MailSettings, mailerFor } from './mail/mailer';
import { CaptionUrls } from './captions/url';
import { compress, pageCaching } from './http/compress';
import { errorHandler } from './http/errors';
import { apiHeaders, securityHeaders } from './http/headers';
import { apiRouter } from './http/api';
import { Harvests } from './circles/harvests';
import { LastingBoards } from './circles/lasting-boards';
import { circleRoutes } from './http/circles';
import { type Log, createLog } from './log';
import { type LimitTable, createLimits } from './limits';
import { boardRateLimits } from './limits/boards';
import { httpLimits } from './limits/http';
import { Presence, type PresenceTracker } from './realtime/presence';
import { boardsToRecheck } from './realtime/board-access';
import { attachControlPlane } from './realtime/socket';
import { BoardCommands } from './sessions/board-commands';
import { BreakoutCountdown, CLAIM_MS, type Scheduler } from './sessions/countdown';
import { SessionPurge } from './sessions/purge';
import { SessionService } from './sessions/service';
import { SqliteStore } from './store/sqlite';
import { BOARD_DOC, type Store } from './store/store';
import { StateMemo } from './realtime/access-memo';
import { KringMetrics } from './ops/metrics';
import { metricsRoute } from './ops/metrics-route';
import { readiness, storeCheck } from './ops/ready';
import { timedStore } from './ops/store-timing';
import { TokenSigner, loadSecret } from './tokens';
import type { EarlyServer } from './http/early-listen';
import type { ClusterSettings } from './cluster/redis';
import { newId } from './ids';

// A refusal says in English what was wrong (`bad_request: displayName: Invalid input: expected
// string, …`). The wire schemas are zod/mini (packages/protocol), which loads no messages of its own.
z.config(z.locales.en());

export interface KringOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /**
   * A server already listening (http/early-listen.ts), used instead of listening here on port/host:
   * the process's entry listens before it loads this module (issue 14, restarts).
   */
  listening?: EarlyServer;
  secret?: string;
  publicUrl?: string;
  /** The SvelteKit adapter-node handler; everything not API/realtime goes to it. */
  webHandler?: RequestHandler;
  log?: Log;
  store?: Store;
  /** The timers breakout countdowns wait on (tests pass their own). */
  scheduler?: Scheduler;
  /** Board sync tuning (tests compact sooner). */
  boardOptions?: BoardSyncOptions;
  /** The time sessions decide and retention is measured with (tests pass a fake clock). */
  clock?: () => number;
  /** Numbers of the limits table to replace (tests use small ones); see src/limits/table.ts. */
  limits?: Partial<LimitTable>;
  /** Behind a reverse proxy: count requests under the client's address from X-Forwarded-For. */
  trustProxy?: boolean;
  /** When control-plane connections that stopped reading are cut (tests use small numbers). */
  slowReaders?: { everyMs?: number; maxBytes?: number };
  /** SMTP for registration mails (SMTP_URL, MAIL_FROM); without it Kring sends no mail. */
  mail?: MailSettings;
  /** GET /metrics asks for this bearer token (METRICS_TOKEN); unset, loopback only (ops/metrics-route.ts). */
  metricsToken?: string;
  /**
   * Issue 17: several nodes share one Redis (REDIS_URL, REDIS_PREFIX) and one PostgreSQL `store`;
   * unset, this process is the only node and nothing below changes.
   */
  cluster?: ClusterSettings;
}

export interface KringServer {
  httpServer: HttpServer;
  url: string;
  port: number;
  store: Store;
  sessions: SessionService;
  /** BR8/BR9: closes breakouts when their countdown ends. */
  countdown: BreakoutCountdown;
  /** PR3/PR4: deletes sessions whose time has come, and on the host's request. */
  purge: SessionPurge;
  /** Circles (issue 16) and the purge that deletes them when their time has come (CI12). */
  circles: CircleService;
  circlePurge: CirclePurge;
  /** Registration for meetings (CI20–CI25) and the mail it sends. */
  registrations: Registrations;
  mail: MailOut;
  /** This server's Prometheus metrics (issue 17). */
  metrics: KringMetrics;
  /** /api/ready answers 503 from now on (before a drain delay; close() does it too). */
  markShuttingDown(): void;
  close(): Promise<void>;
}

/** What a store's thread failing tells the log (the store carries on without it, more slowly). */
export const storeThreadFailed =
  (log: Log) =>
  (error: string): void =>
    log('warn', 'a store thread failed; its work runs on the event loop again', { error });

/**
 * Builds the whole server on one HTTP server and one port: /api (express), /socket.io (control
 * plane), /yjs/:boardId (board sync), then the web app. Resolves once it listens.
 */
export async function startKring(opts: KringOptions): Promise<KringServer> {
  const log = opts.log ?? createLog('info');
  if (opts.cluster && (opts.store === undefined || opts.store instanceof SqliteStore)) {
    // The SQLite file is one machine's: a second node would see none of it.
    throw new Error('Several nodes (REDIS_URL) need one shared PostgreSQL database: set DATABASE_URL too.');
  }
  // Operations (issue 17): metrics per server (tests run several), the store timed, readiness.
  const metrics = new KringMetrics();
  const store = timedStore(
    opts.store ?? new SqliteStore(opts.dataDir, undefined, storeThreadFailed(log)),
    metrics,
  );
  const secret = loadSecret(opts.dataDir, opts.secret);
  const tokens = new TokenSigner(secret);
  // Issue 17, several nodes: one Redis link for what they share, this node's id in it, and presence
  // counted across them. Without `cluster` this process is the only node, as before.
  const nodeId = newId();
  const redisFailed = (err: unknown) =>
    log('error', 'redis', { error: err instanceof Error ? err.message : 'unknown' });
  const settings = opts.cluster;
  // The cluster's code is loaded only on a node of several (cluster/index.ts).
  const shared = settings
    ? await import('./cluster/index').then(async (code) => ({
        code,
        redis: await code.connectRedis(settings, redisFailed),
      }))
    : undefined;
  const redis = shared?.redis;
  const clusterPresence = shared
    ? await shared.code.ClusterPresence.start(shared.redis, nodeId, redisFailed)
    : undefined;
  // Board updates and cursors across nodes (boards/cluster-relay.ts), subscribed before any load.
  const boardRelay = shared ? await shared.code.redisBoardRelay(shared.redis, nodeId, log) : undefined;
  const presence: PresenceTracker = clusterPresence ?? new Presence();
  // Ready when the store answers, and Redis too when nodes share one (a load balancer's question).
  const ready = readiness({
    store: storeCheck(store),
    ...(redis ? { redis: async () => void (await redis.client.ping()) } : {}),
  });
  const limits = createLimits(opts.limits, redis);
  const trustProxy = opts.trustProxy ?? false;
  const sessions = new SessionService(
    store,
    (sessionId) => presence.online(sessionId),
    opts.clock ?? Date.now,
    async (sessionId, count) => (await limits.eventsPerSession.consume(sessionId, count)).ok,
    // Issue 17: one decision at a time per session across nodes.
    ...(shared ? [shared.code.redisSessionLock(shared.redis, nodeId)] : []),
  );

  // A board connection's access, asked per message and per relay, is worked out once per state.
  const accessMemo = new StateMemo<BoardAccess>();
  const boards = createBoardSync(
    {
      store,
      log,
      ...(boardRelay ? { relay: boardRelay } : {}),
      async authorize(boardId, token) {
        const who = await authenticate(tokens, sessions, token);
        if (!who.ok) return { ok: false, code: 'unauthorized' };
        const board = who.state.boards.find((b) => b.id === boardId);
        if (!board) {
          // A valid token for another session must not learn whether the board exists.
          const owner = await store.sessionIdForBoard(boardId);
          return { ok: false, code: owner ? 'forbidden' : 'not_found' };
        }
        // CI27: a lasting board its circle removed is gone, though a meeting still lists it.
        if (board.lasting && !(await store.circleIdForBoard(boardId)))
          return { ok: false, code: 'not_found' };
        return {
          ok: true,
          sessionId: who.state.sessionId,
          participantId: who.participant.id,
          epoch: who.epoch,
        };
      },
      stillCurrent(sessionId, participantId, epoch) {
        return stillCurrent(sessions, { sessionId, participantId, epoch });
      },
      access(sessionId, boardId, participantId, doc = BOARD_DOC) {
        const state = sessions.peek(sessionId);
        if (!state) return 'none';
        const key = `${doc.kind}\n${doc.kind === 'drafts' ? doc.ownerId : ''}\n${participantId}\n${boardId}`;
        return accessMemo.get(state, key, () => {
          switch (doc.kind) {
            case 'board':
              return boardAccess(state, participantId, boardId);
            case 'drafts':
              return draftAccess(state, participantId, boardId, doc.ownerId);
            case 'moderation':
              return moderationAccess(state, participantId, boardId);
          }
        });
      },
      relaysAwareness(sessionId, boardId) {
        // BD9: on an anonymous board a cursor next to a note could name its author.
        const board = sessions.peek(sessionId)?.boards.find((b) => b.id === boardId);
        return !!board && !board.anonymous;
      },
      writePolicy(sessionId, boardId, participantId, draftsOf) {
        // BD12: every writing connection is guarded; values are checked for everyone.
        if (draftsOf !== null) return { kind: 'drafts', ownerId: draftsOf };
        const state = sessions.peek(sessionId);
        const board = state?.boards.find((b) => b.id === boardId);
        const who = state?.participants[participantId];
        if (!board || !who) return { kind: 'participant', participantId };
        if (isFacilitator(who.role))
          return board.anonymous ? { kind: 'anonymousBoard' } : { kind: 'facilitator', participantId };
        // BD16: read per message, so a change of the board's rules holds from the next write on.
        return { kind: 'participant', participantId, arrange: board.arrange };
      },
      limits: boardRateLimits(limits, trustProxy),
    },
    opts.boardOptions,
  );
  const commands = new BoardCommands(sessions, boards, store, log);
  const captions = new CaptionService(store);
  const captionUrls = new CaptionUrls(secret);
  const circles = new CircleService(store, opts.clock ?? Date.now);
  const circlePurge = new CirclePurge({
    store,
    circles,
    // A deleted circle's meetings' sessions go with it (CI16); `purge` is made further down.
    deleteSession: (sessionId) => purge.purge(sessionId),
    endBoard: (boardId) => boards.endBoard(boardId),
    log,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.scheduler ? { scheduler: opts.scheduler } : {}),
  });

  const mail = mailerFor(opts.mail, log);
  const registrationTokens = new RegistrationTokens(secret);
  const registrations = new Registrations({
    circles,
    store,
    meetings: new MeetingRooms({ circles, sessions, commands }),
    tokens: registrationTokens,
    mail,
    log,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.scheduler ? { scheduler: opts.scheduler } : {}),
  });

  const app = express();
  app.disable('x-powered-by');
  // Security headers on every answer, pages too; API answers also get a strict CSP and no-store.
  app.use(securityHeaders(opts.publicUrl));
  // HTML and JSON made per request go out compressed when the browser asks (issue 14).
  app.use(compress());
  app.use('/api', apiHeaders());
  // One proxy hop: req.protocol (for links) then also follows X-Forwarded-Proto.
  if (trustProxy) app.set('trust proxy', 1);
  const lookUp = (code: string) => store.sessionIdForJoinCode(code);
  app.use('/api', httpLimits({ limits, tokens, trustProxy, sessionIdForJoinCode: lookUp }));
  app.use(
    '/api',
    apiRouter({
      sessions,
      store,
      tokens,
      boards,
      commands,
      publicUrl: opts.publicUrl,
      ready: ready.handler,
      captions: { service: captions, urls: captionUrls, limits, trustProxy },
      // The purge needs the control plane, which is attached after the routes.
      deleteSession: (sessionId) => purge.purge(sessionId),
      online: (sessionId) => presence.online(sessionId),
      log,
      circleRoutes: circleRoutes({
        circles,
        store,
        tokens,
        limits,
        sessions,
        commands,
        trustProxy,
        publicUrl: opts.publicUrl,
        deleteCircle: (circleId) => circlePurge.purge(circleId),
        registrations,
        registrationTokens,
        lasting: new LastingBoards(circles, boards),
        harvests: new Harvests({ circles, sessions, boards, store }),
      }),
    }),
  );
  app.get('/metrics', metricsRoute(metrics, opts.metricsToken));
  if (opts.webHandler) app.use(pageCaching, opts.webHandler);
  app.use(errorHandler(log));

  // The app's handlers live on `httpServer`; `front` is what listens and owns the connections:
  // the same server, or the one the entry opened before loading this module (early-listen.ts).
  const httpServer = createServer(app);
  const front = opts.listening?.server ?? httpServer;
  // Node closes an idle keep-alive connection after 5 s. A person on a phone reads the privacy
  // notice and types their name for longer than that, and every connection closed meanwhile costs
  // a new TCP handshake (a round trip, 400 ms on a weak link) when they press Join (issue 14).
  // 65 s is what load balancers commonly keep; shutdown still closes idle connections at once.
  front.keepAliveTimeout = 65_000;
  front.headersTimeout = 66_000;
  const control = attachControlPlane({
    httpServer,
    sessions,
    captions,
    presence,
    tokens,
    log,
    execute: (sessionId, command, actor) => commands.run(sessionId, command, actor),
    limits,
    trustProxy,
    ...(opts.slowReaders ? { slowReaders: opts.slowReaders } : {}),
    onCommand: (type, outcome, ms) => metrics.commandDone(type, outcome, ms),
    ...(shared ? { adapter: shared.code.socketAdapter(shared.redis) } : {}),
  });
  metrics.watch({
    socketConnections: () => control.io.of('/').sockets.size,
    boards: () => boards.stats(),
    loadedSessions: () => sessions.loadedCount(),
  });

  // Access is checked per board message and per update sent; this also cuts at once connections
  // that lost access entirely (moved out of a room, gallery closed, removed).
  sessions.onEvents((sessionId, events) => {
    for (const boardId of boardsToRecheck(sessions.peek(sessionId), events)) boards.accessChanged(boardId);
  });
  // CA1: someone who stops captioning (a new role) leaves no half-typed words on the screens.
  sessions.onEvents((sessionId, events) => {
    for (const e of events) {
      if (
        e.type === 'participant.roleChanged' &&
        !mayCaption(sessions.peek(sessionId) ?? { participants: {} }, e.participantId)
      ) {
        captions.dropPartial(sessionId, e.participantId);
      }
    }
  });
  // J5: people signed out lose their board connections at once (their sockets: realtime/socket.ts).
  sessions.onEvents((sessionId, events) => {
    for (const e of events) if (e.type === 'session.signedOut') boards.signOut(sessionId, e.participantIds);
  });

  const purge = new SessionPurge({
    store,
    sessions,
    boards,
    disconnect: (sessionId) => control.endSession(sessionId),
    forget: (sessionId) => captions.forget(sessionId),
    log,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.scheduler ? { scheduler: opts.scheduler } : {}),
  });

  // Issue 17: session events and deletions reach every node (cluster/session-plane.ts).
  const sessionPlane = shared
    ? await shared.code.startSessionPlane({
        link: shared.redis,
        nodeId,
        sessions,
        ended(sessionId) {
          control.endSession(sessionId);
          captions.forget(sessionId);
          // Its board connections on this node close now (4404), not at their next message.
          void boards.endSession(sessionId, []);
        },
        log,
      })
    : undefined;

  // Issue 17: with several nodes, the first to claim a due breakout closes it (countdown.ts).
  // With Redis away every node claims: the rooms still close once, as the second close is refused
  // by the session's versions; waiting for Redis would keep them open until it is back.
  const claim = redis
    ? async (sessionId: string, endsAt: number) =>
        !redis.client.isReady ||
        (await redis.client.set(`${redis.prefix}countdown:${sessionId}:${endsAt}`, nodeId, {
          NX: true,
          PX: CLAIM_MS,
        })) === 'OK'
    : undefined;
  const countdown = new BreakoutCountdown(sessions, log, opts.scheduler, claim);
  try {
    await countdown.resume(await store.sessionsWithOpenBreakout());
  } catch (err) {
    log('error', 'breakout countdowns not resumed', { error: String(err) });
  }

  httpServer.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/yjs/')) boards.handleUpgrade(req, socket, head);
    // socket.io handles its own upgrades (/socket.io); anything else is not ours.
    else if (!req.url?.startsWith('/socket.io')) socket.destroy();
  });

  if (opts.listening) opts.listening.open(httpServer);
  else
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(opts.port ?? 0, opts.host ?? '0.0.0.0', () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  purge.start();
  circlePurge.start();
  registrations.start();
  const port = (front.address() as AddressInfo).port;
  const url = opts.publicUrl ?? `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  return {
    httpServer: front,
    url,
    port,
    store,
    sessions,
    countdown,
    purge,
    circles,
    circlePurge,
    registrations,
    mail,
    metrics,
    markShuttingDown: () => ready.shuttingDown(),
    close() {
      closing ??= (async () => {
        ready.shuttingDown();
        // Stop accepting first: a client cut below retries at once, and must meet the new process
        // (or a refusal and its backoff), never this one on its way out (issue 14).
        const stopped = new Promise<void>((resolve) => front.close(() => resolve()));
        countdown.stop();
        await purge.stop();
        await circlePurge.stop();
        await registrations.stop();
        mail.close();
        await boards.closeAll();
        // Keep-alive connections (idle for up to 65 s) would hold the server's 'close', which
        // socket.io's close waits for: cut the HTTP connections now. Upgraded sockets are not
        // among them; their planes close those.
        front.closeAllConnections();
        await control.close();
        await sessionPlane?.close();
        await clusterPresence?.close();
        await redis?.close();
        await stopped;
        await store.close();
      })();
      return closing;
    },
  };
}
