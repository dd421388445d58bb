import {
  REACTIONS,
  boardText,
  withoutHiddenNotes,
  type BoardData,
  type BoardNote,
  type ReactionId,
} from '@kring/board';
import type { BoardAccess } from '@kring/core';
import type { BoardView, VoteView } from '@kring/protocol';

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

export function notesLabel(n: number): string {
  return n === 1 ? '1 note' : `${n} notes`;
}

/** A note is yours when the server recorded you as its author, or (named boards) the document says so. */
export function isMine(
  note: Pick<BoardNote, 'id' | 'authorId'>,
  you: string,
  myNotes: readonly string[],
): boolean {
  return myNotes.includes(note.id) || (note.authorId !== undefined && note.authorId === you);
}

export const REACTION_LABELS: Record<ReactionId, string> = Object.fromEntries(
  REACTIONS.map((r) => [r.id, boardText(`reaction.${r.id}`)]),
) as Record<ReactionId, string>;

/** "Heart, 3, you reacted" */
export function reactionLabel(id: ReactionId, count: number, mine: boolean): string {
  return `${REACTION_LABELS[id]}, ${count}${mine ? ', you reacted' : ''}`;
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
    out.push({ value: `column:${column.id}`, label: `Column: ${column.title}` });
    for (const group of column.clusters) {
      out.push({ value: `group:${group.id}`, label: `Group: ${group.title} (in ${column.title})` });
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
  if (vote.left <= 0) return `You have used all ${vote.budget} of your votes. Take one back to move it.`;
  if (mine >= vote.capPerNote) {
    return `At most ${vote.capPerNote} ${vote.capPerNote === 1 ? 'vote' : 'votes'} per note.`;
  }
  return null;
}

/** The vote bar's sentences. */
export function voteSummary(vote: VoteView | null): string[] {
  if (!vote) return [];
  if (!vote.open) return ['The dot vote is closed. The totals are shown on each note.'];
  const lines = [
    `Dot vote open: you have ${vote.left} of ${vote.budget} ${vote.budget === 1 ? 'vote' : 'votes'} left.`,
    `At most ${vote.capPerNote} ${vote.capPerNote === 1 ? 'vote' : 'votes'} per note.`,
  ];
  if (vote.hidden) {
    lines.push(
      vote.totals
        ? 'Totals are hidden from participants until the vote closes; you see them as facilitator.'
        : 'Totals are hidden until the vote closes; you see only your own votes.',
    );
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
  if (total !== null) parts.push(`${total} ${total === 1 ? 'vote' : 'votes'}`);
  if (open) parts.push(`${mine} from you`);
  return parts.join(', ');
}

const CODE_MESSAGES: Record<string, string> = {
  board_locked: 'The board is locked: only facilitators change it now.',
  forbidden: 'You are not allowed to do that here.',
  not_found: 'That note or board is gone.',
  rate_limited: 'That was a lot of changes at once. Wait a moment, then try again.',
};

/** A refusal as a sentence: the server's own plain message when it has one. */
export function refusalText(error: { code: string; message: string }): string {
  if (error.code === 'conflict' || error.code === 'bad_request' || error.code === 'internal') {
    return sentence(error.message);
  }
  return CODE_MESSAGES[error.code] ?? sentence(error.message);
}

function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return 'That did not work.';
  const s = t[0]?.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** The plain message above a board that cannot be changed (or null when it can). */
export function readOnlyNotice(
  view: Pick<BoardView, 'locked' | 'archived' | 'anonymous'>,
  access: BoardAccess,
  facilitator: boolean,
): string | null {
  if (view.archived) {
    return facilitator
      ? 'This board is archived. As a facilitator you can still change it.'
      : 'This board is archived. You can read it; nothing can be changed.';
  }
  if (view.locked) {
    return facilitator
      ? 'The board is locked for participants. As a facilitator you can still write.'
      : 'The board is locked by the facilitator. You can read the notes; adding and changing notes is paused for now.';
  }
  if (access === 'read' && !view.anonymous) return 'You can read this board; your role does not write on it.';
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
