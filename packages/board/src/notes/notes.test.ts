import { LIMITS } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  NOTE_COLORS,
  NOTES_KEY,
  NoteInputError,
  addNote,
  deleteNote,
  editNoteText,
  newNoteId,
  observeNotes,
  readNotes,
  setNoteColor,
  type NoteColor,
} from '../index';

/** Wires two docs together the way a relay server would: every update of one is applied to the other. */
function connect(a: Y.Doc, b: Y.Doc): () => void {
  const toB = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b, update, 'remote');
  };
  const toA = (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a, update, 'remote');
  };
  a.on('update', toB);
  b.on('update', toA);
  return () => {
    a.off('update', toB);
    b.off('update', toA);
  };
}

describe('addNote / readNotes', () => {
  it('stores a note and reads it back', () => {
    const doc = new Y.Doc();
    const note = addNote(doc, { text: '  hello  ', color: 'green', authorId: 'p1', createdAt: 5, id: 'n1' });
    expect(note).toEqual({ id: 'n1', text: 'hello', color: 'green', authorId: 'p1', createdAt: 5 });
    expect(readNotes(doc)).toEqual([note]);
    const stored = doc.getMap(NOTES_KEY).get('n1');
    expect(stored).toBeInstanceOf(Y.Map);
  });

  it('BD15: keeps an anonymous note’s owner key, and refuses one that is not a key', () => {
    const doc = new Y.Doc();
    const key = 'k'.repeat(43);
    const note = addNote(doc, { id: 'n1', text: 'mine', color: 'yellow', createdAt: 1, ownerKey: key });
    expect(note).toEqual({
      id: 'n1',
      text: 'mine',
      color: 'yellow',
      authorId: '',
      createdAt: 1,
      ownerKey: key,
    });
    expect(readNotes(doc)).toEqual([note]);
    expect(() => addNote(doc, { text: 'x', color: 'yellow', ownerKey: 'short' })).toThrow(NoteInputError);
  });

  it('generates an id and a timestamp when none is given', () => {
    const doc = new Y.Doc();
    const before = Date.now();
    const note = addNote(doc, { text: 'x', color: 'yellow', authorId: 'p1' });
    expect(note.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(note.createdAt).toBeGreaterThanOrEqual(before);
  });

  it('sorts by createdAt, then id', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'b', text: 'second', color: 'blue', authorId: 'p', createdAt: 2 });
    addNote(doc, { id: 'c', text: 'third', color: 'blue', authorId: 'p', createdAt: 2 });
    addNote(doc, { id: 'a', text: 'first', color: 'blue', authorId: 'p', createdAt: 1 });
    addNote(doc, { id: 'a2', text: 'also second', color: 'blue', authorId: 'p', createdAt: 2 });
    expect(readNotes(doc).map((n) => n.id)).toEqual(['a', 'a2', 'b', 'c']);
  });

  it('refuses empty text, text over the limit and unknown colours', () => {
    const doc = new Y.Doc();
    const base = { color: 'yellow' as NoteColor, authorId: 'p' };
    expect(() => addNote(doc, { ...base, text: '   ' })).toThrow(NoteInputError);
    expect(() => addNote(doc, { ...base, text: 'x'.repeat(LIMITS.noteTextMax + 1) })).toThrow(/at most/);
    expect(() => addNote(doc, { ...base, text: 'ok', color: 'red' as NoteColor })).toThrow(/colour/);
    expect(() => addNote(doc, { ...base, text: 'ok', id: 'no spaces' })).toThrow(NoteInputError);
    expect(readNotes(doc)).toEqual([]);
    expect(addNote(doc, { ...base, text: 'x'.repeat(LIMITS.noteTextMax) }).text).toHaveLength(
      LIMITS.noteTextMax,
    );
  });

  it('skips malformed entries and falls back for unknown colours', () => {
    const doc = new Y.Doc();
    const notes = doc.getMap<unknown>(NOTES_KEY);
    notes.set('junk', 'not a map');
    const noText = new Y.Map<unknown>();
    notes.set('noText', noText);
    noText.set('authorId', 'p');
    const oddColor = new Y.Map<unknown>();
    notes.set('odd', oddColor);
    oddColor.set('text', 'hi');
    oddColor.set('authorId', 'p');
    oddColor.set('color', 'chartreuse');
    expect(readNotes(doc)).toEqual([{ id: 'odd', text: 'hi', authorId: 'p', color: 'yellow', createdAt: 0 }]);
  });
});

describe('editNoteText / setNoteColor / deleteNote', () => {
  it('changes and removes an existing note', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'n', text: 'one', color: 'yellow', authorId: 'p', createdAt: 1 });
    expect(editNoteText(doc, 'n', ' two ')).toBe(true);
    expect(setNoteColor(doc, 'n', 'purple')).toBe(true);
    expect(readNotes(doc)[0]).toMatchObject({ text: 'two', color: 'purple' });
    expect(deleteNote(doc, 'n')).toBe(true);
    expect(readNotes(doc)).toEqual([]);
  });

  it('reports a missing note instead of creating one', () => {
    const doc = new Y.Doc();
    expect(editNoteText(doc, 'nope', 'x')).toBe(false);
    expect(setNoteColor(doc, 'nope', 'blue')).toBe(false);
    expect(deleteNote(doc, 'nope')).toBe(false);
    expect(readNotes(doc)).toEqual([]);
  });

  it('validates edits like new notes', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'n', text: 'one', color: 'yellow', authorId: 'p' });
    expect(() => editNoteText(doc, 'n', '')).toThrow(NoteInputError);
    expect(() => setNoteColor(doc, 'n', 'grey' as NoteColor)).toThrow(NoteInputError);
    expect(readNotes(doc)[0]).toMatchObject({ text: 'one', color: 'yellow' });
  });
});

describe('observeNotes', () => {
  it('reports every change once per transaction until unsubscribed', () => {
    const doc = new Y.Doc();
    const seen: string[][] = [];
    const stop = observeNotes(doc, (notes) => seen.push(notes.map((n) => `${n.id}:${n.text}`)));
    addNote(doc, { id: 'n', text: 'one', color: 'yellow', authorId: 'p', createdAt: 1 });
    editNoteText(doc, 'n', 'two');
    editNoteText(doc, 'n', 'two'); // no change, no call
    deleteNote(doc, 'n');
    stop();
    addNote(doc, { id: 'm', text: 'after', color: 'yellow', authorId: 'p' });
    expect(seen).toEqual([['n:one'], ['n:two'], []]);
  });

  it('reports remote changes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    connect(a, b);
    const seen: number[] = [];
    observeNotes(b, (notes) => seen.push(notes.length));
    addNote(a, { text: 'from a', color: 'pink', authorId: 'pa' });
    expect(seen).toEqual([1]);
  });
});

describe('two documents exchanging updates', () => {
  it('converge after concurrent offline edits', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addNote(a, { id: 'shared', text: 'start', color: 'yellow', authorId: 'pa', createdAt: 1 });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readNotes(b)).toEqual(readNotes(a));

    // Both edit while apart.
    addNote(a, { id: 'fromA', text: 'a wrote', color: 'green', authorId: 'pa', createdAt: 2 });
    addNote(b, { id: 'fromB', text: 'b wrote', color: 'blue', authorId: 'pb', createdAt: 2 });
    editNoteText(a, 'shared', 'edited by a');
    setNoteColor(b, 'shared', 'purple');

    // Exchange only what the other is missing (the y-websocket sync step 2).
    const aMissing = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    const bMissing = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    Y.applyUpdate(a, aMissing);
    Y.applyUpdate(b, bMissing);

    expect(readNotes(a)).toEqual(readNotes(b));
    expect(readNotes(a).map((n) => n.id)).toEqual(['shared', 'fromA', 'fromB']);
    expect(readNotes(a)[0]).toMatchObject({ text: 'edited by a', color: 'purple' });
  });

  it('converge on the same winner when both edit the same text', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    addNote(a, { id: 'n', text: 'start', color: 'yellow', authorId: 'pa', createdAt: 1 });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    editNoteText(a, 'n', 'from a');
    editNoteText(b, 'n', 'from b');
    deleteNote(b, 'missing');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readNotes(a)).toEqual(readNotes(b));
    expect(['from a', 'from b']).toContain(readNotes(a)[0]?.text);
  });

  it('stay in step while connected live, including deletes', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    connect(a, b);
    const note = addNote(a, { text: 'live', color: NOTE_COLORS[3], authorId: 'pa' });
    expect(readNotes(b)).toEqual([note]);
    editNoteText(b, note.id, 'changed on b');
    expect(readNotes(a)[0]?.text).toBe('changed on b');
    deleteNote(b, note.id);
    expect(readNotes(a)).toEqual([]);
  });
});

describe('newNoteId', () => {
  it('is url-safe and practically unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, newNoteId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
