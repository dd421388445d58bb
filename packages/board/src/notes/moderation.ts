import type * as Y from 'yjs';
import { NOTE_CONTENT_KEYS, type NoteWords, notesRoot, readString, setOrDelete } from '../doc';
import { forgetHiddenWords, hiddenWordsOf, keepHiddenWords } from '../moderation-doc';
import { noteEntry } from './notes';

/**
 * Facilitator moderation of notes (core SPEC BD11, BD14). Hiding takes a note's words off the
 * board (every board connection receives the board's document, so words that stay there reach
 * everyone); they wait in the board's moderation document, which only facilitators can read,
 * and come back when the note is shown again. The note itself stays on the board, marked
 * `hidden`, with its author, place, reactions and votes.
 *
 * The server persists the two documents one after the other, so each step has one job and can
 * run again: hide = `keepHiddenWords` (moderation) then `takeWordsOffNote` (board); show =
 * `putWordsBackOnNote` (board) then `forgetHiddenWords` (moderation). In that order a crash
 * between the steps never loses the words, and running the pair again finishes the job.
 * `hideNote` / `showNote` do both on two local documents.
 */

/** The words on a board note now (empty once they are off it), or null when there is no such note. */
export function noteWordsOf(board: Y.Doc, id: string): NoteWords | null {
  const map = noteEntry(board, id);
  if (!map) return null;
  const words: NoteWords = {};
  for (const key of NOTE_CONTENT_KEYS) {
    const value = readString(map, key);
    if (value !== undefined) words[key] = value;
  }
  return words;
}

/** Whether `words` hold anything at all. */
export const hasWords = (words: NoteWords | null): words is NoteWords =>
  !!words && NOTE_CONTENT_KEYS.some((key) => words[key] !== undefined);

const sameWords = (a: NoteWords, b: NoteWords) => NOTE_CONTENT_KEYS.every((key) => a[key] === b[key]);

/**
 * Marks a note hidden and deletes its words from the board, in one transaction. On a document
 * with `gc: true` the words (and earlier versions of them) then leave its encoded state; the
 * server's stored log keeps them until it is compacted.
 *
 * With `expected` (the words just kept in the moderation document), nothing happens when the
 * note's words are no longer those: someone changed them meanwhile, and deleting them now would
 * lose words that were never kept. Returns 'hidden', 'changed' or 'missing'.
 */
export function takeWordsOffNote(
  board: Y.Doc,
  id: string,
  expected?: NoteWords,
): 'hidden' | 'changed' | 'missing' {
  if (!board.gc) throw new Error('takeWordsOffNote needs a Y.Doc with gc: true; otherwise the words stay.');
  const map = noteEntry(board, id);
  if (!map) return 'missing';
  const current = noteWordsOf(board, id) ?? {};
  if (expected && !sameWords(current, expected)) return 'changed';
  board.transact(() => {
    setOrDelete(map, 'hidden', true);
    for (const key of NOTE_CONTENT_KEYS) setOrDelete(map, key, undefined);
  });
  return 'hidden';
}

/**
 * Shows a hidden note again: writes its words back and clears `hidden`, in one transaction.
 * Without words to put back (none kept), a note that has none on the board stays hidden: a note
 * without words is nothing to show. Returns false when the note is not there or stays hidden.
 */
export function putWordsBackOnNote(board: Y.Doc, id: string, words: NoteWords | null): boolean {
  const map = noteEntry(board, id);
  if (!map) return false;
  if (!hasWords(words) && !hasWords(noteWordsOf(board, id))) return false;
  board.transact(() => {
    if (hasWords(words)) for (const key of NOTE_CONTENT_KEYS) setOrDelete(map, key, words[key]);
    setOrDelete(map, 'hidden', undefined);
  });
  return true;
}

/** Both steps of hiding on two local documents (tests, fixtures). Returns false when there is no such note. */
export function hideNote(board: Y.Doc, moderation: Y.Doc, id: string): boolean {
  const words = noteWordsOf(board, id);
  if (!words) return false;
  if (hasWords(words)) keepHiddenWords(moderation, id, words);
  return takeWordsOffNote(board, id) === 'hidden';
}

/** Both steps of showing on two local documents. Returns false when the note is not there or stays hidden. */
export function showNote(board: Y.Doc, moderation: Y.Doc, id: string): boolean {
  if (!putWordsBackOnNote(board, id, hiddenWordsOf(moderation, id))) return false;
  forgetHiddenWords(moderation, id);
  return true;
}

/**
 * Removes a note so that its text leaves the document state: the note's Y.Map is deleted and
 * Yjs garbage-collects deleted content at the end of the transaction, so the text is absent from
 * `Y.encodeStateAsUpdate(doc)` afterwards. A hidden note's words are in the moderation document:
 * `forgetHiddenWords` them too.
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
