import * as Y from 'yjs';

/**
 * Reads what a decoded update would do to the server's document, without applying it: every new
 * value it writes (with its path, such as `notes/<id>/text`) and every live value of the document
 * it takes away, whether in its delete set or by writing over a key (see the list in guard.ts).
 * One job: the reading. Whether a connection may do that is decided in guard-policies.ts.
 */

type Struct = Y.Item | Y.GC | Y.Skip;
export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** A new item of the update. */
export interface Write {
  item: Y.Item;
  /** Keys from a root map: `[root, key]` for an entry or a meta value, `[root, id, field, …]` below. */
  path: string[];
  /** The item of the entry (a note map …) this writes into; null at a root. */
  entry: Y.Item | null;
  /** Whether that entry is new in this update (then it has nothing to lose). */
  newEntry: boolean;
  /** False for deleted content (ContentDeleted, or deleted by the same update): it only displaces. */
  live: boolean;
}

/** A live value of the document that the update takes away. */
export interface Removal {
  item: Y.Item;
  path: string[];
  /** The document's item holding the entry this value belongs to (for a field of an entry). */
  entry: Y.Item | null;
  /** `deleted`: named in the delete set; `replaced`: a new value at its key displaces it. */
  how: 'deleted' | 'replaced';
}

export type Reading = { refusal: string } | { writes: Write[]; removals: Removal[] };

/** Where an item hangs: a root map's name, or the item holding its parent map, and its key. */
type Parent = string | Y.Item;
type Place = { parent: Parent; key: string | null } | 'dead' | 'missing';
type Path = string[] | 'dead' | 'missing' | 'loop';

export function readUpdate(doc: Y.Doc, structs: readonly Struct[], ds: DeleteSet): Reading {
  return new UpdateReader(doc, structs, ds).read();
}

class UpdateReader {
  /** The update's items the document does not have yet, per client, in clock order. */
  private readonly local = new Map<number, Y.Item[]>();
  private readonly paths = new Map<Y.Item, Path>();
  private readonly places = new Map<Y.Item, Place>();

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Struct[],
    private readonly ds: DeleteSet,
  ) {
    for (const s of structs) {
      // Structs the document already has are skipped by Yjs: they change nothing. GC and Skip
      // structs carry no content and delete nothing.
      if (!(s instanceof Y.Item) || s.id.clock + s.length <= this.stateOf(s.id.client)) continue;
      const list = this.local.get(s.id.client) ?? [];
      list.push(s);
      this.local.set(s.id.client, list);
    }
    for (const list of this.local.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  read(): Reading {
    const writes: Write[] = [];
    const removals: Removal[] = [];
    for (const list of this.local.values()) {
      for (const item of list) {
        // A map value never has a right neighbour: only list items do, and the board has no lists.
        if (item.rightOrigin !== null) return { refusal: 'links to a right neighbour' };
        const path = this.pathOf(item);
        if (path === 'missing') return { refusal: 'refers to content the server does not have' };
        if (path === 'loop') return { refusal: 'links in a loop or nests too deep' };
        if (path === 'dead') continue; // it lands in deleted content: Yjs drops it
        const place = this.placeOf(item) as { parent: Parent; key: string | null };
        if (place.key === null) return { refusal: 'writes a list position' };
        if (!this.tailFits(item, place)) return { refusal: 'continues stored content elsewhere' };
        const entry = place.parent instanceof Y.Item ? place.parent : null;
        const newEntry = entry !== null && this.isLocal(entry);
        const live = !(item.content instanceof Y.ContentDeleted) && !Y.isDeleted(this.ds, item.id);
        writes.push({ item, path, entry, newEntry, live });
        // Whatever it holds (deleted content included), a new value at a key of an existing map
        // becomes that key's value and deletes the one before, or loses and deletes itself.
        const current = this.typeOf(place.parent)?._map.get(place.key);
        if (current && !current.deleted) {
          removals.push({ item: current, path, entry: this.entryOf(current), how: 'replaced' });
        }
      }
    }
    const refusal = this.readDeleteSet(removals);
    return refusal ? { refusal } : { writes, removals };
  }

  /**
   * Adds every live item of the document the delete set takes, except items inside an entry the
   * update deletes as a whole (a note's keys go with the note, judged as the note). Deleting
   * content the server does not have is refused: Yjs would keep the deletion and apply it to
   * whatever later gets that id.
   */
  private readDeleteSet(removals: Removal[]): string | null {
    for (const [client, ranges] of this.ds.clients) {
      const state = this.stateOf(client);
      const structs = this.doc.store.clients.get(client);
      for (const { clock, len } of ranges) {
        const end = clock + len;
        let at = clock;
        while (at < end) {
          if (at >= state) {
            const local = this.findLocal(client, at);
            if (!local) return 'deletes content the server does not have';
            at = local.id.clock + local.length;
            continue;
          }
          const struct = structs![Y.findIndexSS(structs!, at)] as Struct;
          at = struct.id.clock + struct.length;
          if (!(struct instanceof Y.Item) || struct.deleted || this.insideDeletion(struct)) continue;
          const path = this.pathOf(struct);
          if (path === 'missing' || path === 'loop') return 'refers to content the server does not have';
          if (path === 'dead') continue;
          removals.push({ item: struct, path, entry: this.entryOf(struct), how: 'deleted' });
        }
      }
    }
    return null;
  }

  /**
   * A struct the document already has the start of: Yjs integrates only its new tail, right
   * after the document's item before that tail, and deletes that item if it is a key's value,
   * whatever the struct's own origin says. Fine only when that item is in the same place.
   */
  private tailFits(item: Y.Item, place: { parent: Parent; key: string | null }): boolean {
    const state = this.stateOf(item.id.client);
    if (item.id.clock >= state) return true;
    const before = this.find(Y.createID(item.id.client, state - 1));
    if (!(before instanceof Y.Item)) return false;
    const there = this.placeOf(before);
    return typeof there === 'object' && there.parent === place.parent && there.key === place.key;
  }

  private stateOf(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** Whether an ancestor of this document item is deleted by this same update. */
  private insideDeletion(item: Y.Item): boolean {
    for (let p = this.parentItem(item); p; p = this.parentItem(p))
      if (Y.isDeleted(this.ds, p.id)) return true;
    return false;
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

  /** The struct with this id: the document's (an item, or 'gc') below its state, else the update's. */
  private find(id: Y.ID): Y.Item | 'gc' | undefined {
    if (id.clock >= this.stateOf(id.client)) return this.findLocal(id.client, id.clock);
    const structs = this.doc.store.clients.get(id.client)!;
    const struct = structs[Y.findIndexSS(structs, id.clock)] as Struct;
    return struct instanceof Y.Item ? struct : 'gc';
  }

  /**
   * Where an item hangs, as Yjs decides it (Item.getMissing): a document item knows its parent
   * type; a new item names its parent (a root or an item) and key, or, when it has an origin,
   * takes both from that origin. A GC'd neighbour or parent makes Yjs drop the item ('dead').
   * Follows origins in a loop (not recursion: one update may set a key thousands of times).
   */
  private placeOf(item: Y.Item): Place {
    const chain = new Set<Y.Item>();
    let at = item;
    let place: Place | undefined;
    while (place === undefined) {
      place = this.places.get(at);
      if (place !== undefined) break;
      chain.add(at);
      const parent = at.parent as unknown;
      if (parent instanceof Y.AbstractType) {
        const type = parent as Y.AbstractType<unknown>;
        place = { parent: type._item ?? Y.findRootTypeKey(type), key: at.parentSub };
      } else if (typeof parent === 'string') {
        place = { parent, key: at.parentSub };
      } else {
        const ref = parent instanceof Y.ID ? parent : at.origin;
        const found = ref === null ? undefined : this.find(ref);
        if (found === undefined) place = 'missing';
        else if (found === 'gc') place = 'dead';
        else if (parent instanceof Y.ID) place = { parent: found, key: at.parentSub };
        else if (chain.has(found))
          place = 'missing'; // origins in a circle: never integrates
        else at = found;
      }
    }
    for (const it of chain) this.places.set(it, place);
    return place;
  }

  private parentItem(item: Y.Item): Y.Item | undefined {
    const place = this.placeOf(item);
    return typeof place === 'object' && place.parent instanceof Y.Item ? place.parent : undefined;
  }

  /** The document item of the entry a document value belongs to (its parent map's item). */
  private entryOf(item: Y.Item): Y.Item | null {
    return this.parentItem(item) ?? null;
  }

  /** The document's map at `parent` (a root or a live map item), or undefined when it has none. */
  private typeOf(parent: Parent): { _map: Map<string, Y.Item> } | undefined {
    if (typeof parent === 'string') return this.doc.share.get(parent);
    if (this.isLocal(parent) || parent.deleted) return undefined;
    const content = parent.content;
    return content instanceof Y.ContentType ? content.type : undefined;
  }

  /**
   * The keys from a root to this item. A key-less item (a list position) gets '#', which no
   * rule allows. Inside deleted content: 'dead' (Yjs deletes what lands there). The board nests
   * four keys deep at most; far deeper (or parents in a circle) is 'loop'.
   */
  private pathOf(item: Y.Item): Path {
    const known = this.paths.get(item);
    if (known) return known;
    const keys: string[] = [];
    let at = item;
    let path: Path | undefined;
    while (path === undefined) {
      const place = this.placeOf(at);
      if (typeof place !== 'object') path = place;
      else if (keys.length > MAX_DEPTH) path = 'loop';
      else {
        keys.unshift(place.key ?? '#');
        if (typeof place.parent === 'string') path = [place.parent, ...keys];
        else if (!this.isLocal(place.parent) && place.parent.deleted) path = 'dead';
        else at = place.parent;
      }
    }
    this.paths.set(item, path);
    return path;
  }
}

/** Deeper than any path of the board (`notes/<id>/reactions/<kind>`), with room to spare. */
const MAX_DEPTH = 8;
