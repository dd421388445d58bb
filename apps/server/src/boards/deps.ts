import type { BoardAccess } from '@kring/core';
import type { BoardStore } from '../store/store';

export type BoardAuthResult =
  | { ok: true; sessionId: string; participantId: string }
  | { ok: false; code: 'unauthorized' | 'forbidden' | 'not_found' };

/** What the board sync server needs from the rest of the server; kept narrow so it can be tested alone. */
export interface BoardSyncDeps {
  store: BoardStore;
  /** Checks the token from `?token=` against the board: signature, session membership, board in session. */
  authorize(boardId: string, token: string): Promise<BoardAuthResult>;
  /** Current access of a participant to a board; asked again for every incoming message (locks change). */
  access(sessionId: string, boardId: string, participantId: string): BoardAccess;
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}
