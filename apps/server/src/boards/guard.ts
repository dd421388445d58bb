import {
  CLUSTERS_KEY,
  NOTES_KEY,
  NOTE_AUTHOR_KEY,
  NOTE_CONTENT_KEYS,
  NOTE_PLACEMENT_KEYS,
} from '@kring/board';
import * as Y from 'yjs';

/**
 * The write guard (core SPEC BD12): checks a client's document update before it is applied, and
 * refuses it whole when it touches what this connection may not change. Refusing before applying
 * (rather than applying and writing the old values back) means a forbidden value is never in the
 * document, the store or anyone's copy, not even for a moment.
 *
 * How: `Y.decodeUpdate` gives every new item and the delete set. A new item names its parent
 * (a root map, or the item holding its parent type) and its key, or, when it continues a key
 * that already has a value, only its origin, whose parent and key it shares. Walking those links
 * (in the update itself or in the server's document) gives each write a path such as
 * `notes/<id>/text`; deleted ranges are looked up in the document the same way.
 *
 * The trade-off: a client whose update was refused keeps its own copy of that change, and Yjs
 * numbers every later change of that client after it, so its later writes depend on the refused
 * one and are refused with it until it reloads. The stock provider never learns; an honest client
 * (the web app) never writes these fields, so only a client that tried a forbidden write stops
 * being able to write, on that board, until it reloads.
 */
export type WritePolicy =
  /** A participant on a named board (BD12). */
  | { kind: 'participant'; participantId: string }
  /** A facilitator on an anonymous board: anything but notes of their own making (BD9). */
  | { kind: 'anonymousBoard' };

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.createDeleteSet>;
/** A path of keys from a root map ('#' for an array position); `dead` when inside deleted content. */
type Path = string[] | 'dead' | 'missing';

const CONTENT: readonly string[] = NOTE_CONTENT_KEYS;
const PLACEMENT: readonly string[] = NOTE_PLACEMENT_KEYS;
/** What a new note may carry, set by its author when they add it. */
const NEW_NOTE_KEYS: readonly string[] = [...CONTENT, ...PLACEMENT, NOTE_AUTHOR_KEY, 'createdAt'];

/** Returns why the update is refused, or null when it may be applied. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, policy: WritePolicy): string | null {
  let decoded: { structs: Struct[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  } catch {
    return 'malformed update';
  }
  const guard = new Guard(doc, decoded.structs, decoded.ds);
  return policy.kind === 'participant'
    ? guard.checkParticipant(policy.participantId)
    : guard.checkAnonymousBoard();
}

class Guard {
  /** The update's own items per client, in clock order. */
  private readonly local = new Map<number, Y.Item[]>();
  private readonly paths = new Map<Y.Item, Path>();

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Struct[],
    private readonly ds: DeleteSet,
  ) {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      const list = this.local.get(s.id.client) ?? [];
      list.push(s);
      this.local.set(s.id.client, list);
    }
    for (const list of this.local.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  checkParticipant(self: string): string | null {
    /** New note maps of this update → whether they name their author (who must be `self`). */
    const newNotes = new Map<Y.Item, boolean>();
    for (const item of this.items()) {
      const path = this.pathOf(item);
      if (path === 'missing') return 'refers to content the server does not have';
      if (path === 'dead') continue;
      const [root, noteId, key, ...deeper] = path;
      if (root === CLUSTERS_KEY) continue;
      if (root !== NOTES_KEY || noteId === undefined || noteId === '#') return `writes ${root}`;
      if (key === undefined) {
        if (!isMap(item)) return 'a note must be a map';
        if (!newNotes.has(item)) newNotes.set(item, false);
        continue;
      }
      if (deeper.length > 0) return `writes inside notes/${noteId}/${key}`;
      const note = this.parentItem(item);
      if (!note) return 'refers to content the server does not have';
      if (this.isLocal(note)) {
        if (!NEW_NOTE_KEYS.includes(key)) return `writes ${key} on a note`;
        if (key === NOTE_AUTHOR_KEY) {
          if (!holds(item, self)) return 'adds a note in someone else’s name';
          newNotes.set(note, true);
        }
        continue;
      }
      if (PLACEMENT.includes(key)) continue;
      if (CONTENT.includes(key) && this.authorOf(note) === self) continue;
      return `writes ${key} on ${this.authorOf(note) === self ? 'a note' : 'someone else’s note'}`;
    }
    for (const [note, named] of newNotes)
      if (!named && !this.isDeletedHere(note)) return 'adds a note without its author';
    return this.checkDeletions((item, path) => {
      const [root, , key] = path;
      if (root === CLUSTERS_KEY) return null;
      if (root !== NOTES_KEY) return `deletes from ${root}`;
      if (key === undefined) return this.authorOf(item) === self ? null : 'deletes someone else’s note';
      const note = this.parentItem(item);
      if (PLACEMENT.includes(key)) return null;
      if (note && CONTENT.includes(key) && this.authorOf(note) === self) return null;
      return `deletes ${key} of a note`;
    });
  }

  checkAnonymousBoard(): string | null {
    for (const item of this.items()) {
      const path = this.pathOf(item);
      if (path === 'missing') return 'refers to content the server does not have';
      if (path === 'dead') continue;
      const [root, , key] = path;
      if (root !== NOTES_KEY) continue;
      if (key === undefined && !this.isDeletedHere(item))
        return 'notes on an anonymous board are added by command';
      if (key === NOTE_AUTHOR_KEY) return 'an anonymous board carries no authors';
    }
    return this.checkDeletions(() => null);
  }

  /** The update's new items that carry content (deleted content needs no permission). */
  private *items(): Generator<Y.Item> {
    for (const list of this.local.values()) {
      for (const item of list) if (!(item.content instanceof Y.ContentDeleted)) yield item;
    }
  }

  /**
   * Runs `rule` for every live item of the document this update deletes, except items inside
   * something the update deletes as a whole (a note's keys go with the note). Deleting content
   * the server does not have is refused: Yjs would keep it and apply it to whatever later gets
   * that id.
   */
  private checkDeletions(rule: (item: Y.Item, path: string[]) => string | null): string | null {
    for (const [client, ranges] of this.ds.clients) {
      const structs = this.doc.store.clients.get(client);
      const known = structs ? lastClock(structs) : 0;
      for (const { clock, len } of ranges) {
        const end = clock + len;
        let at = clock;
        while (at < end) {
          const local = this.findLocal(client, at);
          if (local) {
            at = local.id.clock + local.length;
            continue;
          }
          if (!structs || at >= known) return 'deletes content the server does not have';
          const struct = structs[Y.findIndexSS(structs, at)] as Struct;
          at = struct.id.clock + struct.length;
          if (!(struct instanceof Y.Item) || struct.deleted) continue;
          if (this.insideDeletion(struct)) continue;
          const path = this.pathOf(struct);
          if (path === 'dead') continue;
          if (path === 'missing') return 'refers to content the server does not have';
          const refusal = rule(struct, path);
          if (refusal) return refusal;
        }
      }
    }
    return null;
  }

  /** Whether an ancestor of this document item is deleted by this same update. */
  private insideDeletion(item: Y.Item): boolean {
    for (let parent = this.parentItem(item); parent; parent = this.parentItem(parent)) {
      if (this.isDeletedHere(parent)) return true;
    }
    return false;
  }

  private isDeletedHere(item: Y.Item): boolean {
    return Y.isDeleted(this.ds, item.id);
  }

  private isLocal(item: Y.Item): boolean {
    return this.findLocal(item.id.client, item.id.clock) === item;
  }

  private findLocal(client: number, clock: number): Y.Item | undefined {
    const list = this.local.get(client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const item = list[mid]!;
      if (clock < item.id.clock) hi = mid - 1;
      else if (clock >= item.id.clock + item.length) lo = mid + 1;
      else return item;
    }
    return undefined;
  }

  /** The item (or GC'd range) with this id, in the update or in the document; undefined if neither has it. */
  private find(id: Y.ID): Y.Item | 'gc' | undefined {
    const local = this.findLocal(id.client, id.clock);
    if (local) return local;
    const structs = this.doc.store.clients.get(id.client);
    if (!structs || id.clock >= lastClock(structs)) return undefined;
    const struct = structs[Y.findIndexSS(structs, id.clock)] as Struct;
    return struct instanceof Y.Item ? struct : 'gc';
  }

  /** Where an item hangs: its parent (a root name, or the item holding the parent type) and its key. */
  private placeOf(item: Y.Item): { parent: string | Y.Item | 'gc' | undefined; key: string | null } {
    const parent = item.parent as unknown;
    if (parent instanceof Y.AbstractType) {
      // An item of the document: its parent type is integrated.
      const type = parent as Y.AbstractType<unknown>;
      return { parent: type._item ?? Y.findRootTypeKey(type), key: item.parentSub };
    }
    if (typeof parent === 'string') return { parent, key: item.parentSub };
    if (parent instanceof Y.ID) return { parent: this.find(parent), key: item.parentSub };
    // Its origin (or right origin) has the same parent and key.
    const neighbour = item.origin ?? item.rightOrigin;
    const found = neighbour ? this.find(neighbour) : undefined;
    if (found === undefined || found === 'gc') return { parent: found, key: null };
    return this.placeOf(found);
  }

  private parentItem(item: Y.Item): Y.Item | undefined {
    const { parent } = this.placeOf(item);
    return parent instanceof Y.Item ? parent : undefined;
  }

  private pathOf(item: Y.Item): Path {
    const known = this.paths.get(item);
    if (known) return known;
    const { parent, key } = this.placeOf(item);
    let path: Path;
    if (parent === undefined) path = 'missing';
    else if (parent === 'gc') path = 'dead';
    else if (typeof parent === 'string') path = [parent, key ?? '#'];
    else if (!this.isLocal(parent) && parent.deleted) path = 'dead';
    else {
      const above = this.pathOf(parent);
      path = Array.isArray(above) ? [...above, key ?? '#'] : above;
    }
    this.paths.set(item, path);
    return path;
  }

  /** The author a note map names: from the document, or from this update for a new note. */
  private authorOf(note: Y.Item): string | undefined {
    if (this.isLocal(note)) return undefined;
    const content = note.content;
    if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) return undefined;
    const author = (content.type as Y.Map<unknown>).get(NOTE_AUTHOR_KEY);
    return typeof author === 'string' ? author : undefined;
  }
}

function isMap(item: Y.Item): boolean {
  return item.content instanceof Y.ContentType && item.content.type instanceof Y.Map;
}

/** Whether a map value item holds exactly `value`. */
function holds(item: Y.Item, value: string): boolean {
  const content = item.content;
  return content instanceof Y.ContentAny && content.arr.length === 1 && content.arr[0] === value;
}

function lastClock(structs: readonly Struct[]): number {
  const last = structs[structs.length - 1];
  return last ? last.id.clock + last.length : 0;
}
