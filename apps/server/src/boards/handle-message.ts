import { WS_CLOSE } from '@kring/protocol';
import { draftsOwner } from '../store/store';
import { type Connection, closeConnection } from './connection';
import type { BoardSyncDeps } from './deps';
import { BoardCloseError, CLOSE_INTERNAL, tooLarge } from './errors';
import { AWARENESS_MESSAGE_BYTES } from './limits';
import { checkUpdate } from './guard';
import { decodeClientMessage } from './messages';
import type { BoardRoom } from './room';

/**
 * First task for a new connection, once the document is loaded: our sync step 1 and the current
 * awareness states, as the reference server does, so the client sends what we are missing.
 */
export function handleJoin(room: BoardRoom, conn: Connection, deps: BoardSyncDeps): Promise<void> {
  return guarded(room, conn, deps, () => {
    if (accessOf(conn, deps) === 'none') throw forbidden();
    room.greet(conn);
  });
}

/**
 * Handles one client message. Runs inside the board queue, after the document is loaded.
 * Never throws: whatever the client sent, the worst outcome is that its connection is closed.
 */
export function handleMessage(
  room: BoardRoom,
  conn: Connection,
  bytes: Uint8Array,
  deps: BoardSyncDeps,
): Promise<void> {
  return guarded(room, conn, deps, async () => {
    // Asked per message: a lock or a removal takes effect on the very next message.
    const access = accessOf(conn, deps);
    if (access === 'none') throw forbidden();
    const message = decodeClientMessage(bytes);
    switch (message.kind) {
      case 'syncStep1':
        room.answerSyncStep1(conn, message.stateVector);
        return;
      case 'write':
        // Read-only: dropped without a word. The provider has no notion of a refused write, and
        // closing would only make it reconnect and send the same thing again.
        // BD14: a moderation document is the server's alone, whatever the access rule says.
        if (access !== 'write' || conn.doc.kind === 'moderation') return;
        {
          // BD12: an update touching what this connection may not change is refused whole.
          const owner = draftsOwner(conn.doc);
          const policy = deps.writePolicy?.(conn.sessionId, conn.boardId, conn.participantId, owner);
          const refusal =
            (policy ? checkUpdate(room.doc, message.update, policy) : null) ??
            room.clientIds.claim(room.doc, message.update, conn.participantId);
          if (refusal !== null) {
            deps.log('warn', 'board write refused', {
              boardId: conn.boardId,
              participantId: conn.participantId,
              reason: refusal,
            });
            return;
          }
        }
        await room.applyClientUpdate(conn, message.update);
        return;
      case 'awareness':
        // Everyone who can read may show their cursor, including read-only connections.
        if (message.update.length > AWARENESS_MESSAGE_BYTES) throw tooLarge('awareness update too large');
        // BD9: not on anonymous boards, where a cursor next to a note could name its author.
        if (deps.relaysAwareness && !deps.relaysAwareness(conn.sessionId, conn.boardId)) return;
        room.applyClientAwareness(conn, message.update);
        return;
      case 'queryAwareness':
        room.answerQueryAwareness(conn);
        return;
      case 'auth':
        return;
    }
  });
}

const forbidden = () => new BoardCloseError(WS_CLOSE.forbidden, 'no access to this board');

const accessOf = (conn: Connection, deps: BoardSyncDeps) =>
  deps.access(conn.sessionId, conn.boardId, conn.participantId, conn.doc);

/** Runs `fn` for a live connection; turns every failure into closing that one connection. */
async function guarded(
  room: BoardRoom,
  conn: Connection,
  deps: BoardSyncDeps,
  fn: () => Promise<void> | void,
): Promise<void> {
  if (conn.closed || room.state !== 'ready') return;
  try {
    await fn();
  } catch (err) {
    if (conn.closed) return; // e.g. the room failed while storing and closed everyone already
    const fields = { boardId: conn.boardId, participantId: conn.participantId };
    if (err instanceof BoardCloseError) {
      deps.log('warn', 'board connection closed', { ...fields, code: err.code, reason: err.message });
      closeConnection(conn, err.code, err.message);
    } else {
      deps.log('error', 'board message handling failed', { ...fields, error: String(err) });
      closeConnection(conn, CLOSE_INTERNAL, 'internal error');
    }
  }
}
