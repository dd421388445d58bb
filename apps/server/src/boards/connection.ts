import { WebSocket } from 'ws';
import type { BoardDoc } from '../store/store';
import { MAX_BUFFERED_BYTES } from './limits';

let nextId = 1;

/** One client WebSocket on one board, as the sync server sees it. */
export interface Connection {
  readonly id: number;
  readonly ws: WebSocket;
  readonly boardId: string;
  /** Which of the board's documents: the board, someone's drafts (BD7) or its moderation document (BD14). */
  readonly doc: BoardDoc;
  /** The document's store key (`docIdOf(boardId, doc)`). */
  readonly docId: string;
  readonly sessionId: string;
  readonly participantId: string;
  /** Awareness client ids this connection speaks for; their states are removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** Issue 14: the client said it holds nothing yet (`?fresh=1`): greet it with the whole document. */
  readonly fresh: boolean;
  /**
   * Issue 14: the state vector the whole document sent with a fresh greeting covered, until the
   * client's own sync step 1 is answered (only with what lies beyond it); null otherwise.
   */
  greeted: Uint8Array | null;
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
  target: { boardId: string; doc: BoardDoc; docId: string; fresh?: boolean },
  who: { sessionId: string; participantId: string },
): Connection {
  return {
    id: nextId++,
    ws,
    boardId: target.boardId,
    doc: target.doc,
    docId: target.docId,
    sessionId: who.sessionId,
    participantId: who.participantId,
    awarenessIds: new Set(),
    fresh: target.fresh ?? false,
    greeted: null,
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
