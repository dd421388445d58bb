import {
  NoteInputError,
  boardText,
  withoutHiddenNotes,
  type BoardData,
  type BoardInputError,
  type BoardNote,
  type ReactionId,
} from '@kring/board';
import type { BoardAccess } from '@kring/core';
import { LIMITS, type BoardView, type ErrorCode, type VoteView } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/**
 * Pure helpers behind the board UI: what a person sees, how things are named for screen readers,
 * what a vote allows. Everything here mirrors rules the server enforces; nothing here decides them.
 */

export type Layout = 'canvas' | 'outline';

/** Below 40rem the outline is the default view. */
export const NARROW_QUERY = '(max-width: 39.99rem)';

export function defaultLayout(narrow: boolean): Layout {
  return narrow ? 'outline' : 'canvas';
}

/** Participants never see hidden notes; facilitators see them (marked by the note itself). */
export function visibleBoard(data: BoardData, facilitator: boolean): BoardData {
  return facilitator ? data : withoutHiddenNotes(data);
}

/** Every note of the board, in reading order (columns → groups → loose notes). */
export function allNotes(data: BoardData): BoardNote[] {
  return data.columns.flatMap((c) => [...c.clusters.flatMap((g) => g.notes), ...c.notes]);
}

export function countNotes(data: BoardData): number {
  return allNotes(data).length;
}

/**
 * Whether `n` takes the singular in the person's language (English and Dutch: only 1; French:
 * 0 and 1). Read when called, so a language switch changes the wording.
 */
export function isOne(n: number): boolean {
  const locale = getLocale();
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n) === 'one';
}

const pluralRules = new Map<string, Intl.PluralRules>();

export function notesLabel(n: number): string {
  return isOne(n) ? m.board_notes_count_one({ count: n }) : m.board_notes_count_other({ count: n });
}

/**
 * A note is yours when the server recorded you as its author, the document names you (named
 * boards), or (BD15, anonymous boards) this device keeps the secret behind its owner key.
 */
export function isMine(
  note: Pick<BoardNote, 'id' | 'authorId' | 'ownerKey'>,
  you: string,
  myNotes: readonly string[],
  ownsKey: (key: string) => boolean = () => false,
): boolean {
  return (
    myNotes.includes(note.id) ||
    (note.authorId !== undefined && note.authorId === you) ||
    (note.ownerKey !== undefined && ownsKey(note.ownerKey))
  );
}

/** A reaction's name in the person's language (the board package holds the names). */
export function reactionName(id: ReactionId): string {
  return boardText(`reaction.${id}`, getLocale());
}

/** "Heart, 3, you reacted" */
export function reactionLabel(id: ReactionId, count: number, mine: boolean): string {
  const reaction = reactionName(id);
  return mine
    ? m.board_reaction_label_mine({ reaction, count })
    : m.board_reaction_label({ reaction, count });
}

export interface PlaceOption {
  /** `column:<id>` or `group:<id>` */
  value: string;
  label: string;
}

/** Where a note can go: every column, and every group (named with its column). */
export function placeOptions(data: BoardData): PlaceOption[] {
  const out: PlaceOption[] = [];
  for (const column of data.columns) {
    out.push({ value: `column:${column.id}`, label: m.board_place_column({ column: column.title }) });
    for (const group of column.clusters) {
      out.push({
        value: `group:${group.id}`,
        label: m.board_place_group({ group: group.title, column: column.title }),
      });
    }
  }
  return out;
}

/** Where a note is now, as a `placeOptions` value. */
export function placeOf(data: BoardData, noteId: string): string | null {
  for (const column of data.columns) {
    for (const group of column.clusters) {
      if (group.notes.some((n) => n.id === noteId)) return `group:${group.id}`;
    }
    if (column.notes.some((n) => n.id === noteId)) return `column:${column.id}`;
  }
  return null;
}

export type Place = { kind: 'column'; id: string } | { kind: 'group'; id: string };

export function parsePlace(value: string): Place | null {
  const m = /^(column|group):(.+)$/.exec(value);
  if (!m) return null;
  return { kind: m[1] as 'column' | 'group', id: m[2] as string };
}

/** Column choices for adding a note (the implicit column is the default "no column"). */
export function columnChoices(data: BoardData): { id: string; title: string; implicit: boolean }[] {
  return data.columns.map((c) => ({ id: c.id, title: c.title, implicit: c.implicit }));
}

/** What the vote allows on one note right now. */
export function voteControls(
  vote: VoteView | null,
  noteId: string,
): { open: boolean; mine: number; canAdd: boolean; canTakeBack: boolean } {
  if (!vote?.open) return { open: false, mine: 0, canAdd: false, canTakeBack: false };
  const mine = vote.mine[noteId] ?? 0;
  return { open: true, mine, canAdd: vote.left > 0 && mine < vote.capPerNote, canTakeBack: mine > 0 };
}

/** Why "+1" is not possible, in plain words (the server would refuse it the same way). */
export function voteBlockedReason(vote: VoteView | null, noteId: string): string | null {
  if (!vote?.open) return null;
  const mine = vote.mine[noteId] ?? 0;
  if (vote.left <= 0) return m.board_vote_used_all({ budget: vote.budget });
  if (mine >= vote.capPerNote) return capLine(vote.capPerNote);
  return null;
}

/** "At most 2 votes per note." */
function capLine(cap: number): string {
  return isOne(cap) ? m.board_vote_cap_one({ cap }) : m.board_vote_cap_other({ cap });
}

/** The vote bar's sentences. */
export function voteSummary(vote: VoteView | null): string[] {
  if (!vote) return [];
  if (!vote.open) return [m.board_vote_closed_summary()];
  const left = { left: vote.left, budget: vote.budget };
  const lines = [
    isOne(vote.budget) ? m.board_vote_open_left_one(left) : m.board_vote_open_left_other(left),
    capLine(vote.capPerNote),
  ];
  if (vote.hidden) {
    lines.push(vote.totals ? m.board_vote_totals_hidden_facilitator() : m.board_vote_totals_hidden());
  }
  return lines;
}

/** The total to show on a note, or null when it may not be seen yet. */
export function noteTotal(vote: VoteView | null, note: Pick<BoardNote, 'id' | 'votes'>): number | null {
  if (vote && vote.totals === null) return null;
  return note.votes;
}

export function votesLabel(total: number | null, mine: number, open: boolean): string {
  const parts: string[] = [];
  if (total !== null) {
    parts.push(
      isOne(total) ? m.board_votes_total_one({ count: total }) : m.board_votes_total_other({ count: total }),
    );
  }
  if (open) parts.push(m.board_votes_from_you({ count: mine }));
  return parts.join(', ');
}

type Message = () => string;

/** Codes worded the same in every language (English included, as before). */
const CODE_MESSAGES: Record<string, Message> = {
  board_locked: m.board_refused_locked,
  forbidden: m.board_refused_forbidden,
  not_found: m.board_refused_not_found,
  rate_limited: m.board_refused_rate_limited,
};

/**
 * Codes whose English wording is the server's own sentence; in Dutch and French they are worded
 * here instead, so nobody reads an English sentence in a Dutch or French page.
 */
const TRANSLATED_CODES: Record<string, Message> = {
  conflict: m.board_refused_conflict,
  bad_request: m.board_refused_bad_request,
  internal: m.board_refused_internal,
  unauthorized: m.board_refused_unauthorized,
  too_large: m.board_refused_too_large,
  protocol_mismatch: m.board_refused_generic,
  full: m.board_refused_generic,
  name_taken: m.board_refused_generic,
  door_closed: m.board_refused_generic,
};

/** The board's refusals a person meets most, known by the server's sentence (nl/fr only). */
const KNOWN_SENTENCES: Record<string, Message> = {
  'no vote is open on this board': m.board_refused_vote_closed,
  'you have no votes left': m.board_refused_no_votes_left,
  'this note has as many of your votes as it can take': m.board_refused_cap_reached,
  'you have no vote on this note to take back': m.board_refused_no_vote_to_take_back,
  'this note is hidden: show it again before editing it': m.board_refused_note_hidden,
  'the board is in private writing: write your drafts now': m.board_refused_private_writing,
};

/**
 * A refusal as a sentence. English: the server's own plain message when it has one (as before).
 * Dutch and French: worded from the code (a few common refusals from their sentence), and the
 * server's English only for a code this map does not know.
 */
export function refusalText(error: { code: string; message: string }): string {
  const known = CODE_MESSAGES[error.code];
  if (known) return known();
  if (getLocale() === 'en') return sentence(error.message);
  const translated =
    KNOWN_SENTENCES[error.message.trim().replace(/\.$/, '').toLowerCase()] ?? TRANSLATED_CODES[error.code];
  return translated ? translated() : sentence(error.message);
}

function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return m.board_refused_generic();
  const s = t[0]?.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/**
 * The end of a board control's refusal sentence ("Could not archive the board: …") for the codes
 * the board knows better than the general words; Dutch and French only (English keeps the server's).
 */
export const BOARD_REASONS: Partial<Record<ErrorCode, () => string>> = {
  conflict: m.board_reason_conflict,
  not_found: m.board_reason_not_found,
  board_locked: m.board_reason_locked,
};

/**
 * Why the board package refused some input (empty or too long title or note), in the person's
 * language. English keeps the package's own sentence.
 */
export function inputErrorText(err: BoardInputError): string {
  if (getLocale() === 'en') return err.message;
  if (err instanceof NoteInputError) {
    if (err.reason === 'empty') return m.board_input_note_empty();
    if (err.reason === 'too_long') return m.board_input_note_too_long({ max: LIMITS.noteTextMax });
    return m.board_input_invalid();
  }
  if (err.reason === 'empty') return m.board_input_title_empty();
  if (err.reason === 'too_long') return m.board_title_too_long({ max: LIMITS.titleMax });
  if (err.reason === 'no_columns') return m.board_name_one_column();
  if (err.reason === 'too_many_columns') return m.board_too_many_columns({ max: LIMITS.boardColumnsMax });
  return m.board_input_invalid();
}

/** The plain message above a board that cannot be changed (or null when it can). */
export function readOnlyNotice(
  view: Pick<BoardView, 'locked' | 'archived' | 'anonymous'>,
  access: BoardAccess,
  facilitator: boolean,
): string | null {
  if (view.archived) {
    return facilitator ? m.board_readonly_archived_facilitator() : m.board_readonly_archived();
  }
  if (view.locked) {
    return facilitator ? m.board_readonly_locked_facilitator() : m.board_readonly_locked();
  }
  if (access === 'read' && !view.anonymous) return m.board_readonly_role();
  return null;
}

/**
 * Whether this person may add, edit and react (`note.*` commands): facilitators always,
 * participants on an unlocked, unarchived board outside private writing; never observers/captioners.
 */
export function mayContribute(
  view: Pick<BoardView, 'locked' | 'archived' | 'phase'>,
  role: string,
  facilitator: boolean,
): boolean {
  if (facilitator) return true;
  if (role !== 'participant') return false;
  return !view.locked && !view.archived && view.phase === 'open';
}
