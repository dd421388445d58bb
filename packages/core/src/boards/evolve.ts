import { type BoardState, type EventOf, REACTION_IDS, type VoteState } from '@kring/protocol';
import { newBoard, type SessionState } from '../state';
import { withCount } from './votes';

export type BoardEvent = EventOf<
  | 'board.created'
  | 'board.lockChanged'
  | 'board.renamed'
  | 'board.archiveChanged'
  | 'board.focusChanged'
  | 'board.phaseChanged'
  | 'board.rulesChanged'
  | 'vote.opened'
  | 'vote.closed'
  | 'vote.changed'
  | 'note.reactionChanged'
  | 'note.added'
  | 'note.hiddenChanged'
  | 'note.deleted'
  | 'note.removed'
>;

/**
 * Applies board events. Works on the server's state and on a client's cut copy alike: events a
 * copy may not see reach it as `event.redacted`, and the fields they would fill are cut from its
 * snapshot too (V5).
 */
export function evolveBoard(state: SessionState, event: BoardEvent): SessionState {
  switch (event.type) {
    case 'board.created':
      return {
        ...state,
        boards: [
          ...state.boards,
          newBoard(event.boardId, event.title, event.templateId ?? 'blank', event.anonymous ?? false, {
            arrange: event.arrange,
            screening: event.screening,
            lasting: event.lasting,
          }),
        ],
      };
    case 'board.focusChanged':
      return { ...state, focusBoardId: event.boardId };
    case 'board.archiveChanged': {
      const next = update(state, event.boardId, (b) => ({ ...b, archived: event.archived }));
      // BD3: an archived board is nobody's focus.
      return event.archived && next.focusBoardId === event.boardId ? { ...next, focusBoardId: null } : next;
    }
    default:
      return update(state, event.boardId, (board) => evolveOne(board, event));
  }
}

function evolveOne(
  board: BoardState,
  event: Exclude<BoardEvent, EventOf<'board.created' | 'board.focusChanged' | 'board.archiveChanged'>>,
): BoardState {
  switch (event.type) {
    case 'board.lockChanged':
      return { ...board, locked: event.locked };
    case 'board.renamed':
      return { ...board, title: event.title };
    case 'board.phaseChanged':
      return { ...board, phase: event.phase };
    case 'board.rulesChanged':
      return { ...board, arrange: event.arrange, screening: event.screening };
    case 'vote.opened':
      return {
        ...board,
        vote: {
          open: true,
          budget: event.budget,
          capPerNote: event.capPerNote,
          hidden: event.hidden,
          openedAt: event.at,
          ballots: {},
          totals: {},
        },
      };
    case 'vote.closed':
      return board.vote ? { ...board, vote: { ...board.vote, open: false, totals: event.totals } } : board;
    case 'vote.changed': {
      const vote = board.vote;
      if (!vote) return board;
      let ballots = vote.ballots;
      if (event.voterId !== null) {
        const ballot = ballots[event.voterId] ?? {};
        const next = withCount(ballot, event.noteId, (ballot[event.noteId] ?? 0) + event.delta);
        const { [event.voterId]: _old, ...others } = ballots;
        ballots = Object.keys(next).length > 0 ? { ...others, [event.voterId]: next } : others;
      }
      const totals = event.total === null ? vote.totals : withCount(vote.totals, event.noteId, event.total);
      return { ...board, vote: { ...vote, ballots, totals } };
    }
    case 'note.reactionChanged': {
      const onNote = board.reactions[event.noteId] ?? {};
      const mine = new Set(onNote[event.participantId] ?? []);
      if (event.on) mine.add(event.reaction);
      else mine.delete(event.reaction);
      const { [event.participantId]: _old, ...others } = onNote;
      const next =
        mine.size > 0
          ? { ...others, [event.participantId]: REACTION_IDS.filter((r) => mine.has(r)) }
          : others;
      const { [event.noteId]: _note, ...rest } = board.reactions;
      return { ...board, reactions: Object.keys(next).length > 0 ? { ...rest, [event.noteId]: next } : rest };
    }
    case 'note.added':
      // BD15: an anonymous note has no author to record.
      if (event.authorId === null) return board;
      return { ...board, authors: { ...board.authors, [event.noteId]: event.authorId } };
    case 'note.hiddenChanged':
      // The document holds the flag; the session only records who hid what, when.
      return board;
    case 'note.deleted':
    case 'note.removed':
      return forgetNote(board, event.noteId);
  }
}

/** BD11: a note that is gone takes its author, reactions and votes with it (VO3). */
function forgetNote(board: BoardState, noteId: string): BoardState {
  const { [noteId]: _author, ...authors } = board.authors;
  const { [noteId]: _reactions, ...reactions } = board.reactions;
  return { ...board, authors, reactions, vote: board.vote ? forgetVotes(board.vote, noteId) : null };
}

function forgetVotes(vote: VoteState, noteId: string): VoteState {
  const ballots: Record<string, Record<string, number>> = {};
  for (const [voter, ballot] of Object.entries(vote.ballots)) {
    const next = withCount(ballot, noteId, 0);
    if (Object.keys(next).length > 0) ballots[voter] = next;
  }
  return { ...vote, ballots, totals: withCount(vote.totals, noteId, 0) };
}

function update(state: SessionState, boardId: string, fn: (b: BoardState) => BoardState): SessionState {
  return { ...state, boards: state.boards.map((b) => (b.id === boardId ? fn(b) : b)) };
}
