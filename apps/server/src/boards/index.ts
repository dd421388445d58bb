import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { BOARD_SYNC_PROTOCOL, WS_CLOSE } from '@kring/protocol';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import type * as Y from 'yjs';
import { type Connection, closeConnection, createConnection } from './connection';
import type { BoardSyncDeps } from './deps';
import { CLOSE_GOING_AWAY } from './errors';
import { handleJoin, handleMessage } from './handle-message';
import { startKeepalive } from './keepalive';
import { nextTurn } from '../turns';
import {
  COMPACT_AFTER_ROWS,
  COMPACT_WITHIN_MS,
  IDLE_UNLOAD_MS,
  MAX_QUEUED_PER_CONNECTION,
  MESSAGE_BYTES,
  PING_INTERVAL_MS,
  WS_MAX_PAYLOAD,
} from './limits';
import type { BoardRoom } from './room';
import { RoomRegistry, relayInto } from './rooms';
import { type BoardDoc, docIdOf, parseDocId } from '../store/store';
import { parseBoardUrl, refuseUpgrade, statusForAuthFailure } from './upgrade';

export type { BoardAuthResult, BoardSyncDeps } from './deps';
export type { WritePolicy } from './guard';
export { BOARD_PATH_PREFIX } from './upgrade';

export interface BoardSyncOptions {
  /** Keepalive ping period; a connection silent for two periods is cut. Default 30 s. */
  pingIntervalMs?: number;
  /** Compact a board's update log once it has more rows than this. Default 300. */
  compactAfterRows?: number;
  /** PR6: compact a board this long after new rows (and when it unloads). Default 20 s. */
  compactWithinMs?: number;
  /** Keep a board nobody uses loaded this long before unloading it. Default 30 s; 0 unloads at once. */
  idleUnloadMs?: number;
}

/** Rate limits on board connections; each answers whether to go on. */
export interface BoardRateLimits {
  /** A new connection from the request's address, before its token is checked. */
  upgrade(req: IncomingMessage): Promise<boolean>;
  /** A person about to get a connection (refused while over their message limit). */
  person(participantId: string): Promise<boolean>;
  /** One message (update, sync or awareness) on a connection. */
  message(connectionId: number, participantId: string): Promise<boolean>;
}

export interface BoardSync {
  /** Call from the http server's 'upgrade' event for URLs under /yjs/. Does async auth; on failure writes an HTTP 401/403/404 response and destroys the socket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Server-authoritative write into a document (`docIdOf`: a board, someone's drafts, or its
   * moderation document): loads it if needed, runs fn in a transaction, persists then broadcasts. With
   * `compact`, the stored log is then rewritten from the document (removed text leaves the store).
   */
  change(docId: string, fn: (doc: Y.Doc) => void, options?: { compact?: boolean }): Promise<void>;
  /** Reads a document (loading it if needed) in its queue, so it sees every stored write and nothing else. */
  read<T>(docId: string, fn: (doc: Y.Doc) => T): Promise<T>;
  /** Re-evaluates access of every connection on a board and its other documents (call when its lock, phase or membership changes); closes those now at 'none' with 4403. Writes of 'read' connections are dropped per message anyway. */
  accessChanged(boardId: string): void;
  /** J5: closes (4401) every connection of these people in this session: their tokens no longer count. */
  signOut(sessionId: string, participantIds: readonly string[]): void;
  /** Closes every connection and waits for pending writes (server shutdown). */
  closeAll(): Promise<void>;
  /**
   * PR4: the session is being deleted: closes (4404) every connection of it and waits until the
   * writes already queued on its boards' documents are done, so none lands after the deletion.
   */
  endSession(sessionId: string, boardIds: readonly string[]): Promise<void>;
  /**
   * CI27: the board is being deleted: closes (4404) every connection to any of its documents, from
   * whichever session, unloads them and waits until their queued writes are done.
   */
  endBoard(boardId: string): Promise<void>;
  stats(): { docs: number; connections: number };
}

/** Grace period for clients to answer our close frame at shutdown before their sockets are cut. */
const SHUTDOWN_CLOSE_WAIT_MS = 1000;

/**
 * The board data plane: our own server side of the y-websocket protocol (y-protocols sync and
 * awareness over `ws`), with auth on the upgrade, a permission check per message, size limits,
 * and every accepted update stored before anyone else sees it.
 */
export function createBoardSync(
  /** With `limits`: rate limits (left out: none; the app passes those of its limits table). */
  deps: BoardSyncDeps & { limits?: BoardRateLimits },
  options: BoardSyncOptions = {},
): BoardSync {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: WS_MAX_PAYLOAD,
    // The client offers `kring.v1` and its token as subprotocols; answering `kring.v1` (browsers
    // fail a connection whose server selects none) never echoes the token back.
    handleProtocols: (offered) => (offered.has(BOARD_SYNC_PROTOCOL) ? BOARD_SYNC_PROTOCOL : false),
  });
  const registry = new RoomRegistry(
    deps,
    options.compactAfterRows ?? COMPACT_AFTER_ROWS,
    options.compactWithinMs ?? COMPACT_WITHIN_MS,
    options.idleUnloadMs ?? IDLE_UNLOAD_MS,
  );
  /** Every open connection and the room it joined (a failed room is replaced, so keep the pair). */
  const connections = new Map<Connection, BoardRoom>();
  const limits = deps.limits;
  // Issue 17: other nodes' updates and cursors reach the documents loaded here (queued like ours).
  deps.relay?.listen({
    ...relayInto(registry, deps.log),
    // Another node deleted a board: its connections here close as that node's did.
    ended: (boardId) => void endHere(boardId).catch(() => undefined),
  });
  const keepalive = startKeepalive(() => connections.keys(), options.pingIntervalMs ?? PING_INTERVAL_MS);
  let closing = false;

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // A client resetting during the async auth must not become an unhandled 'error'.
    const onSocketError = () => socket.destroy();
    socket.on('error', onSocketError);
    if (closing) return refuseUpgrade(socket, 503);
    const target = parseBoardUrl(req.url, req.headers['sec-websocket-protocol']);
    if (!target) return refuseUpgrade(socket, 404);
    if (!target.token) return refuseUpgrade(socket, 401);
    if (limits && !(await limits.upgrade(req))) return refuseUpgrade(socket, 429);
    const auth = await deps.authorize(target.boardId, target.token);
    if (socket.destroyed) return;
    if (closing) return refuseUpgrade(socket, 503);
    if (!auth.ok) {
      // The board id is fine to log; the token never is (nor the URL, which carries it).
      deps.log('info', 'board upgrade refused', { boardId: target.boardId, reason: auth.code });
      return refuseUpgrade(socket, statusForAuthFailure(auth.code));
    }
    // Someone's drafts are theirs alone (BD7), a moderation document is for facilitators (BD14):
    // anyone else is refused before a socket exists.
    if (deps.access(auth.sessionId, target.boardId, auth.participantId, target.doc) === 'none') {
      deps.log('info', 'board upgrade refused', { boardId: target.boardId, reason: 'no access' });
      return refuseUpgrade(socket, 403);
    }
    // Someone just closed for flooding waits out their window (the provider backs off meanwhile).
    if (limits) {
      if (!(await limits.person(auth.participantId))) return refuseUpgrade(socket, 429);
      if (socket.destroyed) return;
      if (closing) return refuseUpgrade(socket, 503);
    }
    // J5: signed out or removed while this upgrade was waiting (no await from here to accept).
    if (deps.stillCurrent && !deps.stillCurrent(auth.sessionId, auth.participantId, auth.epoch)) {
      return refuseUpgrade(socket, 401);
    }
    socket.off('error', onSocketError); // ws installs its own from here on
    const docId = docIdOf(target.boardId, target.doc);
    const { boardId, doc, fresh } = target;
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, { boardId, doc, docId, fresh }, auth));
  }

  function accept(
    ws: WebSocket,
    target: { boardId: string; doc: BoardDoc; docId: string; fresh: boolean },
    who: { sessionId: string; participantId: string },
  ): void {
    if (closing) {
      ws.close(CLOSE_GOING_AWAY, 'server shutting down');
      return;
    }
    const { boardId } = target;
    const conn = createConnection(ws, target, who);
    const room = registry.acquire(target.docId);
    room.conns.add(conn);
    connections.set(conn, room);
    // Queued behind the load: nothing is answered before the document is there.
    void room.queue.run(() => handleJoin(room, conn, deps));
    ws.on('message', (data, isBinary) => receive(conn, room, data, isBinary));
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('error', (err) => {
      deps.log('warn', 'board socket error', {
        boardId,
        participantId: who.participantId,
        error: err.message,
      });
    });
    ws.on('close', () => leave(conn, room));
  }

  /** Cheap checks right away (they need no document); the rest waits its turn in the board queue. */
  function receive(conn: Connection, room: BoardRoom, data: RawData, isBinary: boolean): void {
    conn.alive = true;
    if (conn.closed) return;
    const bytes = toBytes(data);
    if (!isBinary || bytes.length > MESSAGE_BYTES) {
      const code = isBinary ? WS_CLOSE.tooLarge : WS_CLOSE.badMessage;
      const reason = isBinary ? 'message too large' : 'text frames are not part of the protocol';
      deps.log('warn', 'board connection closed', {
        boardId: conn.boardId,
        participantId: conn.participantId,
        code,
        reason,
      });
      closeConnection(conn, code, reason);
      return;
    }
    // Rate limits: counted now, in arrival order, and awaited in the queue. Over the limit the
    // connection is closed (4429), not the message dropped: the client's later updates depend on
    // it. The provider reconnects and syncs what we are missing.
    const allowed = limits?.message(conn.id, conn.participantId);
    void allowed?.then((ok) => {
      if (ok || conn.closed) return;
      deps.log('warn', 'board connection closed', {
        boardId: conn.boardId,
        participantId: conn.participantId,
        code: WS_CLOSE.rateLimited,
        reason: 'too many messages',
      });
      closeConnection(conn, WS_CLOSE.rateLimited, 'too many messages');
    });
    // Backpressure: a client that sends faster than we store stops being read, not buffered.
    conn.queued++;
    if (conn.queued >= MAX_QUEUED_PER_CONNECTION) conn.ws.pause();
    void room.queue
      .run(async () => {
        if (allowed && !(await allowed)) return;
        // One message per turn while others wait behind it on this board: a burst (a flooding
        // connection) cannot hold the server. A message with nothing behind it goes at once, a
        // turn sooner (issue 14: a write on one of 60 quiet boards).
        if (room.queue.pending > 1) await nextTurn();
        return handleMessage(room, conn, bytes, deps);
      })
      .finally(() => {
        conn.queued--;
        if (conn.ws.isPaused && conn.queued < MAX_QUEUED_PER_CONNECTION / 2) conn.ws.resume();
      })
      .catch(() => undefined);
  }

  /** Runs `task` in a document's queue, keeping it loaded meanwhile (loading it if needed). */
  async function held<T>(docId: string, task: (room: BoardRoom) => Promise<T> | T): Promise<T> {
    if (closing) throw new Error('board sync is shutting down');
    const room = registry.acquire(docId);
    room.holds++; // keeps the room loaded until this task is done
    try {
      return await room.queue.run(() => task(room));
    } finally {
      room.holds--;
      registry.release(room);
    }
  }

  function leave(conn: Connection, room: BoardRoom): void {
    if (conn.left) return;
    conn.left = true;
    conn.closed = true;
    connections.delete(conn);
    room.removeConnection(conn);
    registry.release(room);
  }

  /** CI27 on this node: every connection to a document of the board closes (4404), and they unload. */
  async function endHere(boardId: string): Promise<void> {
    const ofBoard = (room: BoardRoom) => room.docId.split('/')[0] === boardId;
    for (const [conn, room] of [...connections]) {
      if (!ofBoard(room)) continue;
      closeConnection(conn, WS_CLOSE.notFound, 'board deleted');
      leave(conn, room);
    }
    registry.unloadIdle(ofBoard);
    await Promise.all(
      registry
        .all()
        .filter(ofBoard)
        .map((room) => room.queue.idle()),
    );
  }

  return {
    handleUpgrade(req, socket, head) {
      upgrade(req, socket, head).catch((err: unknown) => {
        deps.log('error', 'board upgrade failed', { error: String(err) });
        refuseUpgrade(socket, 500);
      });
    },

    async change(docId, fn, changeOptions = {}) {
      await held(docId, (room) => room.applyServerChange(fn, changeOptions));
    },

    read(docId, fn) {
      return held(docId, (room) => {
        if (room.state !== 'ready') throw new Error(`board ${docId} is not available`);
        return fn(room.doc);
      });
    },

    accessChanged(boardId) {
      for (const room of registry.all()) {
        if (parseDocId(room.docId)?.boardId !== boardId) continue;
        for (const conn of room.conns) {
          let access: string;
          try {
            access = deps.access(conn.sessionId, conn.boardId, conn.participantId, conn.doc);
          } catch (err) {
            deps.log('error', 'board access check failed', { boardId, error: String(err) });
            continue;
          }
          if (access === 'none') closeConnection(conn, WS_CLOSE.forbidden, 'no access to this board');
        }
      }
    },

    signOut(sessionId, participantIds) {
      const out = new Set(participantIds);
      for (const conn of connections.keys()) {
        if (conn.sessionId === sessionId && out.has(conn.participantId)) {
          closeConnection(conn, WS_CLOSE.unauthorized, 'signed out');
        }
      }
    },

    async endSession(sessionId, boardIds) {
      for (const [conn, room] of [...connections]) {
        if (conn.sessionId !== sessionId) continue;
        closeConnection(conn, WS_CLOSE.notFound, 'session deleted');
        leave(conn, room);
      }
      const ids = new Set(boardIds);
      const inSession = (room: BoardRoom) => ids.has(room.docId.split('/')[0]!);
      registry.unloadIdle(inSession);
      const ofSession = registry.all().filter(inSession);
      await Promise.all(ofSession.map((room) => room.queue.idle()));
    },

    async endBoard(boardId) {
      await endHere(boardId);
      // Issue 17: and on every other node (their connections would otherwise stay open until
      // their next write, which can no longer be stored).
      deps.relay?.publish({ kind: 'ended', docId: boardId });
    },

    async closeAll() {
      closing = true;
      keepalive.stop();
      const open = [...connections];
      for (const [conn, room] of open) {
        closeConnection(conn, CLOSE_GOING_AWAY, 'server shutting down');
        leave(conn, room);
      }
      // Pending writes (and then the unloads) are in the board queues.
      registry.unloadIdle();
      await Promise.all(registry.all().map((room) => room.queue.idle()));
      await waitClosed(
        open.map(([conn]) => conn.ws),
        SHUTDOWN_CLOSE_WAIT_MS,
      );
      for (const [conn] of open) if (conn.ws.readyState !== WebSocket.CLOSED) conn.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await deps.relay?.close();
    },

    stats() {
      return { docs: registry.size, connections: connections.size };
    },
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** Resolves when every socket is closed or after `ms`, whichever comes first. */
function waitClosed(sockets: WebSocket[], ms: number): Promise<void> {
  const all = Promise.all(
    sockets.map((ws) =>
      ws.readyState === WebSocket.CLOSED
        ? undefined
        : new Promise<void>((resolve) => ws.once('close', () => resolve())),
    ),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return Promise.race([all.then(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
