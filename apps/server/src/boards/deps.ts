import type { BoardAccess } from '@kring/core';
import type { BoardDoc, BoardStore } from '../store/store';
import type { BoardRelay } from './cluster-relay';
import type { WritePolicy } from './guard';

export type BoardAuthResult =
  | { ok: true; sessionId: string; participantId: string; epoch: number }
  | { ok: false; code: 'unauthorized' | 'forbidden' | 'not_found' };

/** What the board sync server needs from the rest of the server; kept narrow so it can be tested alone. */
export interface BoardSyncDeps {
  store: BoardStore;
  /** Checks the token (offered as a `kring.token.` subprotocol) against the board: signature, session membership, board in session. */
  authorize(boardId: string, token: string): Promise<BoardAuthResult>;
  /**
   * Asked synchronously right before the upgrade completes, after its last `await`: whether the
   * person is still in the session at their token's epoch (J5). Left out: always.
   */
  stillCurrent?(sessionId: string, participantId: string, epoch: number): boolean;
  /**
   * Current access of a participant to one of a board's documents (left out: the board itself);
   * asked again for every incoming message (locks and phases change). 'none' refuses the upgrade.
   */
  access(sessionId: string, boardId: string, participantId: string, doc?: BoardDoc): BoardAccess;
  /**
   * Whether awareness (cursors, names) from connections to this board is applied and relayed.
   * Left out: always. Anonymous boards relay none (BD9).
   */
  relaysAwareness?(sessionId: string, boardId: string): boolean;
  /**
   * The write guard for a writing connection (BD12); null or left out: its writes are not
   * inspected. Asked for every write, so a change of the board's rules (BD16) holds from the next one.
   */
  writePolicy?(
    sessionId: string,
    boardId: string,
    participantId: string,
    draftsOf: string | null,
  ): WritePolicy | null;
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
  /** Issue 17: the other nodes serving the same documents. Left out: this node is alone. */
  relay?: BoardRelay;
}
