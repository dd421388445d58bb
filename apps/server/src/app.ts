import express, { type RequestHandler } from 'express';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { boardAccess, draftAccess, isFacilitator } from '@kring/core';
import { authenticate } from './auth';
import { createBoardSync } from './boards';
import { errorHandler } from './http/errors';
import { apiRouter } from './http/api';
import { type Log, createLog } from './log';
import { Presence } from './realtime/presence';
import { boardsToRecheck } from './realtime/board-access';
import { attachControlPlane } from './realtime/socket';
import { BoardCommands } from './sessions/board-commands';
import { BreakoutCountdown, type Scheduler } from './sessions/countdown';
import { SessionService } from './sessions/service';
import { SqliteStore } from './store/sqlite';
import type { Store } from './store/store';
import { TokenSigner, loadSecret } from './tokens';

export interface KringOptions {
  dataDir: string;
  port?: number;
  host?: string;
  secret?: string;
  publicUrl?: string;
  /** The SvelteKit adapter-node handler; everything not API/realtime goes to it. */
  webHandler?: RequestHandler;
  log?: Log;
  store?: Store;
  /** The timers breakout countdowns wait on (tests pass their own). */
  scheduler?: Scheduler;
}

export interface KringServer {
  httpServer: HttpServer;
  url: string;
  port: number;
  store: Store;
  sessions: SessionService;
  /** BR8/BR9: closes breakouts when their countdown ends. */
  countdown: BreakoutCountdown;
  close(): Promise<void>;
}

/**
 * Builds the whole server on one HTTP server and one port: /api (express), /socket.io (control
 * plane), /yjs/:boardId (board sync), then the web app. Resolves once it listens.
 */
export async function startKring(opts: KringOptions): Promise<KringServer> {
  const log = opts.log ?? createLog('info');
  const store = opts.store ?? new SqliteStore(opts.dataDir);
  const tokens = new TokenSigner(loadSecret(opts.dataDir, opts.secret));
  const presence = new Presence();
  const sessions = new SessionService(store, (sessionId) => presence.online(sessionId));

  const boards = createBoardSync({
    store,
    log,
    async authorize(boardId, token) {
      const who = await authenticate(tokens, sessions, token);
      if (!who.ok) return { ok: false, code: 'unauthorized' };
      if (!who.state.boards.some((b) => b.id === boardId)) {
        // A valid token for another session must not learn whether the board exists.
        const owner = await store.sessionIdForBoard(boardId);
        return { ok: false, code: owner ? 'forbidden' : 'not_found' };
      }
      return { ok: true, sessionId: who.state.sessionId, participantId: who.participant.id };
    },
    access(sessionId, boardId, participantId, draftsOf = null) {
      const state = sessions.peek(sessionId);
      if (!state) return 'none';
      return draftsOf === null
        ? boardAccess(state, participantId, boardId)
        : draftAccess(state, participantId, boardId, draftsOf);
    },
    relaysAwareness(sessionId, boardId) {
      // BD9: on an anonymous board a cursor next to a note could name its author.
      const board = sessions.peek(sessionId)?.boards.find((b) => b.id === boardId);
      return !!board && !board.anonymous;
    },
    writePolicy(sessionId, boardId, participantId, draftsOf) {
      // Drafts are their owner's own document; only shared boards have server-owned fields.
      if (draftsOf !== null) return null;
      const state = sessions.peek(sessionId);
      const board = state?.boards.find((b) => b.id === boardId);
      const who = state?.participants[participantId];
      if (!board || !who) return { kind: 'participant', participantId };
      if (isFacilitator(who.role)) return board.anonymous ? { kind: 'anonymousBoard' } : null;
      return { kind: 'participant', participantId };
    },
  });
  const commands = new BoardCommands(sessions, boards, store, log);

  const app = express();
  app.disable('x-powered-by');
  app.use('/api', apiRouter({ sessions, store, tokens, boards, commands, publicUrl: opts.publicUrl }));
  if (opts.webHandler) app.use(opts.webHandler);
  app.use(errorHandler(log));

  const httpServer = createServer(app);
  const control = attachControlPlane({
    httpServer,
    sessions,
    presence,
    tokens,
    log,
    execute: (sessionId, command, actor) => commands.run(sessionId, command, actor),
  });

  // Access is checked per board message and per update sent; this also cuts at once connections
  // that lost access entirely (moved out of a room, gallery closed, removed).
  sessions.onEvents((sessionId, events) => {
    for (const boardId of boardsToRecheck(sessions.peek(sessionId), events)) boards.accessChanged(boardId);
  });

  const countdown = new BreakoutCountdown(sessions, log, opts.scheduler);
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

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port ?? 0, opts.host ?? '0.0.0.0', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = opts.publicUrl ?? `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  return {
    httpServer,
    url,
    port,
    store,
    sessions,
    countdown,
    close() {
      closing ??= (async () => {
        countdown.stop();
        await boards.closeAll();
        await control.close();
        httpServer.closeAllConnections();
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await store.close();
      })();
      return closing;
    },
  };
}
