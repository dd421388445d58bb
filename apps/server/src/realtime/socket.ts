import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import {
  type ClientToServerEvents,
  Command,
  HandshakeAuth,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
} from '@kring/protocol';
import { type SessionState, needsRedaction, redactBatch, redactState } from '@kring/core';
import { authenticate, stillCurrent } from '../auth';
import { type Limits, createLimits } from '../limits';
import { coolingDown, guardSocket, handshakeAllowed } from '../limits/socket';
import type { CaptionService } from '../captions/service';
import type { Log } from '../log';
import { captionFanOut, handleCaptions } from './captions';
import { invalid } from './invalid';
import type { CommandResult, SessionService } from '../sessions/service';
import type { TokenSigner } from '../tokens';
import type { PresenceTracker } from './presence';
import { PresenceBroadcast } from './presence-broadcast';
import { RecentBatches } from './recent-batches';
import { StateJson } from './state-json';
import { sweepSlowReaders } from './slow-readers';

interface SocketData {
  sessionId: string;
  participantId: string;
  /** The token's epoch (J5). */
  epoch: number;
  /** A projector shows the plenary's captions (`HandshakeAuth.screen`). */
  projector: boolean;
  /** The state version the client holds, back after a drop (`HandshakeAuth.since`). */
  since: number | undefined;
}
type KringServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type KringSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export const room = (sessionId: string) => `session:${sessionId}`;

/** An Error whose message is a protocol error code: socket.io hands it to the client's `connect_error`. */
function refusal(code: string, message: string): Error {
  const err = new Error(code) as Error & { data: { code: string; message: string } };
  err.data = { code, message };
  return err;
}

export interface ControlPlaneDeps {
  httpServer: HttpServer;
  sessions: SessionService;
  /** Live captions: their socket events and their fan-out by scope (CA3). */
  captions: CaptionService;
  presence: PresenceTracker;
  tokens: TokenSigner;
  log: Log;
  clock?: () => number;
  /** Runs a validated command (default: `sessions.execute`; the app passes its board commands). */
  execute?: (sessionId: string, command: Command, actor: { participantId: string }) => Promise<CommandResult>;
  /** Rate limits (default: the limits table, in memory). */
  limits?: Limits;
  /** Count handshakes under X-Forwarded-For's address (TRUST_PROXY). */
  trustProxy?: boolean;
  /** When connections that stopped reading are cut (tests make it small and often). */
  slowReaders?: { everyMs?: number; maxBytes?: number };
  /** Told of every answered command: its type (`invalid` when unparsable), `ok` or the error code, ms taken. */
  onCommand?: (type: string, outcome: string, ms: number) => void;
  /**
   * Issue 17, several nodes: the socket.io adapter they share (Redis Streams). Its connection state
   * recovery gives back what went out cluster-wide; session events go out per node (see below),
   * and a client catches up with those through its welcome, which every connect brings.
   */
  adapter?: ServerOptions['adapter'];
}

/** The socket.io control plane: handshake auth, commands with acks, event and presence broadcast. */
export function attachControlPlane({
  httpServer,
  sessions,
  captions,
  presence,
  tokens,
  log,
  clock = Date.now,
  execute = (sessionId, command, actor) => sessions.execute(sessionId, command, actor),
  limits = createLimits(),
  trustProxy = false,
  slowReaders = {},
  onCommand = () => {},
  adapter,
}: ControlPlaneDeps) {
  const io: KringServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // The board sync shares this HTTP server and authorizes upgrades asynchronously.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
    // The handshake is checked again on a recovered connection (removed or signed out meanwhile).
    ...(adapter
      ? { adapter, connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false } }
      : {}),
  });

  io.use(async (socket, next) => {
    const allowed = await handshakeAllowed(limits, socket, trustProxy);
    if (!allowed.ok) return next(refusal('rate_limited', 'too many connections from here; wait a moment'));
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success) {
      const issue = auth.error.issues[0];
      // A missing token is the common case (an old bookmark); anything else is a hand-made client.
      return next(
        !issue || issue.path[0] === 'token'
          ? refusal('unauthorized', 'the handshake carries no token')
          : refusal('bad_request', `handshake: ${issue.path.join('.')}: ${issue.message}`),
      );
    }
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
      return next(
        refusal('protocol_mismatch', `this server speaks protocol ${PROTOCOL_VERSION}; reload the page`),
      );
    }
    const who = await authenticate(tokens, sessions, auth.data.token).catch(() => null);
    // `not_found`: the token is the server's, its session was deleted (PR4); else `unauthorized`.
    if (!who?.ok) {
      const code = who?.error.code === 'not_found' ? 'not_found' : 'unauthorized';
      return next(refusal(code, who?.error.message ?? 'could not check the token'));
    }
    if (!(await coolingDown(limits, who.participant.id)).ok) {
      return next(refusal('rate_limited', 'too many requests just now; wait a little, then reconnect'));
    }
    socket.data = {
      sessionId: who.state.sessionId,
      participantId: who.participant.id,
      epoch: who.epoch,
      projector: auth.data.screen === 'projector',
      since: auth.data.since,
    };
    next();
  });

  // socket.io buffers without bound for a client that stops reading: cut it instead (issue 14).
  const stopSweep = sweepSlowReaders(() => io.of('/').sockets.values(), log, slowReaders);
  // Snapshots share the people's JSON per version (a join storm must not write it N times).
  const stateJson = new StateJson();
  // What was published lately, for clients that come back after a moment away (people once, then deltas).
  const recent = new RecentBatches(clock);
  // Who came and went, gathered per session (a join storm must not cost N² messages). Every node
  // hears every change (cluster presence) and tells its own sockets: `local`, or each would get it
  // once per node.
  const presenceOut = new PresenceBroadcast((sessionId, update) =>
    io.local.to(room(sessionId)).emit('presence', update),
  );
  presence.onChange((sessionId, participantId, online) =>
    presenceOut.change(sessionId, participantId, online),
  );

  io.on('connection', (socket: KringSocket) => {
    const { sessionId, participantId } = socket.data;
    /**
     * The state as it is in the turn the answer leaves, not as it was before the `await`: a batch
     * stored or caught up with (issue 17) meanwhile went out to this socket already, and an answer
     * older than it would leave the client a gap.
     */
    const newest = (loaded: SessionState | null) => (loaded ? (sessions.peek(sessionId) ?? loaded) : null);
    // Signed out or removed while the handshake was being checked: the cut already happened.
    if (!stillCurrent(sessions, socket.data)) {
      socket.disconnect(true);
      return;
    }
    // First: every packet is counted before any handler below parses it.
    guardSocket(socket, limits, log);
    void socket.join(room(sessionId));
    presence.connect(sessionId, participantId);

    /** The whole state cut for this person, as a snapshot travels. */
    const snapshotOf = (state: SessionState) => ({
      state: stateJson.of(redactState(state, participantId)),
      you: participantId,
      online: presence.online(sessionId),
      serverTime: clock(),
    });
    const gone = {
      ok: false as const,
      error: { code: 'not_found' as const, message: 'the session is gone' },
    };

    // Unasked, first of all (issue 14: a question would cost a slow phone one more round trip).
    // The socket is in its room already: a batch published while the state loads goes out before
    // this welcome and is in it, which the client knows (live batches before it are skipped).
    void (async () => {
      const state = newest(await sessions.get(sessionId));
      if (!socket.connected) return;
      if (!state) {
        socket.emit('welcome', gone);
        return;
      }
      const since = socket.data.since;
      const events =
        since === undefined ? null : recent.since(sessionId, since, state.version, participantId);
      socket.emit(
        'welcome',
        events === null
          ? { ok: true, kind: 'snapshot', ...snapshotOf(state) }
          : { ok: true, kind: 'resume', events, online: presence.online(sessionId), serverTime: clock() },
      );
    })().catch((err: unknown) => {
      // The client asks for a snapshot when no welcome comes; nothing else to do here.
      log('warn', 'welcome failed', { error: err instanceof Error ? err.message : 'unknown' });
    });

    socket.on('snapshot', async (ack) => {
      if (typeof ack !== 'function') return;
      const state = newest(await sessions.get(sessionId));
      ack(state ? { ok: true, ...snapshotOf(state) } : gone);
    });

    socket.on('clock', (ack) => {
      if (typeof ack === 'function') ack({ serverTime: clock() });
    });

    socket.on('command', async (raw, ack) => {
      if (typeof ack !== 'function') return;
      const started = performance.now();
      const parsed = Command.safeParse(raw);
      if (!parsed.success) {
        onCommand('invalid', 'bad_request', performance.now() - started);
        return ack(invalid('command', parsed.error));
      }
      try {
        const result = await execute(sessionId, parsed.data, { participantId });
        ack(result.ok ? { ok: true, version: result.version, serverTime: clock() } : result);
        onCommand(parsed.data.type, result.ok ? 'ok' : result.error.code, performance.now() - started);
      } catch (err) {
        onCommand(parsed.data.type, 'internal', performance.now() - started);
        log('error', 'command failed', {
          type: parsed.data.type,
          error: err instanceof Error ? err.message : 'unknown',
        });
        ack({ ok: false, error: { code: 'internal', message: COMMAND_FAILED } });
      }
    });

    handleCaptions(socket, sessions, captions, log);

    socket.on('disconnect', () => {
      if (presence.disconnect(sessionId, participantId)) {
        // What they were typing goes with them (a stale partial would stay on every screen); the
        // partial lives on the node they typed on.
        captions.dropPartial(sessionId, participantId);
      }
    });
  });

  captions.onUpdate(
    captionFanOut(
      io,
      sessions,
      room,
      adapter
        ? { heard: (sessionId, update) => captions.heardFromElsewhere(sessionId, update), log }
        : undefined,
    ),
  );

  sessions.onEvents((sessionId, events, before) => {
    recent.record(sessionId, before, events);
    // `before` lets core tell room board events (BR18) from the plenary's, which go out once.
    // Every node runs this for every batch (its own, or caught up with from another node): each
    // tells only its own sockets (`local`), or people would get a batch once per node. Local
    // emits also leave at once, in the order of the per-socket ones below.
    if (!needsRedaction(events, before)) {
      io.local.to(room(sessionId)).emit('events', { events });
    } else {
      // Some events carry what not everyone may see (private facts, rooms someone may not read):
      // each person gets their own cut. Presence stays session-wide: it says who is connected,
      // never which room they are in or what happens there.
      const cut = redactBatch(before, events);
      for (const socket of io.of('/').adapter.rooms.get(room(sessionId)) ?? []) {
        const s = io.of('/').sockets.get(socket);
        if (s) s.emit('events', { events: cut(s.data.participantId) });
      }
    }
    // Someone removed, or signed out (J5: their tokens no longer count), loses the control plane
    // at once, after this batch told them why (their board connections are cut too).
    const gone = new Set<string>();
    for (const e of events) {
      if (e.type === 'participant.removed') gone.add(e.participantId);
      if (e.type === 'session.signedOut') for (const id of e.participantIds) gone.add(id);
    }
    if (gone.size > 0) {
      for (const s of io.of('/').sockets.values()) {
        if (s.data.sessionId === sessionId && gone.has(s.data.participantId)) s.disconnect(true);
      }
    }
  });

  return {
    io,
    presence,
    /**
     * PR4: the session is deleted: every connection of it here is cut (coming back, they learn it
     * is gone). Local: every node runs this, the others when they hear of the deletion (after
     * forgetting the session, so a reconnection cannot find it in their cache).
     */
    endSession(sessionId: string) {
      presenceOut.forget(sessionId);
      recent.forget(sessionId);
      io.local.in(room(sessionId)).disconnectSockets(true);
    },
    close: () => {
      stopSweep();
      return new Promise<void>((resolve) => void io.close(() => resolve()));
    },
  };
}

/**
 * A command that failed on the server's side (its store unreachable, say). Passing: the store, or
 * Redis, comes back by itself, and the client's state follows what was stored either way.
 */
export const COMMAND_FAILED = 'the server could not run this command; try again in a moment';
