import * as Y from 'yjs';

/**
 * The board document's root maps. Everything in them is collaborative content; facts that need
 * rules (lock, reveal, anonymity, vote budgets, who reacted) are owned by the server, which writes
 * only their effects here (see ARCHITECTURE.md, data plane).
 *
 * - `notes`:    note id → Y.Map { text, color, authorId?, createdAt, columnId?, clusterId?, order?, hidden?, reactions?: Y.Map<kind, count>, votes? }
 * - `columns`:  column id → Y.Map { title, order, prompt? }
 * - `clusters`: cluster id → Y.Map { title, columnId?, order, createdAt }
 * - `meta`:     { templateId, title, anonymous?, locale? } (an informational copy; the server is the authority)
 *
 * A hidden note (`hidden: true`) has no content keys: its words are in the board's moderation
 * document, which only facilitators can open (see `notes/moderation.ts`).
 */
export const NOTES_KEY = 'notes';
export const COLUMNS_KEY = 'columns';
export const CLUSTERS_KEY = 'clusters';
export const META_KEY = 'meta';

/**
 * Who may write which key of a note (the server's write guard enforces it on participants'
 * connections; see BD12 in packages/core/SPEC.md):
 * - content: the author's own words and colour (and `createdAt`, set once when the note is added);
 * - placement: where a note sits (column, group, and its `order` there), which anyone who may
 *   write on the board may change, as far as the board's rules let them (BD16);
 * - author: set once, by the author, to themselves (never on anonymous boards);
 * - server: effects of rules the server owns (moderation, reactions, dot votes). Only the server writes them.
 */
export const NOTE_CONTENT_KEYS = ['text', 'color'] as const;
export type NoteContentKey = (typeof NOTE_CONTENT_KEYS)[number];
/**
 * A note's words: its content keys as stored (strings only). This is what leaves the board while
 * a facilitator hides the note, and waits in the board's moderation document (`moderation-doc.ts`).
 */
export type NoteWords = Partial<Record<NoteContentKey, string>>;
export const NOTE_PLACEMENT_KEYS = ['columnId', 'clusterId', 'order'] as const;
export const NOTE_AUTHOR_KEY = 'authorId';
/**
 * BD15: an anonymous note's owner key (the hash of a secret its writer's device keeps): what lets
 * its writer edit or delete it without anything naming them. Written with the note, never changed.
 */
export const NOTE_OWNER_KEY = 'ownerKey';
export const NOTE_SERVER_KEYS = ['hidden', 'reactions', 'votes'] as const;

/** One entry of a root map. Typed `unknown` inside: any peer may have written anything. */
export type Entry = Y.Map<unknown>;

export const notesRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(NOTES_KEY);
export const columnsRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(COLUMNS_KEY);
export const clustersRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(CLUSTERS_KEY);
export const metaRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(META_KEY);

export function entryOf(root: Y.Map<unknown>, id: string): Entry | undefined {
  const value = root.get(id);
  return value instanceof Y.Map ? (value as Entry) : undefined;
}

export function readString(map: Y.Map<unknown>, key: string): string | undefined {
  const value = map.get(key);
  return typeof value === 'string' ? value : undefined;
}

export function readNumber(map: Y.Map<unknown>, key: string): number | undefined {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A count as stored by the server: a positive integer, anything else reads as 0. */
export function readCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : 0;
}

/**
 * Sets `key` to `value`, or deletes it when `value` is undefined; writes nothing when nothing
 * changes (every write is an update sent to everyone and kept in the store).
 */
export function setOrDelete(map: Y.Map<unknown>, key: string, value: string | number | boolean | undefined) {
  if (value === undefined) {
    if (map.has(key)) map.delete(key);
  } else if (map.get(key) !== value) {
    map.set(key, value);
  }
}

/**
 * Deterministic order used everywhere: `order`, then `createdAt`, then id. Notes pass their
 * place key as `order` (see `notePlaceKey`).
 */
export function byOrder(
  a: { id: string; order?: number; createdAt?: number },
  b: { id: string; order?: number; createdAt?: number },
): number {
  return (
    (a.order ?? 0) - (b.order ?? 0) ||
    (a.createdAt ?? 0) - (b.createdAt ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Where a note sorts within its column or group: its `order` when it has one, else when it was
 * written. Notes nobody reordered keep their order by time, and a new note (written now) goes
 * after the notes that were given an order between older ones.
 */
export function notePlaceKey(note: Y.Map<unknown>): number {
  return readNumber(note, 'order') ?? readNumber(note, 'createdAt') ?? 0;
}
