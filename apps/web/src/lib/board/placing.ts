import { IMPLICIT_COLUMN_ID, type BoardData } from '@kring/board';

/**
 * Where a note goes, in the words of the board package's `moveNote`: a column (`null`: the
 * implicit one) or a group, and the note it should sit before (null: at the end). Pure, so the
 * drag, the menu's "Move up/down" and "Move to…" all make the same single call.
 */
export type MoveTarget = { columnId: string | null } | { clusterId: string };

/** One list of notes on the board: a column's loose notes or a group's notes. */
export interface NoteList {
  target: MoveTarget;
  kind: 'column' | 'group';
  /** The list's name for announcements ("Feelings", "Group Listening"). */
  title: string;
  ids: string[];
}

/** The key (`column:<id>` / `group:<id>`) of a move target, as drop containers name their lists. */
export function keyOf(to: MoveTarget): string {
  return 'clusterId' in to ? `group:${to.clusterId}` : `column:${to.columnId ?? IMPLICIT_COLUMN_ID}`;
}

/** The list a drop container names (`column:<id>` or `group:<id>`), as a move target. */
export function targetOf(data: BoardData, key: string): NoteList | null {
  const match = /^(column|group):(.+)$/.exec(key);
  if (!match) return null;
  const [, kind, id] = match;
  for (const column of data.columns) {
    if (kind === 'column' && column.id === id) {
      return {
        target: { columnId: column.implicit ? null : column.id },
        kind: 'column',
        title: column.title,
        ids: column.notes.map((n) => n.id),
      };
    }
    if (kind !== 'group') continue;
    const group = column.clusters.find((g) => g.id === id);
    if (group) {
      return {
        target: { clusterId: group.id },
        kind: 'group',
        title: group.title,
        ids: group.notes.map((n) => n.id),
      };
    }
  }
  return null;
}

/** The list a note is in now, with its key (`column:<id>` / `group:<id>`). */
export function listOfNote(data: BoardData, noteId: string): (NoteList & { key: string }) | null {
  for (const column of data.columns) {
    for (const group of column.clusters) {
      if (group.notes.some((n) => n.id === noteId)) {
        return { key: `group:${group.id}`, ...(targetOf(data, `group:${group.id}`) as NoteList) };
      }
    }
    if (column.notes.some((n) => n.id === noteId)) {
      return { key: `column:${column.id}`, ...(targetOf(data, `column:${column.id}`) as NoteList) };
    }
  }
  return null;
}

/**
 * Where `noteId` ends up when placed before `before` (null: the end) in a list of `ids`, the
 * note itself left out wherever it was: 1-based position and the list's length afterwards.
 */
export function positionAfterMove(
  ids: readonly string[],
  noteId: string,
  before: string | null,
): { position: number; total: number } {
  const rest = ids.filter((id) => id !== noteId);
  const at = before === null ? -1 : rest.indexOf(before);
  return { position: (at === -1 ? rest.length : at) + 1, total: rest.length + 1 };
}

/**
 * "Move up/down" as a `before`: the note one place earlier or later in its own list. Null when it
 * cannot go further that way; `{ before: null }` means "to the end".
 */
export function stepBefore(
  ids: readonly string[],
  noteId: string,
  delta: -1 | 1,
): { before: string | null } | null {
  const at = ids.indexOf(noteId);
  if (at === -1) return null;
  if (delta === -1) return at === 0 ? null : { before: ids[at - 1] as string };
  if (at === ids.length - 1) return null;
  return { before: ids[at + 2] ?? null };
}

/**
 * Which gap a pointer at `y` is over, given the vertical middles of the list's shown notes (the
 * dragged one left out), top to bottom: the index of the note it goes before; `middles.length`
 * for after the last.
 */
export function gapIndex(middles: readonly number[], y: number): number {
  let i = 0;
  while (i < middles.length && (middles[i] as number) <= y) i++;
  return i;
}

/**
 * The `before` id for a drop at gap `index` among the shown notes (dragged one left out). Past the
 * last shown note of a paged list the note goes before the first note not shown (`nextHidden`),
 * so it lands where the marker was, not at the far end of a long list.
 */
export function beforeAt(shown: readonly string[], index: number, nextHidden: string | null): string | null {
  return shown[index] ?? nextHidden;
}

/** A press becomes a drag only after this many pixels, so a tap or click still works as one. */
export const DRAG_THRESHOLD = 6;

export function passedThreshold(dx: number, dy: number, threshold = DRAG_THRESHOLD): boolean {
  return dx * dx + dy * dy >= threshold * threshold;
}

/** How fast to scroll (px per frame, signed) with the pointer `distance` px inside an edge band. */
export function edgeSpeed(pointer: number, start: number, end: number, band = 48, max = 18): number {
  if (pointer < start + band) return -Math.ceil(max * (1 - Math.max(0, pointer - start) / band));
  if (pointer > end - band) return Math.ceil(max * (1 - Math.max(0, end - pointer) / band));
  return 0;
}
