import * as Y from 'yjs';
import { type WritePolicy, judge } from './guard-policies';
import { type DeleteSet, readUpdate } from './guard-reading';

export type { WritePolicy } from './guard-policies';

/**
 * The write guard (core SPEC BD12): checks a client's document update before it is applied, and
 * refuses it whole when it touches what this connection may not change. Refusing before applying
 * (rather than applying and writing the old values back) means a forbidden value is never in the
 * document, the store or anyone's copy, not even for a moment.
 *
 * How: `Y.decodeUpdate` gives every new item and the delete set; guard-reading.ts works out what
 * applying them would do to the server's document, guard-values.ts checks each new value against
 * the board's schema, guard-policies.ts decides whether this connection may do it.
 *
 * Every way a Yjs update can delete or replace what it did not create, and how it is judged:
 * 1. The delete set: each live item of the document it names is judged by the deletion rule of
 *    its path (a note's keys go with the note and are judged as the note). Deleting content the
 *    server does not have is refused (Yjs would keep the deletion for whatever gets that id).
 * 2. A new value at a key of an existing map (`parentSub`): integrating it makes it the key's value
 *    and deletes the value before (Item.integrate: `this.left.delete()`), which the delete set
 *    never shows. So every new item at a key, including ContentDeleted items and items the same
 *    update deletes, counts as deleting that key's live value, judged by the same rule as 1
 *    (`replaced`). Conflict resolution may instead put the new item first and delete it: judged
 *    as if it displaced, to be safe. A new map at a live note's key is refused for everyone (it
 *    would drop the author and the server's fields), and so is a new note at a deleted note's id.
 * 3. Deleting or replacing a map deletes everything in it: judged as deleting the entry itself.
 * 4. `origin`: an item with an origin takes its parent and key from it, wherever that points
 *    (another note included), so its path is the origin's; a circle of origins is refused.
 * 5. `rightOrigin`: only list items have one; the board holds maps only, so it is refused, and so
 *    is an item without a key (a list position).
 * 6. A parent named by id: the path goes through that item, in the update or the document;
 *    inside deleted or GC'd content Yjs drops the item, so nothing is judged. A parent or origin
 *    neither side has is refused (it would wait as pending, unjudged against later state).
 * 7. Pending structs: an update from a client whose earlier changes the server lacks waits in
 *    `store.pendingStructs` (the room then asks that client for a resync). When a later update
 *    would let them in, they are judged again, merged with it, against the document as it is then.
 * 8. GC and Skip structs carry no content and delete nothing; structs the document already has
 *    are skipped by Yjs, so they are skipped here too (and cannot shield a deletion of them). A
 *    struct whose start the document has: Yjs puts its tail after the document's item before that
 *    tail, whatever its origin says, and deletes that item if it is a key's value; refused unless
 *    that item is in the struct's own place.
 * 9. Several clients' structs in one update, and one update carrying both a fresh map and writes
 *    into it: every new item is judged on its own path; writes into a map the same update adds
 *    are writes to a new entry.
 * Values (guard-values.ts): one plain value per key, of the right type and within the command
 * limits (2,000 characters of note text, titles, ids); no subdocuments, binary or nested types
 * where the board has none. Checked for every connection, facilitators and drafts included.
 *
 * The trade-off: a client whose update was refused keeps its own copy of that change, and Yjs
 * numbers every later change of that client after it, so its later writes depend on the refused
 * one and are refused with it until it reloads. The stock provider never learns; an honest client
 * (the web app) never writes these fields, so only a client that tried a forbidden write stops
 * being able to write, on that board, until it reloads.
 */

/** Returns why the update is refused, or null when it may be applied. */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, policy: WritePolicy): string | null {
  let decoded: { structs: (Y.Item | Y.GC | Y.Skip)[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(withPending(doc, update)) as typeof decoded;
  } catch {
    return 'malformed update';
  }
  const reading = readUpdate(doc, decoded.structs, decoded.ds);
  if ('refusal' in reading) return reading.refusal;
  return judge(policy, doc, reading.writes, reading.removals);
}

/**
 * The update plus the document's pending structs (and pending deletions) when the update would
 * let them in: they integrate in the same step, so they are judged with it (way 7 above).
 */
function withPending(doc: Y.Doc, update: Uint8Array): Uint8Array {
  const pending = doc.store.pendingStructs;
  if (!pending) return update;
  const { structs } = Y.decodeUpdate(update);
  const unblocks = structs.some((s) => {
    const missing = pending.missing.get(s.id.client);
    return missing !== undefined && s.id.clock + s.length > missing;
  });
  if (!unblocks) return update;
  const parts = [pending.update, ...(doc.store.pendingDs ? [doc.store.pendingDs] : [])];
  return Y.mergeUpdates([...parts.map((p) => Y.convertUpdateFormatV2ToV1(p)), update]);
}
