import { WebSocket } from 'ws';
import { MAX_BUFFERED_BYTES } from './limits';

let nextId = 1;

/** One client WebSocket on one board, as the sync server sees it. */
export interface Connection {
  readonly id: number;
  readonly ws: WebSocket;
  readonly boardId: string;
  /** Whose drafts of the board this connection edits (BD7), or null for the board itself. */
  readonly draftsOf: string | null;
  /** The document (and store key): the board id, or `<boardId>/drafts/<participantId>`. */
  readonly docId: string;
  readonly sessionId: string;
  readonly participantId: string;
  /** Awareness client ids this connection speaks for; their states are removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** Cleared at each keepalive ping, set again by the pong (or any message). */
  alive: boolean;
  /** Set as soon as we decide to close: messages still queued for it are then skipped. */
  closed: boolean;
  /** Set once it has been taken out of its board (idempotent leave). */
  left: boolean;
  /** Its messages waiting in the board queue (backpressure). */
  queued: number;
}

export function createConnection(
  ws: WebSocket,
  target: { boardId: string; draftsOf: string | null; docId: string },
  who: { sessionId: string; participantId: string },
): Connection {
  return {
    id: nextId++,
    ws,
    boardId: target.boardId,
    draftsOf: target.draftsOf,
    docId: target.docId,
    sessionId: who.sessionId,
    participantId: who.participantId,
    awarenessIds: new Set(),
    alive: true,
    closed: false,
    left: false,
    queued: 0,
  };
}

export function send(conn: Connection, message: Uint8Array): void {
  if (conn.closed || conn.ws.readyState !== WebSocket.OPEN) return;
  if (conn.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    // It is not reading; a later reconnect resyncs it from scratch.
    conn.closed = true;
    conn.ws.terminate();
    return;
  }
  // Send errors surface as a 'close' on the socket; nothing to do here.
  conn.ws.send(message, () => undefined);
}

export function closeConnection(conn: Connection, code: number, reason: string): void {
  if (conn.closed) return;
  conn.closed = true;
  try {
    conn.ws.close(code, reason);
  } catch {
    // close() throws on invalid codes/reasons only; fall back to cutting the socket.
    conn.ws.terminate();
  }
}
