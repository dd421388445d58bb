import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, editNoteText, readBoard, readNotes, removeNoteForGood, setNoteHidden } from '../index';
import { connect } from '../testing/sync';

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

describe('setNoteHidden', () => {
  it('hides and shows a note without touching its text', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'n', text: 'words', color: 'blue', authorId: 'p', createdAt: 1 });
    expect(setNoteHidden(doc, 'n', true)).toBe(true);
    expect(readNotes(doc)[0]).toMatchObject({ text: 'words', hidden: true });
    expect(readBoard(doc).columns[0]?.notes[0]).toMatchObject({ text: 'words', hidden: true });
    expect(setNoteHidden(doc, 'n', false)).toBe(true);
    expect(readNotes(doc)[0]?.hidden).toBeUndefined();
    expect(doc.getMap('notes').get('n')).toBeInstanceOf(Y.Map);
    expect((doc.getMap('notes').get('n') as Y.Map<unknown>).has('hidden')).toBe(false);
    expect(setNoteHidden(doc, 'missing', true)).toBe(false);
  });

  it('writes nothing when the note already has that state', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'n', text: 'x', color: 'blue', authorId: 'p' });
    let updates = 0;
    doc.on('update', () => updates++);
    setNoteHidden(doc, 'n', false);
    setNoteHidden(doc, 'n', true);
    setNoteHidden(doc, 'n', true);
    expect(updates).toBe(1);
  });
});

describe('removeNoteForGood', () => {
  it('takes the text, including earlier versions of it, out of the encoded document state', () => {
    const doc = new Y.Doc({ gc: true });
    addNote(doc, { id: 'gone', text: 'first words of Ann', color: 'pink', authorId: 'ann', createdAt: 1 });
    editNoteText(doc, 'gone', 'second words of Ann');
    addNote(doc, { id: 'kept', text: 'stays on the board', color: 'green', authorId: 'bo', createdAt: 2 });
    expect(contains(Y.encodeStateAsUpdate(doc), 'second words of Ann')).toBe(true);

    expect(removeNoteForGood(doc, 'gone')).toBe(true);

    const state = Y.encodeStateAsUpdate(doc);
    expect(contains(state, 'first words of Ann')).toBe(false);
    expect(contains(state, 'second words of Ann')).toBe(false);
    expect(contains(state, 'ann')).toBe(false);
    expect(contains(state, 'stays on the board')).toBe(true);
    expect(readNotes(doc).map((n) => n.id)).toEqual(['kept']);
    expect(removeNoteForGood(doc, 'gone')).toBe(false);
  });

  it('removes the text from a connected peer too', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    connect(server, client);
    addNote(client, { id: 'n', text: 'regretted words', color: 'yellow', authorId: 'p' });
    removeNoteForGood(server, 'n');
    expect(readNotes(client)).toEqual([]);
    expect(contains(Y.encodeStateAsUpdate(client), 'regretted words')).toBe(false);
  });

  it('refuses a document without garbage collection, where the text would stay', () => {
    const doc = new Y.Doc({ gc: false });
    addNote(doc, { id: 'n', text: 'kept by gc off', color: 'yellow', authorId: 'p' });
    expect(() => removeNoteForGood(doc, 'n')).toThrow(/gc: true/);
    expect(readNotes(doc)).toHaveLength(1);
  });

  // For the server's update log: merging stored updates keeps removed text; re-encoding does not.
  it('leaves the text in Y.mergeUpdates of the update log, but not in a re-encoded document', () => {
    const doc = new Y.Doc();
    const log: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => log.push(u));
    addNote(doc, { id: 'n', text: 'in the log', color: 'yellow', authorId: 'p' });
    removeNoteForGood(doc, 'n');
    const merged = Y.mergeUpdates(log);
    expect(contains(merged, 'in the log')).toBe(true);
    const compacted = new Y.Doc();
    Y.applyUpdate(compacted, merged);
    expect(contains(Y.encodeStateAsUpdate(compacted), 'in the log')).toBe(false);
  });
});
