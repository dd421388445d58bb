import {
  type BoardState,
  type CommandOf,
  type ErrorCode,
  LIMITS,
  type NewSessionEvent,
  type ParticipantState,
} from '@kring/protocol';
import { readableByAll, roomBoardAccess } from '../breakouts/rules';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import { isFacilitator, mayContribute, takesTheFloor } from '../permissions';
import type { SessionState } from '../state';
import { checkVote, tallyVotes, type VoteRefusal } from './votes';

/** Boards (BD), dot votes (VO), reactions and notes written through the server. */

export type BoardCommand = CommandOf<
  | 'board.setLock'
  | 'board.add'
  | 'board.rename'
  | 'board.archive'
  | 'board.focus'
  | 'board.setPhase'
  | 'board.setRules'
  | 'vote.open'
  | 'vote.close'
  | 'vote.cast'
  | 'note.react'
  | 'note.hide'
  | 'note.remove'
  | 'note.add'
  | 'note.edit'
  | 'note.delete'
>;

const VOTE_REFUSALS: Record<VoteRefusal, string> = {
  vote_closed: 'no vote is open on this board',
  budget_exhausted: 'you have no votes left',
  cap_reached: 'this note has as many of your votes as it can take',
  no_votes_to_remove: 'you have no vote on this note to take back',
};

export function decideBoard(ctx: Ctx, command: BoardCommand): Decision {
  const { state, who, now: at } = ctx;
  if (command.type === 'board.add') return addBoard(ctx, command);
  if (command.type === 'board.focus') {
    // BD4: bring everyone to a board, or let people choose again (null).
    if (command.boardId === null) {
      return state.focusBoardId === null
        ? unchanged()
        : accept({ type: 'board.focusChanged', at, boardId: null, by: who.id });
    }
    const target = findBoard(state, command.boardId);
    if (!target) return refuse('not_found', 'no such board');
    if (target.archived) return refuse('conflict', 'an archived board cannot be brought to everyone');
    if (!readableByAll(state, target.id)) return refuse('conflict', 'open the gallery first');
    if (state.focusBoardId === target.id) return unchanged();
    return accept({ type: 'board.focusChanged', at, boardId: target.id, by: who.id });
  }

  const board = findBoard(state, command.boardId);
  if (!board) return refuse('not_found', 'no such board');
  const vote = board.vote;

  switch (command.type) {
    case 'board.setLock':
      if (board.locked === command.locked) return unchanged();
      return accept({ type: 'board.lockChanged', at, boardId: board.id, locked: command.locked, by: who.id });

    case 'board.rename':
      // BD2
      if (board.title === command.title) return unchanged();
      // CI26: its title is the circle's, the same in every meeting.
      if (board.lasting) return refuse('conflict', "this board is the circle's: its hosts name it there");
      return accept({ type: 'board.renamed', at, boardId: board.id, title: command.title, by: who.id });

    case 'board.archive': {
      // BD3: archiving ends an open vote (publishing its results) and takes the focus away.
      if (board.archived === command.archived) return unchanged();
      const events: NewSessionEvent[] = [];
      if (command.archived && vote?.open) events.push(closeVote(board, who.id, at));
      events.push({
        type: 'board.archiveChanged',
        at,
        boardId: board.id,
        archived: command.archived,
        by: who.id,
      });
      return accept(...events);
    }

    case 'board.setPhase':
      // BD7/BD8: private writing starts; going back to open reveals (the server moves the drafts).
      if (board.phase === command.phase) return unchanged();
      if (command.phase === 'private') {
        if (board.archived) return refuse('conflict', 'an archived board takes no drafts');
        if (vote?.open) return refuse('conflict', 'close the vote before private writing starts');
      }
      return accept({ type: 'board.phaseChanged', at, boardId: board.id, phase: command.phase, by: who.id });

    case 'board.setRules': {
      // BD16/BD17: what is left out stays; the same rules record nothing.
      const arrange = command.arrange ?? board.arrange;
      const screening = command.screening ?? board.screening;
      if (screening && !board.anonymous) return refuse('bad_request', SCREENING_NAMED);
      if (arrange === board.arrange && screening === board.screening) return unchanged();
      return accept({ type: 'board.rulesChanged', at, boardId: board.id, arrange, screening, by: who.id });
    }

    case 'vote.open':
      // VO1: a fresh vote (earlier ballots and totals are cleared).
      if (board.archived) return refuse('conflict', 'an archived board takes no votes');
      if (board.phase === 'private') return refuse('conflict', 'reveal the drafts before voting');
      if (vote?.open) return refuse('conflict', 'a vote is already open on this board');
      if (command.capPerNote > command.budget) {
        return refuse('bad_request', 'the cap per note cannot be larger than the budget');
      }
      return accept({
        type: 'vote.opened',
        at,
        boardId: board.id,
        budget: command.budget,
        capPerNote: command.capPerNote,
        hidden: command.hidden,
        by: who.id,
      });

    case 'vote.close':
      // VO7: results stay until the next vote opens.
      if (!vote?.open) return unchanged();
      return accept(closeVote(board, who.id, at));

    case 'vote.cast': {
      // VO2–VO4
      if (!takesTheFloor(who.role)) return refuse('forbidden', 'observers and captioners do not vote');
      if (!vote?.open) return refuse('conflict', VOTE_REFUSALS.vote_closed);
      const missing = missingNote(ctx, command.noteId);
      if (missing) return missing;
      const live = ctx.notes ? new Set(ctx.notes.keys()) : undefined;
      const ballot = vote.ballots[who.id] ?? {};
      const check = checkVote(vote, ballot, command.noteId, command.delta, live);
      if (!check.ok) return refuse('conflict', VOTE_REFUSALS[check.reason]);
      const total = Math.max(0, (vote.totals[command.noteId] ?? 0) + command.delta);
      return accept({
        type: 'vote.changed',
        at,
        boardId: board.id,
        noteId: command.noteId,
        voterId: who.id,
        delta: command.delta,
        total,
      });
    }

    case 'note.react': {
      // BD13: each kind at most once per person and note; `on` sets, so a retry changes nothing.
      const refused = contributionRefused(ctx, board);
      if (refused) return refused;
      const missing = missingNote(ctx, command.noteId);
      if (missing) return missing;
      const mine = board.reactions[command.noteId]?.[who.id] ?? [];
      if (mine.includes(command.reaction) === command.on) return unchanged();
      return accept({
        type: 'note.reactionChanged',
        at,
        boardId: board.id,
        noteId: command.noteId,
        participantId: who.id,
        reaction: command.reaction,
        on: command.on,
      });
    }

    case 'note.hide': {
      // BD11
      if (ctx.notes) {
        const note = ctx.notes.get(command.noteId);
        if (!note) return refuse('not_found', 'no such note');
        if (note.hidden === command.hidden) return unchanged();
      }
      return accept({
        type: 'note.hiddenChanged',
        at,
        boardId: board.id,
        noteId: command.noteId,
        hidden: command.hidden,
        by: who.id,
      });
    }

    case 'note.remove':
      // BD11; C4: removing what is already gone changes nothing.
      if (ctx.notes && !ctx.notes.has(command.noteId) && !isTracked(board, command.noteId)) {
        return unchanged();
      }
      return accept({ type: 'note.removed', at, boardId: board.id, noteId: command.noteId, by: who.id });

    case 'note.add': {
      // BD10: the server assigns the id and keeps the author; the document never names them on an
      // anonymous board (BD9).
      if (!command.noteId) return refuse('bad_request', 'a new note needs the id the server assigns');
      const refused = contributionRefused(ctx, board);
      if (refused) return refused;
      if (board.authors[command.noteId] !== undefined || ctx.notes?.has(command.noteId)) {
        return refuse('conflict', 'a note with this id exists');
      }
      // BD15: an anonymous note's author is not recorded anywhere; its owner key (in the
      // document) is what makes it theirs.
      return accept({
        type: 'note.added',
        at,
        boardId: board.id,
        noteId: command.noteId,
        authorId: board.anonymous ? null : who.id,
      });
    }

    case 'note.edit': {
      // BD10: only the author edits; the words go to the document only (no event, nothing stored
      // in the session's record).
      const owner = ownership(ctx, board, command);
      if (owner === 'unknown') return refuse('not_found', 'no such note');
      if (owner === 'other') return refuse('forbidden', 'only the author edits a note');
      // BD11: a hidden note's words are off the board; editing must not put words back. For
      // everyone but facilitators the note does not exist (as for votes and reactions, C3).
      const missing = missingNote(ctx, command.noteId);
      if (missing) return missing;
      if (ctx.notes?.get(command.noteId)?.hidden) {
        return refuse('conflict', 'this note is hidden: show it again before editing it');
      }
      const refused = contributionRefused(ctx, board);
      if (refused) return refused;
      return unchanged();
    }

    case 'note.delete': {
      // BD10: only the author deletes (facilitators hide or remove instead); gone is gone (C4).
      // BD11: also a note a facilitator hid: people may always take back their own words.
      const owner = ownership(ctx, board, command);
      if (owner === 'unknown') return unchanged();
      if (owner === 'other') return refuse('forbidden', 'only the author deletes a note');
      const refused = contributionRefused(ctx, board);
      if (refused) return refused;
      return accept({ type: 'note.deleted', at, boardId: board.id, noteId: command.noteId });
    }
  }
}

function addBoard(ctx: Ctx, command: CommandOf<'board.add'>): Decision {
  // BD1
  const { state, now: at } = ctx;
  if (!command.boardId) return refuse('bad_request', 'a new board needs the id the server assigns');
  if (findBoard(state, command.boardId)) return refuse('conflict', 'a board with this id exists');
  if (state.boards.length >= LIMITS.boardsMax) {
    return refuse('too_large', 'this session has as many boards as it can hold');
  }
  // BD17: screening holds anonymous notes; a named board's notes are written in their authors' names.
  if (command.screening && !command.anonymous) return refuse('bad_request', SCREENING_NAMED);
  const custom = command.templateId === 'columns';
  if (custom && !command.columns) return refuse('bad_request', 'name at least one column');
  if (!custom && command.columns)
    return refuse('bad_request', 'only the columns template takes column names');
  return accept({
    type: 'board.created',
    at,
    boardId: command.boardId,
    title: command.title,
    templateId: command.templateId,
    anonymous: command.anonymous ?? false,
    // BD16/BD17: only what differs from the defaults.
    ...(command.arrange && command.arrange !== 'everyone' ? { arrange: command.arrange } : {}),
    ...(command.screening ? { screening: true } : {}),
  });
}

const SCREENING_NAMED = 'screening is only for anonymous boards';

/**
 * BD17: whether a note this person puts on the board (by `note.add`, or revealed from their
 * drafts, BD8) lands hidden: on an anonymous board that screens notes, everyone's but
 * facilitators'. The server then writes it hidden, its words straight into the moderation
 * document (BD11, BD14); a facilitator releases it with `note.hide` `hidden: false`.
 */
export function heldForScreening(board: BoardState, role: ParticipantState['role']): boolean {
  return board.anonymous && board.screening && !isFacilitator(role);
}

const findBoard = (state: SessionState, boardId: string): BoardState | undefined =>
  state.boards.find((b) => b.id === boardId);

function closeVote(board: BoardState, by: string, at: number): NewSessionEvent {
  return { type: 'vote.closed', at, boardId: board.id, totals: tallyVotes(board.vote?.ballots ?? {}), by };
}

/** C3 with the server's reading of the document: a missing note, or one hidden from this person. */
function missingNote(ctx: Ctx, noteId: string): Decision | null {
  if (!ctx.notes) return null;
  const note = ctx.notes.get(noteId);
  if (!note || (note.hidden && !isFacilitator(ctx.who.role))) return refuse('not_found', 'no such note');
  return null;
}

/**
 * BD10/BD15: whose note this is to the person acting: theirs when the state records them as its
 * author, or (anonymous notes) when the owner key they proved is the note's; 'unknown' when nothing
 * makes it anyone's (no such note, or an anonymous note written without a key).
 */
function ownership(
  ctx: Ctx,
  board: BoardState,
  command: { noteId: string; ownerKey?: string | undefined },
): 'mine' | 'other' | 'unknown' {
  const author = board.authors[command.noteId];
  if (author !== undefined) return author === ctx.who.id ? 'mine' : 'other';
  // Owner keys count on anonymous boards only: there the server wrote every note and its key.
  const key = board.anonymous ? ctx.notes?.get(command.noteId)?.ownerKey : undefined;
  if (key === undefined) return 'unknown';
  return key === command.ownerKey ? 'mine' : 'other';
}

/** Anything the state still keeps about a note (its author, reactions, votes). */
function isTracked(board: BoardState, noteId: string): boolean {
  if (board.authors[noteId] !== undefined || board.reactions[noteId] !== undefined) return true;
  const vote = board.vote;
  return (
    !!vote && (vote.totals[noteId] !== undefined || Object.values(vote.ballots).some((b) => noteId in b))
  );
}

/** BD6: why this person may not change what is on the board now, or null when they may. */
function contributionRefused(ctx: Ctx, board: BoardState): Decision | null {
  if (mayContribute(ctx.state, ctx.who.id, board.id)) return null;
  // BR12/BR13: another room's board, or a room that is not open (drafted, closed, or only visible
  // in the gallery).
  const room = roomBoardAccess(ctx.state, ctx.who.id, board.id);
  const [code, message]: [ErrorCode, string] = !takesTheFloor(ctx.who.role)
    ? ['forbidden', 'observers and captioners do not write on boards']
    : room === 'none'
      ? ['forbidden', "this is another room's board"]
      : room === 'read'
        ? ['forbidden', 'this room is not open for writing: you can read its board']
        : board.archived
          ? ['board_locked', 'this board is archived']
          : board.locked
            ? ['board_locked', 'this board is locked']
            : ['conflict', 'the board is in private writing: write your drafts now'];
  return refuse(code, message);
}

/**
 * BD8: after a reveal the server records who wrote each note it brought from the drafts, so
 * authors can edit and delete them later. Notes already recorded are skipped, so a reveal that is
 * run again (after an interruption) records nothing twice. Not a command: the server decides it.
 */
export function recordRevealed(
  state: SessionState,
  boardId: string,
  notes: readonly { noteId: string; authorId: string }[],
  now: number,
): Decision {
  const board = findBoard(state, boardId);
  if (!board) return refuse('not_found', 'no such board');
  // BD15: an anonymous board's revealed notes carry owner keys in the document, no author here.
  if (board.anonymous) return unchanged();
  const seen = new Set<string>();
  const events: NewSessionEvent[] = [];
  for (const { noteId, authorId } of notes) {
    if (board.authors[noteId] !== undefined || seen.has(noteId)) continue;
    if (!state.participants[authorId]) continue;
    seen.add(noteId);
    events.push({ type: 'note.added', at: now, boardId, noteId, authorId });
  }
  return accept(...events);
}
