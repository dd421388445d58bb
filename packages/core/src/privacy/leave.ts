import type { BoardState, CommandOf, NewSessionEvent } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse } from '../decision';

/**
 * PR8: leaving with your words. One command takes back everything a person put into the session
 * and then takes them out of it, in one batch, so nobody ever sees half of it:
 * - their questions (named ones by their id; anonymous ones by the owner keys their device proved,
 *   Q10) are deleted, and their votes on other questions taken back;
 * - their notes on every board (recorded as theirs, named as theirs in the document, or anonymous
 *   with one of their owner keys, BD15) are deleted, whatever the board's lock or phase;
 * - their reactions and dot votes on other notes are taken back (totals follow);
 * - they are removed as a facilitator removes someone (RO5: their name leaves, they lose every
 *   access), with `by` themselves.
 * RO4 holds: the last host hands over first. Each event is one the engine already knows, so every
 * copy (and the stored log, PR6) follows the way it follows a person doing each step by hand.
 */
export function decideLeave(ctx: Ctx, command: CommandOf<'participant.leave'>): Decision {
  const { state, who, now: at } = ctx;
  const lastHost =
    who.role === 'host' &&
    !Object.values(state.participants).some((p) => p.id !== who.id && p.role === 'host' && !p.removed);
  if (lastHost) return refuse('conflict', 'the last host cannot leave; make someone else host first');
  const keys = new Set(command.ownerKeys ?? []);
  const events: NewSessionEvent[] = [];

  for (const q of Object.values(state.questions)) {
    if (q.authorId === who.id || (q.ownerKey !== null && keys.has(q.ownerKey))) {
      events.push({ type: 'question.deleted', at, questionId: q.id });
    } else if (q.voters.includes(who.id)) {
      events.push({ type: 'question.voteChanged', at, questionId: q.id, voterId: who.id, voted: false });
    }
  }

  for (const board of state.boards) {
    const written = notesWrittenBy(ctx, board, keys);
    for (const noteId of written) events.push({ type: 'note.deleted', at, boardId: board.id, noteId });
    events.push(...reactionsTakenBack(board, who.id, written, at));
    events.push(...votesTakenBack(board, who.id, written, at));
  }

  events.push({ type: 'participant.removed', at, participantId: who.id, by: who.id });
  return accept(...events);
}

/** The ids of the notes on `board` that are this person's (BD10, BD15), sorted. */
function notesWrittenBy(ctx: Ctx, board: BoardState, keys: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const [noteId, author] of Object.entries(board.authors)) if (author === ctx.who.id) ids.add(noteId);
  for (const [noteId, facts] of ctx.boardNotes?.get(board.id) ?? []) {
    const keyed = board.anonymous && facts.ownerKey !== undefined && keys.has(facts.ownerKey);
    if (facts.authorId === ctx.who.id || keyed) {
      ids.add(noteId);
    }
  }
  return [...ids].sort();
}

/** BD13: each reaction of theirs on a note that stays, switched off. */
function reactionsTakenBack(
  board: BoardState,
  personId: string,
  deleted: readonly string[],
  at: number,
): NewSessionEvent[] {
  const events: NewSessionEvent[] = [];
  for (const [noteId, byPerson] of Object.entries(board.reactions)) {
    if (deleted.includes(noteId)) continue;
    for (const reaction of byPerson[personId] ?? []) {
      events.push({
        type: 'note.reactionChanged',
        at,
        boardId: board.id,
        noteId,
        participantId: personId,
        reaction,
        on: false,
      });
    }
  }
  return events;
}

/** VO2: each dot of theirs on a note that stays, taken back one at a time (open or closed vote). */
function votesTakenBack(
  board: BoardState,
  personId: string,
  deleted: readonly string[],
  at: number,
): NewSessionEvent[] {
  const vote = board.vote;
  const ballot = vote?.ballots[personId];
  if (!vote || !ballot) return [];
  const events: NewSessionEvent[] = [];
  for (const [noteId, count] of Object.entries(ballot)) {
    if (deleted.includes(noteId)) continue;
    const total = vote.totals[noteId] ?? count;
    for (let taken = 1; taken <= count; taken++) {
      events.push({
        type: 'vote.changed',
        at,
        boardId: board.id,
        noteId,
        voterId: personId,
        delta: -1,
        total: Math.max(0, total - taken),
      });
    }
  }
  return events;
}
