import type * as Y from 'yjs';
import { notesRoot, setOrDelete } from '../doc';
import { noteEntry } from './notes';

/**
 * Hides or shows a note (facilitator moderation). A hidden note stays in the document, so every
 * peer can still read its text: hiding is a display decision, not a removal. Use
 * `removeNoteForGood` when the words must leave. Returns false when there is no such note.
 */
export function setNoteHidden(doc: Y.Doc, id: string, hidden: boolean): boolean {
  const map = noteEntry(doc, id);
  if (!map) return false;
  if ((map.get('hidden') === true) !== hidden)
    doc.transact(() => setOrDelete(map, 'hidden', hidden || undefined));
  return true;
}

/**
 * Removes a note so that its text leaves the document state: the note's Y.Map is deleted and
 * Yjs garbage-collects deleted content at the end of the transaction, so the text is absent from
 * `Y.encodeStateAsUpdate(doc)` afterwards.
 *
 * That only holds on a document with `gc: true` (the Yjs default): with gc off, deleted content
 * stays in the state for snapshots, so this refuses to run rather than silently keep the words.
 * Server documents MUST keep gc on. The server's update log still holds the text until it is
 * compacted by re-encoding a gc'd document (`Y.mergeUpdates` alone keeps deleted content).
 *
 * Returns false when there was no such note.
 */
export function removeNoteForGood(doc: Y.Doc, id: string): boolean {
  if (!doc.gc) {
    throw new Error('removeNoteForGood needs a Y.Doc with gc: true; otherwise the removed text stays.');
  }
  const notes = notesRoot(doc);
  if (!notes.has(id)) return false;
  doc.transact(() => notes.delete(id));
  return true;
}
