import { readOnlyNotice } from '$lib/board/model';
import { m } from '$lib/paraglide/messages';
import type { BoardAccess } from '@kring/core';
import type { BoardView } from '@kring/protocol';

/** The one line above a board that says why this person cannot write on it now, if anything. */
export interface BoardNotice {
  kind: 'room' | 'archived' | 'locked' | 'role';
  text: string;
}

export interface BoardNoticeInput {
  view: Pick<BoardView, 'locked' | 'archived' | 'anonymous' | 'phase'>;
  access: BoardAccess;
  facilitator: boolean;
  role: string;
  /** What a breakout room says about its board (another room's, a closed room's), if anything. */
  roomNotice: string | null;
}

/**
 * Never a notice that contradicts the form below it: during private writing a participant reads
 * the board's document but writes drafts, so "your role does not write on it" would be wrong (the
 * private area says what happens instead). Observers and captioners are told it in every phase,
 * also on anonymous boards, where everyone's access to the document is only "read".
 */
export function boardNotice(input: BoardNoticeInput): BoardNotice | null {
  const { view, access, facilitator, role, roomNotice } = input;
  if (roomNotice) return { kind: 'room', text: roomNotice };
  if (view.archived || view.locked) {
    const text = readOnlyNotice(view, access, facilitator);
    return text ? { kind: view.archived ? 'archived' : 'locked', text } : null;
  }
  if (facilitator) return null;
  if (role !== 'participant') return { kind: 'role', text: m.board_readonly_role() };
  if (view.phase === 'private') return null;
  const text = readOnlyNotice(view, access, false);
  return text ? { kind: 'role', text } : null;
}
