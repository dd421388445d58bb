import type { BoardState, BoardView, ReactionId } from '@kring/protocol';
import { cutBoard, totalsHidden } from './redact';
import { votesLeft } from './votes';

/**
 * A board as one person sees it (V1): their own ballot and votes left, totals unless hidden
 * (VO6), their own reactions, and which notes are theirs, never anyone else's (BD9, BD13, VO5).
 */
export function boardView(board: BoardState, viewerId: string, facilitator: boolean): BoardView {
  const cut = cutBoard(board, viewerId, facilitator);
  const myReactions: Record<string, ReactionId[]> = {};
  for (const [noteId, byPerson] of Object.entries(cut.reactions)) {
    const mine = byPerson[viewerId];
    if (mine && mine.length > 0) myReactions[noteId] = mine;
  }
  const vote = cut.vote;
  const mine = vote?.ballots[viewerId] ?? {};
  return {
    id: cut.id,
    title: cut.title,
    locked: cut.locked,
    templateId: cut.templateId,
    anonymous: cut.anonymous,
    archived: cut.archived,
    phase: cut.phase,
    vote: vote && {
      open: vote.open,
      budget: vote.budget,
      capPerNote: vote.capPerNote,
      hidden: vote.hidden,
      openedAt: vote.openedAt,
      totals: totalsHidden(board, facilitator) ? null : vote.totals,
      mine,
      left: votesLeft(vote.budget, mine),
    },
    myReactions,
    myNotes: Object.keys(cut.authors).sort(),
    // BD16/BD17: everyone sees the board's rules.
    arrange: cut.arrange,
    screening: cut.screening,
    lasting: cut.lasting,
  };
}
