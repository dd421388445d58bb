import * as Y from 'yjs';
import { type Entry, NOTE_CONTENT_KEYS, type NoteWords, entryOf, readString, setOrDelete } from './doc';

/**
 * A board's moderation document: a Yjs document of its own, next to the board's, holding the
 * words of the board's hidden notes. Yjs sends the same document to every connection, so words
 * that only facilitators may read cannot stay in the board's document; they wait here while the
 * note is hidden. Only the server writes it; facilitators read it (core SPEC BD14).
 *
 * - `hiddenNotes`: note id → Y.Map { text?, color? } (the note's content keys, `NOTE_CONTENT_KEYS`)
 */
export const HIDDEN_NOTES_KEY = 'hiddenNotes';

const hiddenNotesRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(HIDDEN_NOTES_KEY);

/** Hidden note id → its words, as the moderation document holds them. */
export type HiddenWords = ReadonlyMap<string, NoteWords>;

function wordsOf(map: Entry): NoteWords {
  const words: NoteWords = {};
  for (const key of NOTE_CONTENT_KEYS) {
    const value = readString(map, key);
    if (value !== undefined) words[key] = value;
  }
  return words;
}

/**
 * Keeps a hidden note's words: the entry becomes exactly `words` (keys left out are deleted).
 * Writes nothing when it already holds them, so running it again is harmless.
 */
export function keepHiddenWords(moderation: Y.Doc, noteId: string, words: NoteWords): void {
  const root = hiddenNotesRoot(moderation);
  moderation.transact(() => {
    let entry = entryOf(root, noteId);
    if (!entry) {
      entry = new Y.Map<unknown>();
      root.set(noteId, entry);
    }
    for (const key of NOTE_CONTENT_KEYS) setOrDelete(entry, key, words[key]);
  });
}

/** The words kept for one hidden note, or null when there are none. */
export function hiddenWordsOf(moderation: Y.Doc, noteId: string): NoteWords | null {
  const entry = entryOf(hiddenNotesRoot(moderation), noteId);
  return entry ? wordsOf(entry) : null;
}

/**
 * Forgets a note's words (shown again, deleted or removed). On a document with `gc: true` they
 * leave its encoded state; the server then compacts its stored log. Returns false when there
 * was nothing to forget.
 */
export function forgetHiddenWords(moderation: Y.Doc, noteId: string): boolean {
  if (!moderation.gc) {
    throw new Error('forgetHiddenWords needs a Y.Doc with gc: true; otherwise the words stay.');
  }
  const root = hiddenNotesRoot(moderation);
  if (!root.has(noteId)) return false;
  moderation.transact(() => root.delete(noteId));
  return true;
}

/** Every hidden note's words. Entries that are not maps (a bug, never a peer: only the server writes) are skipped. */
export function readHiddenWords(moderation: Y.Doc): Map<string, NoteWords> {
  const out = new Map<string, NoteWords>();
  hiddenNotesRoot(moderation).forEach((value, id) => {
    if (value instanceof Y.Map) out.set(id, wordsOf(value as Entry));
  });
  return out;
}
