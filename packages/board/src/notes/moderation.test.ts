import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addColumn,
  addNote,
  applyReactionCounts,
  applyVoteCounts,
  editNoteText,
  forgetHiddenWords,
  hiddenWordsOf,
  hideNote,
  keepHiddenWords,
  noteWordsOf,
  putWordsBackOnNote,
  readBoard,
  readHiddenWords,
  readNotes,
  removeNoteForGood,
  showNote,
  takeWordsOffNote,
} from '../index';
import { connect, fork } from '../testing/sync';

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

/** The board and its moderation document, with one note by Ann (reactions, votes, a place). */
function boardWithNote() {
  const board = new Y.Doc();
  const moderation = new Y.Doc();
  addColumn(board, { id: 'col', title: 'Column' });
  addNote(board, {
    id: 'n',
    text: 'first words of Ann',
    color: 'pink',
    authorId: 'ann',
    columnId: 'col',
    createdAt: 1,
  });
  editNoteText(board, 'n', 'second words of Ann');
  applyReactionCounts(board, 'n', { heart: 2 });
  applyVoteCounts(board, { n: 3 });
  addNote(board, { id: 'kept', text: 'stays on the board', color: 'green', authorId: 'bo', createdAt: 2 });
  return { board, moderation };
}

describe('hideNote (BD11, BD14)', () => {
  it('takes the words, earlier versions included, out of the encoded board state and into the moderation document', () => {
    const { board, moderation } = boardWithNote();
    expect(contains(Y.encodeStateAsUpdate(board), 'second words of Ann')).toBe(true);

    expect(hideNote(board, moderation, 'n')).toBe(true);

    const state = Y.encodeStateAsUpdate(board);
    expect(contains(state, 'first words of Ann')).toBe(false);
    expect(contains(state, 'second words of Ann')).toBe(false);
    expect(contains(state, 'pink')).toBe(false);
    expect(contains(state, 'stays on the board')).toBe(true);
    expect(hiddenWordsOf(moderation, 'n')).toEqual({ text: 'second words of Ann', color: 'pink' });
    expect(readHiddenWords(moderation)).toEqual(
      new Map([['n', { text: 'second words of Ann', color: 'pink' }]]),
    );
  });

  it('keeps the hidden note on the board for counts, votes and placement, without its words', () => {
    const { board, moderation } = boardWithNote();
    hideNote(board, moderation, 'n');
    expect(readNotes(board).find((n) => n.id === 'n')).toEqual({
      id: 'n',
      text: '',
      color: 'yellow',
      authorId: 'ann',
      createdAt: 1,
      columnId: 'col',
      hidden: true,
    });
    expect(readBoard(board).columns[0]?.notes[0]).toMatchObject({
      id: 'n',
      text: '',
      hidden: true,
      reactions: { heart: 2 },
      votes: 3,
    });
    expect(noteWordsOf(board, 'n')).toEqual({});
  });

  it('sends a connected peer (a participant’s copy) no byte of the words, and takes them out of its state', () => {
    const { board, moderation } = boardWithNote();
    const peer = fork(board);
    const received: Uint8Array[] = [];
    board.on('update', (update: Uint8Array) => {
      received.push(update);
      Y.applyUpdate(peer, update);
    });
    hideNote(board, moderation, 'n');
    expect(received.length).toBeGreaterThan(0);
    expect(received.some((u) => contains(u, 'Ann'))).toBe(false);
    expect(readNotes(peer).find((n) => n.id === 'n')).toMatchObject({ text: '', hidden: true });
    expect(contains(Y.encodeStateAsUpdate(peer), 'words of Ann')).toBe(false);
  });

  it('can run again, also after stopping between its two steps, and writes nothing when done', () => {
    const { board, moderation } = boardWithNote();
    // A crash after the words were kept, before they left the board:
    keepHiddenWords(moderation, 'n', noteWordsOf(board, 'n') ?? {});
    expect(hideNote(board, moderation, 'n')).toBe(true);
    expect(hiddenWordsOf(moderation, 'n')).toEqual({ text: 'second words of Ann', color: 'pink' });
    let updates = 0;
    board.on('update', () => updates++);
    moderation.on('update', () => updates++);
    expect(hideNote(board, moderation, 'n')).toBe(true);
    expect(updates).toBe(0);
    expect(hiddenWordsOf(moderation, 'n')).toEqual({ text: 'second words of Ann', color: 'pink' });
    expect(hideNote(board, moderation, 'missing')).toBe(false);
  });

  it('leaves the words alone when they changed since they were kept (nothing is lost)', () => {
    const { board } = boardWithNote();
    const kept = noteWordsOf(board, 'n') ?? {};
    editNoteText(board, 'n', 'third words of Ann');
    expect(takeWordsOffNote(board, 'n', kept)).toBe('changed');
    expect(readNotes(board).find((n) => n.id === 'n')).toMatchObject({ text: 'third words of Ann' });
    expect(readNotes(board).find((n) => n.id === 'n')?.hidden).toBeUndefined();
    expect(takeWordsOffNote(board, 'missing')).toBe('missing');
  });

  it('refuses a document without garbage collection, where the words would stay', () => {
    const board = new Y.Doc({ gc: false });
    addNote(board, { id: 'n', text: 'kept by gc off', color: 'yellow', authorId: 'p' });
    expect(() => hideNote(board, new Y.Doc(), 'n')).toThrow(/gc: true/);
    expect(readNotes(board)[0]).toMatchObject({ text: 'kept by gc off' });
  });
});

describe('showNote (BD11, BD14)', () => {
  it('puts the words back on the board and out of the encoded moderation state', () => {
    const { board, moderation } = boardWithNote();
    hideNote(board, moderation, 'n');
    expect(showNote(board, moderation, 'n')).toBe(true);
    expect(readNotes(board).find((n) => n.id === 'n')).toEqual({
      id: 'n',
      text: 'second words of Ann',
      color: 'pink',
      authorId: 'ann',
      createdAt: 1,
      columnId: 'col',
    });
    expect(hiddenWordsOf(moderation, 'n')).toBeNull();
    expect(contains(Y.encodeStateAsUpdate(moderation), 'words of Ann')).toBe(false);
  });

  it('can run again after stopping between its two steps', () => {
    const { board, moderation } = boardWithNote();
    hideNote(board, moderation, 'n');
    // A crash after the words were back on the board, before the moderation entry went:
    putWordsBackOnNote(board, 'n', hiddenWordsOf(moderation, 'n'));
    expect(showNote(board, moderation, 'n')).toBe(true);
    expect(readNotes(board).find((n) => n.id === 'n')).toMatchObject({ text: 'second words of Ann' });
    expect(readHiddenWords(moderation).size).toBe(0);
  });

  it('keeps a note hidden when there are no words to put back', () => {
    const board = new Y.Doc();
    addNote(board, { id: 'n', text: 'words', color: 'blue', authorId: 'p' });
    takeWordsOffNote(board, 'n');
    expect(showNote(board, new Y.Doc(), 'n')).toBe(false);
    expect(readNotes(board)[0]).toMatchObject({ text: '', hidden: true });
    expect(showNote(board, new Y.Doc(), 'missing')).toBe(false);
  });
});

describe('forgetHiddenWords', () => {
  it('takes a deleted hidden note’s words out of the moderation state', () => {
    const { board, moderation } = boardWithNote();
    hideNote(board, moderation, 'n');
    expect(forgetHiddenWords(moderation, 'n')).toBe(true);
    expect(forgetHiddenWords(moderation, 'n')).toBe(false);
    expect(contains(Y.encodeStateAsUpdate(moderation), 'words of Ann')).toBe(false);
    expect(() => forgetHiddenWords(new Y.Doc({ gc: false }), 'n')).toThrow(/gc: true/);
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

describe('a note added hidden (BD17 screening)', () => {
  it('never puts its words on the board; showing it with the kept words brings them', () => {
    const board = new Y.Doc();
    const moderation = new Y.Doc();
    const peer = fork(board);
    connect(board, peer);
    const words = { text: 'Held for screening', color: 'pink' } as const;
    keepHiddenWords(moderation, 'held1', words);
    const note = addNote(board, { id: 'held1', ...words, ownerKey: 'k'.repeat(43), hidden: true });
    expect(note).toMatchObject({ id: 'held1', text: 'Held for screening', hidden: true });
    expect(readNotes(peer)).toEqual([
      expect.objectContaining({ id: 'held1', text: '', hidden: true, ownerKey: 'k'.repeat(43) }),
    ]);
    expect(contains(Y.encodeStateAsUpdate(peer), 'Held for screening')).toBe(false);
    expect(noteWordsOf(board, 'held1')).toEqual({});
    expect(showNote(board, moderation, 'held1')).toBe(true);
    expect(readNotes(peer)[0]).toMatchObject({ text: 'Held for screening', color: 'pink' });
    expect(readNotes(peer)[0]?.hidden).toBeUndefined();
    expect(hiddenWordsOf(moderation, 'held1')).toBeNull();
  });
});
