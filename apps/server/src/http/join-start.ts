import { type SessionState, boardAccess, redactState } from '@kring/core';
import { type JoinStart, LIMITS } from '@kring/protocol';
import * as Y from 'yjs';
import type { BoardSync } from '../boards';
import type { Log } from '../log';
import type { Store } from '../store/store';

export interface JoinStartDeps {
  boards: Pick<BoardSync, 'read'>;
  store: Pick<Store, 'circleIdForBoard'>;
  /** Who is connected to the session now (presence). */
  online: (sessionId: string) => string[];
  log: Log;
}

/**
 * What a newcomer's session page opens with (`JoinStart`, issue 14): their cut of the state, as
 * their first welcome would carry it, and the document of the board they will see, as the board's
 * socket would send it to anyone who may read it. Nothing here is more than those two would send.
 */
export async function joinStart(
  deps: JoinStartDeps,
  state: SessionState,
  participantId: string,
  boardId: string | null,
): Promise<JoinStart> {
  return {
    state: redactState(state, participantId),
    online: deps.online(state.sessionId),
    board: boardId === null ? null : await boardFor(deps, state, participantId, boardId),
  };
}

/** The board's document in base64, or null: not readable by them, gone, or too big to carry here. */
async function boardFor(
  deps: JoinStartDeps,
  state: SessionState,
  participantId: string,
  boardId: string,
): Promise<string | null> {
  // The same questions the board's socket asks before it sends a byte (boards/upgrade, app.ts).
  const board = state.boards.find((b) => b.id === boardId);
  if (!board || boardAccess(state, participantId, boardId) === 'none') return null;
  // CI27: a lasting board its circle removed is gone, though the meeting still lists it.
  if (board.lasting && !(await deps.store.circleIdForBoard(boardId))) return null;
  let update: Uint8Array;
  try {
    update = await deps.boards.read(boardId, (doc) => Y.encodeStateAsUpdate(doc));
  } catch (err) {
    // The join itself stands: the page opens the board over its socket, which says what is wrong.
    deps.log('warn', 'board for a join start unavailable', { boardId, error: String(err) });
    return null;
  }
  const base64 = Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('base64');
  return base64.length <= LIMITS.joinStartBoardBase64Max ? base64 : null;
}
