import * as Y from 'yjs';
import { IMPLICIT_COLUMN_ID } from './columns';
import {
  NOTE_OWNER_KEY,
  type Entry,
  byOrder,
  clustersRoot,
  notePlaceKey,
  columnsRoot,
  notesRoot,
  readCount,
  readNumber,
  readString,
  type NoteWords,
} from './doc';
import type { HiddenWords } from './moderation-doc';
import { type BoardLocale, boardText } from './i18n';
import { type BoardMeta, readMeta } from './meta';
import { DEFAULT_NOTE_COLOR, type NoteColor, isNoteColor, isOwnerKey } from './notes/notes';
import { REACTION_IDS, type ReactionCounts } from './reactions';

/**
 * The read model: the whole board as plain data, columns → clusters → notes, in a deterministic
 * order. It feeds the outline view and every export.
 */
export interface BoardNote {
  id: string;
  text: string;
  color: NoteColor;
  /** Absent on anonymous boards (and stripped by `readBoard` when reading anonymously). */
  authorId?: string;
  createdAt: number;
  /**
   * Hidden by a facilitator: included here, the caller decides who sees it. Its words are not on
   * the board (text '') unless read with `hiddenWords`.
   */
  hidden: boolean;
  /** Counts per kind, keys in `REACTIONS` order, kinds at 0 left out. */
  reactions: ReactionCounts;
  votes: number;
  /**
   * BD15: an anonymous note's owner key, so its writer's device knows it as its own. It names
   * nobody; exports leave it out all the same.
   */
  ownerKey?: string;
}

export interface BoardCluster {
  id: string;
  title: string;
  notes: BoardNote[];
}

export interface BoardColumn {
  id: string;
  title: string;
  prompt?: string;
  /** The "Notes" column that holds notes without (an existing) column. */
  implicit: boolean;
  clusters: BoardCluster[];
  /** Notes in this column that are in no cluster. */
  notes: BoardNote[];
}

export interface BoardData {
  meta: BoardMeta;
  columns: BoardColumn[];
}

export interface ReadBoardOptions {
  /**
   * Leave out every `authorId`. Defaults to the document's `meta.anonymous`; the server, which
   * owns anonymity, should pass its own answer.
   */
  anonymous?: boolean;
  /** Language of the implicit column's title; defaults to `meta.locale`. */
  locale?: BoardLocale;
  /**
   * The server's own counts. When given they replace what the document says (a peer could have
   * written counts into the document; the server's tally is the truth).
   */
  counts?: {
    votes?: Readonly<Record<string, number>>;
    reactions?: Readonly<Record<string, ReactionCounts>>;
  };
  /**
   * `votes`: within each column and group, notes with the most votes first (ties keep the board's
   * order). For showing and exporting the results of a dot vote.
   */
  order?: 'board' | 'votes';
  /**
   * The words of hidden notes from the board's moderation document (`readHiddenWords`), for
   * facilitators: hidden notes then read with their words. Without it they read with text ''.
   */
  hiddenWords?: HiddenWords;
}

interface Placed<T> {
  value: T;
  id: string;
  order?: number;
  createdAt?: number;
}

function readReactions(value: unknown): ReactionCounts {
  const out: ReactionCounts = {};
  if (!(value instanceof Y.Map)) return out;
  for (const id of REACTION_IDS) {
    const n = readCount(value.get(id));
    if (n > 0) out[id] = n;
  }
  return out;
}

function cleanReactions(counts: ReactionCounts | undefined): ReactionCounts {
  const out: ReactionCounts = {};
  for (const id of REACTION_IDS) {
    const n = readCount(counts?.[id]);
    if (n > 0) out[id] = n;
  }
  return out;
}

function toBoardNote(
  id: string,
  map: Entry,
  options: ReadBoardOptions,
  anonymous: boolean,
): BoardNote | null {
  const hidden = map.get('hidden') === true;
  // A hidden note's words are off the board; a facilitator's reader may bring them from the
  // moderation document. Any other note without text is malformed and skipped.
  const kept: NoteWords = (hidden && options.hiddenWords?.get(id)) || {};
  const text = readString(map, 'text') ?? kept.text ?? (hidden ? '' : undefined);
  if (text === undefined) return null;
  const color = map.get('color') ?? kept.color;
  const authorId = readString(map, 'authorId');
  const note: BoardNote = {
    id,
    text,
    color: isNoteColor(color) ? color : DEFAULT_NOTE_COLOR,
    createdAt: readNumber(map, 'createdAt') ?? 0,
    hidden,
    reactions: options.counts?.reactions
      ? cleanReactions(options.counts.reactions[id])
      : readReactions(map.get('reactions')),
    votes: options.counts?.votes ? readCount(options.counts.votes[id]) : readCount(map.get('votes')),
  };
  if (authorId !== undefined && !anonymous) note.authorId = authorId;
  const ownerKey = map.get(NOTE_OWNER_KEY);
  if (isOwnerKey(ownerKey)) note.ownerKey = ownerKey;
  return note;
}

function sorted<T>(items: Placed<T>[]): T[] {
  return items.sort(byOrder).map((p) => p.value);
}

/** Reads the whole board. Malformed entries (a buggy or hostile peer) are skipped, never thrown. */
export function readBoard(doc: Y.Doc, options: ReadBoardOptions = {}): BoardData {
  const meta = readMeta(doc);
  const anonymous = options.anonymous ?? meta.anonymous;

  const columns = new Map<
    string,
    { column: BoardColumn; clusters: Placed<BoardCluster>[]; notes: Placed<BoardNote>[] }
  >();
  const columnOrder: Placed<string>[] = [];
  columnsRoot(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map) || id === IMPLICIT_COLUMN_ID) return;
    const map = value as Entry;
    const title = readString(map, 'title');
    if (title === undefined) return;
    const column: BoardColumn = { id, title, implicit: false, clusters: [], notes: [] };
    const prompt = readString(map, 'prompt');
    if (prompt !== undefined) column.prompt = prompt;
    columns.set(id, { column, clusters: [], notes: [] });
    columnOrder.push({ value: id, id, order: readNumber(map, 'order') ?? 0 });
  });

  const implicit = {
    column: {
      id: IMPLICIT_COLUMN_ID,
      title: boardText('board.implicitColumn', options.locale ?? meta.locale),
      implicit: true,
      clusters: [],
      notes: [],
    } as BoardColumn,
    clusters: [] as Placed<BoardCluster>[],
    notes: [] as Placed<BoardNote>[],
  };
  const columnOf = (id: string | undefined) => (id === undefined ? undefined : columns.get(id)) ?? implicit;

  const clusters = new Map<string, { cluster: BoardCluster; notes: Placed<BoardNote>[] }>();
  clustersRoot(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const map = value as Entry;
    const title = readString(map, 'title');
    if (title === undefined) return;
    const cluster: BoardCluster = { id, title, notes: [] };
    clusters.set(id, { cluster, notes: [] });
    columnOf(readString(map, 'columnId')).clusters.push({
      value: cluster,
      id,
      order: readNumber(map, 'order') ?? 0,
      createdAt: readNumber(map, 'createdAt') ?? 0,
    });
  });

  notesRoot(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map)) return;
    const map = value as Entry;
    const note = toBoardNote(id, map, options, anonymous);
    if (!note) return;
    // Its `order` when someone placed it, else by time (`notePlaceKey`), then createdAt, then id.
    const placed = { value: note, id, order: notePlaceKey(map), createdAt: note.createdAt };
    // A note in an existing cluster goes where the cluster is, whatever its own columnId says
    // (concurrent moves can leave the two disagreeing; this keeps every replica's picture equal).
    const clusterId = readString(map, 'clusterId');
    const cluster = clusterId === undefined ? undefined : clusters.get(clusterId);
    if (cluster) cluster.notes.push(placed);
    else columnOf(readString(map, 'columnId')).notes.push(placed);
  });

  const byVotes = options.order === 'votes';
  const sortNotes = (notes: Placed<BoardNote>[]) => {
    const out = sorted(notes);
    // Array.prototype.sort is stable: equal votes keep the board's order.
    return byVotes ? out.sort((a, b) => b.votes - a.votes) : out;
  };
  for (const { cluster, notes } of clusters.values()) cluster.notes = sortNotes(notes);
  const finish = (c: typeof implicit) => {
    c.column.clusters = sorted(c.clusters);
    c.column.notes = sortNotes(c.notes);
    return c.column;
  };
  const out = sorted(columnOrder).map((id) => finish(columns.get(id) as typeof implicit));
  const loose = finish(implicit);
  if (out.length === 0 || loose.notes.length > 0 || loose.clusters.length > 0) out.push(loose);
  return { meta: { ...meta, anonymous }, columns: out };
}

/** The board without hidden notes (what participants see). */
export function withoutHiddenNotes(board: BoardData): BoardData {
  const visible = (notes: BoardNote[]) => notes.filter((n) => !n.hidden);
  return {
    meta: board.meta,
    columns: board.columns.map((column) => ({
      ...column,
      clusters: column.clusters.map((cluster) => ({ ...cluster, notes: visible(cluster.notes) })),
      notes: visible(column.notes),
    })),
  };
}

/**
 * Calls `cb` with the whole board after every change to the document (local or remote, once per
 * transaction). Not called initially. Returns an unsubscribe function.
 */
export function observeBoard(
  doc: Y.Doc,
  cb: (board: BoardData) => void,
  options?: ReadBoardOptions,
): () => void {
  const handler = () => cb(readBoard(doc, options));
  doc.on('update', handler);
  return () => doc.off('update', handler);
}
