import * as Y from 'yjs';
import { clusterEntry, placeNoteInCluster } from '../clusters';
import { IMPLICIT_COLUMN_ID, hasColumn } from '../columns';
import {
  type Entry,
  byOrder,
  clustersRoot,
  columnsRoot,
  entryOf,
  notePlaceKey,
  notesRoot,
  readNumber,
  readString,
  setOrDelete,
} from '../doc';
import { noteEntry } from './notes';

/**
 * Where notes sit: a column (out of any group) or a group, and their order there (`order`, see
 * `notePlaceKey`). Every function writes one transaction and only the keys that change, so two
 * people moving the same note at once settle on one place on every screen (each key's last
 * writer wins the same way everywhere, and `readBoard` reads the keys the same way everywhere).
 */

/** A note's destination: a column (`null`: the implicit column), or a group. */
export type NotePlace = { columnId: string | null } | { clusterId: string };

export interface MoveNoteOptions {
  /**
   * Write the moved note's keys only, never a neighbour's: for someone who may move only their
   * own notes (core SPEC BD16, `own`; the server refuses the whole change otherwise). Where the
   * neighbours tie, the note then goes to the nearer end of the tie.
   */
  onlyThisNote?: boolean;
}

/**
 * Moves a note to a column (out of any group) or into a group, before the note `before` of that
 * column or group (`null` or left out: at the end). Its `order` is set between its new
 * neighbours'; when they tie (notes written at the same moment, or never placed), the fewest
 * neighbours on one side get an order too, in the same transaction.
 *
 * Returns false, changing nothing, when the note, the column or the group does not exist, or
 * `before` is not in that column or group (the board changed under the caller: read it again).
 */
export function moveNote(
  doc: Y.Doc,
  noteId: string,
  to: NotePlace,
  before?: string | null,
  options: MoveNoteOptions = {},
): boolean {
  const note = noteEntry(doc, noteId);
  if (!note) return false;
  const columnId = 'columnId' in to && to.columnId !== IMPLICIT_COLUMN_ID ? to.columnId : null;
  const cluster = 'clusterId' in to ? shownCluster(doc, to.clusterId) : undefined;
  if ('clusterId' in to ? !cluster : columnId !== null && !shownColumn(doc, columnId)) return false;
  const list = 'clusterId' in to ? clusterList(to.clusterId) : columnList(columnId);
  const others = notesIn(doc, list).filter((n) => n.id !== noteId);
  const index =
    before === null || before === undefined
      ? others.length
      : before === noteId
        ? placeNow(doc, list, noteId, others) // before itself: where it is
        : others.findIndex((n) => n.id === before);
  if (index < 0) return false;
  const orders: Orders = sameSpot(doc, list, noteId, others, index)
    ? new Map()
    : options.onlyThisNote
      ? nearest(others, index)
      : ordersFor(others, index);
  doc.transact(() => {
    if ('clusterId' in to) placeNoteInCluster(note, to.clusterId, cluster!);
    else {
      setOrDelete(note, 'columnId', columnId ?? undefined);
      setOrDelete(note, 'clusterId', undefined);
    }
    for (const [id, order] of orders) {
      const entry = id === MOVED ? note : noteEntry(doc, id);
      if (entry) setOrDelete(entry, 'order', order);
    }
  });
  return true;
}

/**
 * Moves a note to a column (`null`: the implicit column), out of any group, taking its place there
 * by when it was written. Returns false when the note or the column does not exist.
 */
export function moveNoteToColumn(doc: Y.Doc, noteId: string, columnId: string | null): boolean {
  const note = noteEntry(doc, noteId);
  if (!note || (columnId !== null && !hasColumn(doc, columnId))) return false;
  const changesList = listOf(doc, note) !== columnList(columnId);
  doc.transact(() => {
    setOrDelete(note, 'columnId', columnId ?? undefined);
    setOrDelete(note, 'clusterId', undefined);
    // An order from the list it left means nothing in this one.
    if (changesList) setOrDelete(note, 'order', undefined);
  });
  return true;
}

/**
 * Moves a note into a group (taking the group's column), or out of its group with `null`
 * (staying in the column it was shown in), taking its place there by when it was written.
 * Returns false when the note or the group does not exist.
 */
export function moveNoteToCluster(doc: Y.Doc, noteId: string, clusterId: string | null): boolean {
  const note = noteEntry(doc, noteId);
  if (!note) return false;
  const from = listOf(doc, note);
  if (clusterId === null) {
    const current = readString(note, 'clusterId');
    const cluster = current === undefined ? undefined : clusterEntry(doc, current);
    doc.transact(() => {
      if (cluster) setOrDelete(note, 'columnId', readString(cluster, 'columnId'));
      setOrDelete(note, 'clusterId', undefined);
      if (listOf(doc, note) !== from) setOrDelete(note, 'order', undefined);
    });
    return true;
  }
  const cluster = clusterEntry(doc, clusterId);
  if (!cluster) return false;
  doc.transact(() => {
    placeNoteInCluster(note, clusterId, cluster);
    if (listOf(doc, note) !== from) setOrDelete(note, 'order', undefined);
  });
  return true;
}

// ---- Which list a note is shown in (as `readBoard` decides it) -------------------------------

const clusterList = (id: string) => `cluster:${id}`;
const columnList = (id: string | null) => `column:${id ?? IMPLICIT_COLUMN_ID}`;

/** A column `readBoard` shows (a map with a title, not the implicit column's id). */
function shownColumn(doc: Y.Doc, id: string): Entry | undefined {
  const map = id === IMPLICIT_COLUMN_ID ? undefined : entryOf(columnsRoot(doc), id);
  return map && readString(map, 'title') !== undefined ? map : undefined;
}

function shownCluster(doc: Y.Doc, id: string): Entry | undefined {
  const map = entryOf(clustersRoot(doc), id);
  return map && readString(map, 'title') !== undefined ? map : undefined;
}

/**
 * The list a note is shown in: its group when that exists (whatever its own column says), else
 * its column when that exists, else the implicit column.
 */
function listOf(doc: Y.Doc, note: Entry): string {
  const clusterId = readString(note, 'clusterId');
  if (clusterId !== undefined && shownCluster(doc, clusterId)) return clusterList(clusterId);
  const columnId = readString(note, 'columnId');
  return columnList(columnId !== undefined && shownColumn(doc, columnId) ? columnId : null);
}

interface Placed {
  id: string;
  /** `notePlaceKey`: what it sorts by first. */
  order: number;
  createdAt: number;
}

/** The notes `readBoard` shows in one list, in its order. */
function notesIn(doc: Y.Doc, list: string): Placed[] {
  const out: Placed[] = [];
  notesRoot(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const map = value as Entry;
    // `readBoard` skips a note without words unless it is hidden (its words are elsewhere).
    if (readString(map, 'text') === undefined && map.get('hidden') !== true) return;
    if (listOf(doc, map) !== list) return;
    out.push({ id, order: notePlaceKey(map), createdAt: readNumber(map, 'createdAt') ?? 0 });
  });
  return out.sort(byOrder);
}

/** Where the note is in `list` now, as an index into `others`; at the end when it is elsewhere. */
function placeNow(doc: Y.Doc, list: string, noteId: string, others: readonly Placed[]): number {
  const index = notesIn(doc, list).findIndex((n) => n.id === noteId);
  return index < 0 ? others.length : index;
}

/** Whether the note already sits in `list` right at `index` among the others: nothing to reorder. */
function sameSpot(
  doc: Y.Doc,
  list: string,
  noteId: string,
  others: readonly Placed[],
  index: number,
): boolean {
  const all = notesIn(doc, list);
  return all.length === others.length + 1 && all[index]?.id === noteId;
}

// ---- Orders between neighbours ---------------------------------------------------------------

/** Stands for the moved note among the ids to write. */
const MOVED = Symbol('moved');
type Orders = Map<string | typeof MOVED, number>;

/**
 * The orders to write so the moved note sorts at `index` of `others` (sorted): just its own when
 * its neighbours leave room; when they tie, the tied neighbours on the shorter side too; when
 * numbers run out (very many moves into one gap), the whole list afresh.
 */
function ordersFor(others: readonly Placed[], index: number): Orders {
  const lo = others[index - 1]?.order;
  const hi = others[index]?.order;
  const orders: Orders = new Map();
  if (lo === undefined && hi === undefined) return orders; // alone there: any order will do
  if (lo === undefined || hi === undefined || lo < hi) {
    const order = lo === undefined ? hi! - 1 : hi === undefined ? lo + 1 : lo + (hi - lo) / 2;
    if ((lo === undefined || lo < order) && (hi === undefined || order < hi)) {
      return orders.set(MOVED, order);
    }
    return renumbered(others, index);
  }
  return spreadTie(others, index) ?? renumbered(others, index);
}

/**
 * The neighbours tie (`others[index - 1]` and `others[index]` sort by the same order): the run of
 * notes with that order is split at `index`, and the shorter part, with the moved note, is spread
 * into the room beyond it (the longer part keeps its order and is not written).
 */
function spreadTie(others: readonly Placed[], index: number): Orders | null {
  const tie = others[index]!.order;
  let first = index - 1;
  while (first > 0 && others[first - 1]!.order === tie) first--;
  let last = index;
  while (last < others.length - 1 && others[last + 1]!.order === tie) last++;
  const below = index - first; // tied notes before the gap
  const above = last - index + 1; // tied notes after it
  const orders: Orders = new Map();
  if (below <= above) {
    // The moved note and the tied notes before it go below the tie, in their order.
    const floor = others[first - 1]?.order ?? tie - (below + 2);
    const ids: (string | typeof MOVED)[] = [...others.slice(first, index).map((n) => n.id), MOVED];
    if (!spread(orders, ids, floor, tie)) return null;
  } else {
    // The moved note and the tied notes after it go above the tie.
    const ceiling = others[last + 1]?.order ?? tie + (above + 2);
    const ids: (string | typeof MOVED)[] = [MOVED, ...others.slice(index, last + 1).map((n) => n.id)];
    if (!spread(orders, ids, tie, ceiling)) return null;
  }
  return orders;
}

/** Evenly spaced orders strictly between `from` and `to`; false when the numbers do not allow it. */
function spread(orders: Orders, ids: readonly (string | typeof MOVED)[], from: number, to: number): boolean {
  const step = (to - from) / (ids.length + 1);
  let previous = from;
  for (const [i, id] of ids.entries()) {
    const order = from + step * (i + 1);
    if (!(order > previous && order < to)) return false;
    orders.set(id, order);
    previous = order;
  }
  return true;
}

/**
 * The moved note's order alone, as near to `index` as that allows: between its neighbours when
 * they leave room, else just before or after the run of notes that tie there, whichever is nearer.
 */
function nearest(others: readonly Placed[], index: number): Orders {
  const orders: Orders = new Map();
  const between = (lo: number | undefined, hi: number | undefined): number | undefined => {
    if (lo === undefined && hi === undefined) return undefined;
    const order = lo === undefined ? hi! - 1 : hi === undefined ? lo + 1 : lo + (hi - lo) / 2;
    return (lo === undefined || lo < order) && (hi === undefined || order < hi) ? order : undefined;
  };
  const lo = others[index - 1]?.order;
  const hi = others[index]?.order;
  let order = between(lo, hi);
  if (order === undefined && lo !== undefined && hi !== undefined) {
    let first = index - 1;
    while (first > 0 && others[first - 1]!.order === lo) first--;
    let last = index;
    while (last < others.length - 1 && others[last + 1]!.order === hi) last++;
    order =
      index - first <= last + 1 - index
        ? (between(others[first - 1]?.order, lo) ?? between(hi, others[last + 1]?.order))
        : (between(hi, others[last + 1]?.order) ?? between(others[first - 1]?.order, lo));
  }
  if (order !== undefined) orders.set(MOVED, order);
  return orders;
}

/** Every note of the list, the moved one at `index`, gets order 0, 1, 2, … (written where it changes). */
function renumbered(others: readonly Placed[], index: number): Orders {
  const ids: (string | typeof MOVED)[] = others.map((n) => n.id);
  ids.splice(index, 0, MOVED);
  return new Map(ids.map((id, i) => [id, i]));
}
