import * as Y from 'yjs';
import { type Entry, notesRoot, setOrDelete } from '../doc';
import { REACTION_IDS, type ReactionCounts } from '../reactions';
import { noteEntry } from './notes';

/**
 * Server-side effects: the server owns who reacted and who voted, and writes the resulting counts
 * here as an authoritative peer. Clients only read them.
 */

function positive(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n >= 1 ? Math.floor(n) : undefined;
}

/**
 * Sets a note's reaction counts to exactly `counts` (kinds left out become 0). Writes only what
 * changes. Returns false when there is no such note.
 */
export function applyReactionCounts(doc: Y.Doc, noteId: string, counts: ReactionCounts): boolean {
  const note = noteEntry(doc, noteId);
  if (!note) return false;
  const wanted = REACTION_IDS.map((id) => [id, positive(counts[id])] as const);
  const any = wanted.some(([, n]) => n !== undefined);
  const existing = note.get('reactions');
  doc.transact(() => {
    if (!any) {
      if (existing !== undefined) note.delete('reactions');
      return;
    }
    let map = existing instanceof Y.Map ? (existing as Entry) : undefined;
    if (!map) {
      map = new Y.Map<unknown>();
      note.set('reactions', map);
    }
    for (const key of map.keys()) if (!(REACTION_IDS as readonly string[]).includes(key)) map.delete(key);
    for (const [id, n] of wanted) setOrDelete(map, id, n);
  });
  return true;
}

/**
 * Sets every note's vote count from the server's full tally (note id → votes); notes left out
 * have 0, which also clears any count a peer wrote on its own. Writes only what changes.
 */
export function applyVoteCounts(doc: Y.Doc, totals: Readonly<Record<string, number>>): void {
  doc.transact(() => {
    notesRoot(doc).forEach((value, id) => {
      if (value instanceof Y.Map) setOrDelete(value as Entry, 'votes', positive(totals[id]));
    });
  });
}
