import type { BoardColumn, BoardData, BoardNote } from './read';

/**
 * The results of a dot vote at a glance (issue 15): the notes with the most votes over the whole
 * board and per column, for the board's vote panel, the projector and the harvest. Pure: it reads
 * the `readBoard` output it is given (with the totals the reader may see, VO6/VO7).
 *
 * - Notes without votes are left out, and so are hidden notes (whoever reads: results are shown
 *   to a room).
 * - Most votes first; equal counts share a rank ("1, 2, 2, 4") and keep the board's reading order
 *   (VO7: ties in board order). Reading order is the screen's: per column its groups' notes, then
 *   the notes in no group.
 * - A note in a group ranks on its own, named with its group (a group is not one big note: the
 *   votes went to notes). Each column also lists its groups' totals (the sum of their notes'
 *   votes), most first, for "which theme won" — groups without votes left out.
 * - A list stops at its limit even inside a tie; `voted` says how many notes had votes, so a
 *   reader can tell there are more.
 */

export interface RankedNote {
  id: string;
  text: string;
  votes: number;
  /** 1 for the most votes; notes with as many votes share a rank. */
  rank: number;
  columnId: string;
  columnTitle: string;
  /** The group the note is in, if any. */
  cluster?: { id: string; title: string };
}

export interface RankedGroup {
  id: string;
  title: string;
  /** The sum of its (visible) notes' votes. */
  votes: number;
  rank: number;
}

export interface ColumnResults {
  id: string;
  title: string;
  implicit: boolean;
  /** The column's top notes, at most `perColumn`. */
  notes: RankedNote[];
  /** Its groups by their notes' total, at most `perColumn`. */
  groups: RankedGroup[];
  /** How many of its notes had at least one vote. */
  voted: number;
  /** All votes on its notes. */
  votes: number;
}

export interface VoteResults {
  /** The board's top notes, at most `top`. */
  overall: RankedNote[];
  /** Every column of the board in board order, also those without votes (`voted: 0`). */
  columns: ColumnResults[];
  /** How many notes had at least one vote. */
  voted: number;
  /** All votes on the board's visible notes. */
  votes: number;
}

export interface VoteResultsOptions {
  /** Length of the overall list; default 5 (`Infinity`: all). */
  top?: number;
  /** Length of each column's lists; default 3 (`Infinity`: all). */
  perColumn?: number;
}

/** Sorts by votes (stable: ties keep reading order) and numbers them "1, 2, 2, 4". */
function rank<T extends { votes: number }>(items: T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.votes - a.votes);
  let current = 0;
  return sorted.map((item, i) => {
    if (i === 0 || item.votes < (sorted[i - 1] as T).votes) current = i + 1;
    return { ...item, rank: current };
  });
}

function counted(note: BoardNote): boolean {
  return !note.hidden && note.votes > 0;
}

function votedNotes(column: BoardColumn): Omit<RankedNote, 'rank'>[] {
  const entry = (note: BoardNote, cluster?: { id: string; title: string }) => ({
    id: note.id,
    text: note.text,
    votes: note.votes,
    columnId: column.id,
    columnTitle: column.title,
    ...(cluster ? { cluster } : {}),
  });
  return [
    ...column.clusters.flatMap((g) =>
      g.notes.filter(counted).map((n) => entry(n, { id: g.id, title: g.title })),
    ),
    ...column.notes.filter(counted).map((n) => entry(n)),
  ];
}

/** A list length: a whole number ≥ 0, or `Infinity` for every voted note (the harvest). */
function limit(value: number | undefined, fallback: number): number {
  if (value === undefined || Number.isNaN(value) || value < 0) return fallback;
  return value === Number.POSITIVE_INFINITY ? value : Math.floor(value);
}

export function voteResults(board: BoardData, options: VoteResultsOptions = {}): VoteResults {
  const top = limit(options.top, 5);
  const perColumn = limit(options.perColumn, 3);
  const all: Omit<RankedNote, 'rank'>[] = [];
  const columns = board.columns.map((column): ColumnResults => {
    const notes = votedNotes(column);
    all.push(...notes);
    const groups = column.clusters
      .map((g) => ({
        id: g.id,
        title: g.title,
        votes: g.notes.filter(counted).reduce((sum, n) => sum + n.votes, 0),
      }))
      .filter((g) => g.votes > 0);
    return {
      id: column.id,
      title: column.title,
      implicit: column.implicit,
      notes: rank(notes).slice(0, perColumn),
      groups: rank(groups).slice(0, perColumn),
      voted: notes.length,
      votes: notes.reduce((sum, n) => sum + n.votes, 0),
    };
  });
  return {
    overall: rank(all).slice(0, top),
    columns,
    voted: all.length,
    votes: all.reduce((sum, n) => sum + n.votes, 0),
  };
}

/** Whether there is anything to show: at least one visible note with a vote. */
export function hasResults(results: VoteResults): boolean {
  return results.voted > 0;
}
