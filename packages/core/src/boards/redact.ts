import type { BoardState, SessionEvent } from '@kring/protocol';
import type { SessionState } from '../state';

/**
 * What of a board one person may hold (V4, BD9, BD13, VO5, VO6): their own ballot, their own
 * reactions, the authors of their own notes only, and vote totals unless the vote is hidden and
 * still open (facilitators always see totals).
 */
export function cutBoard(board: BoardState, viewerId: string, facilitator: boolean): BoardState {
  const authors: Record<string, string> = {};
  for (const [noteId, authorId] of Object.entries(board.authors)) {
    if (authorId === viewerId) authors[noteId] = authorId;
  }
  const reactions: BoardState['reactions'] = {};
  for (const [noteId, byPerson] of Object.entries(board.reactions)) {
    const mine = byPerson[viewerId];
    if (mine) reactions[noteId] = { [viewerId]: mine };
  }
  const vote = board.vote;
  if (!vote) return { ...board, authors, reactions };
  const ballot = vote.ballots[viewerId];
  const ballots = ballot ? { [viewerId]: ballot } : {};
  const totals = totalsHidden(board, facilitator) ? {} : vote.totals;
  return { ...board, authors, reactions, vote: { ...vote, ballots, totals } };
}

/** VO6: totals are kept from everyone but facilitators while a hidden vote is open. */
export const totalsHidden = (board: BoardState, facilitator: boolean): boolean =>
  !facilitator && !!board.vote && board.vote.open && board.vote.hidden;

const redacted = (event: SessionEvent): SessionEvent => ({
  type: 'event.redacted',
  v: event.v,
  at: event.at,
});

/** The copy of a board event one person receives, or null when the event is not a private one. */
export function redactBoardEvent(
  event: SessionEvent,
  before: SessionState,
  viewerId: string,
  facilitator: boolean,
): SessionEvent | null {
  switch (event.type) {
    case 'note.added':
      // BD9: the only link between a note and its author reaches the author alone.
      return event.authorId !== null && event.authorId === viewerId ? event : redacted(event);
    case 'note.reactionChanged':
      // BD13: who reacted with what is for the person themselves.
      return event.participantId === viewerId ? event : redacted(event);
    case 'vote.changed': {
      // VO5/VO6: a voter id only for the voter; a hidden vote's totals only for facilitators.
      const board = before.boards.find((b) => b.id === event.boardId);
      const hidden = !!board && totalsHidden(board, facilitator);
      if (event.voterId === viewerId) return hidden ? { ...event, total: null } : event;
      return hidden ? redacted(event) : { ...event, voterId: null };
    }
    default:
      return null;
  }
}

export const PRIVATE_BOARD_EVENTS = ['note.added', 'note.reactionChanged', 'vote.changed'] as const;
