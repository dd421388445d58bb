import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  IMPLICIT_COLUMN_ID,
  addColumn,
  addNote,
  applyReactionCounts,
  applyTemplate,
  applyVoteCounts,
  createCluster,
  observeBoard,
  readBoard,
  setBoardMeta,
  hideNote,
  readHiddenWords,
  takeWordsOffNote,
  withoutHiddenNotes,
  type BoardData,
} from './index';
import { connect } from './testing/sync';

const ids = (board: BoardData) =>
  board.columns.map((c) => [
    c.id,
    c.notes.map((n) => n.id),
    c.clusters.map((g) => [g.id, g.notes.map((n) => n.id)]),
  ]);

describe('readBoard', () => {
  it('orders columns by order then id, clusters by order, createdAt, id, and notes by createdAt then id', () => {
    const doc = new Y.Doc();
    addColumn(doc, { id: 'b', title: 'B' });
    addColumn(doc, { id: 'a', title: 'A' });
    (doc.getMap('columns').get('a') as Y.Map<unknown>).set('order', 0); // same order as b: id decides
    for (const [id, createdAt] of [
      ['n3', 3],
      ['n2', 2],
      ['n1', 2],
      ['n0', 9],
    ] as const) {
      addNote(doc, { id, text: id, color: 'green', authorId: 'p', columnId: 'b', createdAt });
    }
    createCluster(doc, { id: 'z', title: 'Z', columnId: 'a', createdAt: 1 });
    createCluster(doc, { id: 'y', title: 'Y', columnId: 'a', createdAt: 2 });
    (doc.getMap('clusters').get('y') as Y.Map<unknown>).set('order', 0);
    expect(ids(readBoard(doc))).toEqual([
      [
        'a',
        [],
        [
          ['z', []],
          ['y', []],
        ],
      ],
      ['b', ['n1', 'n2', 'n3', 'n0'], []],
    ]);
  });

  it('shows the implicit column on a blank board, and otherwise only when something is in it', () => {
    const blank = new Y.Doc();
    expect(readBoard(blank).columns).toEqual([
      { id: IMPLICIT_COLUMN_ID, title: 'Notes', implicit: true, clusters: [], notes: [] },
    ]);
    const doc = new Y.Doc();
    applyTemplate(doc, 'check-in', { locale: 'nl' });
    expect(readBoard(doc).columns.map((c) => c.id)).toEqual(['arrive']);
    addNote(doc, { id: 'lost', text: 'x', color: 'blue', authorId: 'p', columnId: 'deleted-column' });
    const columns = readBoard(doc).columns;
    expect(columns.map((c) => [c.id, c.title])).toEqual([
      ['arrive', 'Hoe ik binnenkom'],
      [IMPLICIT_COLUMN_ID, 'Notities'],
    ]);
    expect(readBoard(doc, { locale: 'fr' }).columns[1]?.title).toBe('Notes');
  });

  it('puts a note in its cluster when the cluster exists, else in its column', () => {
    const doc = new Y.Doc();
    addColumn(doc, { id: 'c1', title: 'One' });
    addColumn(doc, { id: 'c2', title: 'Two' });
    createCluster(doc, { id: 'g', title: 'G', columnId: 'c2' });
    const notes = doc.getMap('notes');
    addNote(doc, {
      id: 'both',
      text: 'x',
      color: 'blue',
      authorId: 'p',
      columnId: 'c1',
      clusterId: 'g',
      createdAt: 1,
    });
    addNote(doc, {
      id: 'dangling',
      text: 'x',
      color: 'blue',
      authorId: 'p',
      columnId: 'c1',
      clusterId: 'gone',
      createdAt: 2,
    });
    expect(notes.size).toBe(2);
    expect(ids(readBoard(doc))).toEqual([
      ['c1', ['dangling'], []],
      ['c2', [], [['g', ['both']]]],
    ]);
  });

  it('reads a full note: colour, author, hidden flag, reactions and votes', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'n', text: 'hello', color: 'pink', authorId: 'ann', createdAt: 7 });
    applyReactionCounts(doc, 'n', { thanks: 2 });
    applyVoteCounts(doc, { n: 3 });
    const moderation = new Y.Doc();
    hideNote(doc, moderation, 'n');
    const full = {
      id: 'n',
      text: 'hello',
      color: 'pink',
      authorId: 'ann',
      createdAt: 7,
      hidden: true,
      reactions: { thanks: 2 },
      votes: 3,
    };
    // BD14: a facilitator's reader brings the words from the moderation document…
    expect(readBoard(doc, { hiddenWords: readHiddenWords(moderation) }).columns[0]?.notes).toEqual([full]);
    // … without it the hidden note is still there (counts, votes, place), without its words.
    expect(readBoard(doc).columns[0]?.notes).toEqual([{ ...full, text: '', color: 'yellow' }]);
  });

  it('strips authors when reading anonymously: by option, or by the board’s own meta', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'n', text: 'x', color: 'pink', authorId: 'ann' });
    expect(readBoard(doc, { anonymous: true }).columns[0]?.notes[0]).not.toHaveProperty('authorId');
    expect(readBoard(doc, { anonymous: true }).meta.anonymous).toBe(true);
    setBoardMeta(doc, { anonymous: true });
    expect(readBoard(doc).columns[0]?.notes[0]).not.toHaveProperty('authorId');
    expect(readBoard(doc, { anonymous: false }).columns[0]?.notes[0]?.authorId).toBe('ann');
  });

  it('takes the server’s counts over the document’s when given', () => {
    const doc = new Y.Doc();
    addNote(doc, { id: 'n', text: 'x', color: 'pink', authorId: 'ann' });
    const map = doc.getMap('notes').get('n') as Y.Map<unknown>;
    map.set('votes', 50); // written by a peer, not by the server
    const note = readBoard(doc, { counts: { votes: { n: 2 }, reactions: { n: { idea: 1, heart: 0 } } } })
      .columns[0]?.notes[0];
    expect(note).toMatchObject({ votes: 2, reactions: { idea: 1 } });
  });

  it('skips malformed entries a hostile peer could write', () => {
    const doc = new Y.Doc();
    doc.getMap('columns').set('junk', 'not a map');
    const untitled = new Y.Map<unknown>();
    doc.getMap('columns').set('untitled', untitled);
    doc.getMap('columns').set(IMPLICIT_COLUMN_ID, new Y.Map<unknown>());
    doc.getMap('clusters').set('junk', 42);
    doc.getMap('notes').set('junk', 'x');
    const odd = new Y.Map<unknown>();
    doc.getMap('notes').set('odd', odd);
    odd.set('text', 'odd');
    odd.set('color', 'chartreuse');
    odd.set('votes', -4);
    odd.set('hidden', 'yes');
    const reactions = new Y.Map<unknown>();
    odd.set('reactions', reactions);
    reactions.set('heart', 'many');
    reactions.set('bomb', 3);
    reactions.set('idea', 2.9);
    expect(readBoard(doc).columns).toEqual([
      {
        id: IMPLICIT_COLUMN_ID,
        title: 'Notes',
        implicit: true,
        clusters: [],
        notes: [
          {
            id: 'odd',
            text: 'odd',
            color: 'yellow',
            createdAt: 0,
            hidden: false,
            reactions: { idea: 2 },
            votes: 0,
          },
        ],
      },
    ]);
  });
});

describe('readBoard with order: votes', () => {
  it('puts the most voted notes first in each column and group; ties keep the board order', () => {
    const doc = new Y.Doc();
    addColumn(doc, { id: 'c', title: 'C' });
    for (const [id, createdAt] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ] as const) {
      addNote(doc, { id, text: id, color: 'green', authorId: 'p', columnId: 'c', createdAt });
    }
    addNote(doc, { id: 'g1', text: 'g1', color: 'green', authorId: 'p', createdAt: 5 });
    addNote(doc, { id: 'g2', text: 'g2', color: 'green', authorId: 'p', createdAt: 6 });
    createCluster(doc, { id: 'g', title: 'G', columnId: 'c', noteIds: ['g1', 'g2'] });
    applyVoteCounts(doc, { c: 3, b: 1, d: 1, g2: 2 });
    expect(ids(readBoard(doc, { order: 'votes' }))).toEqual([
      ['c', ['c', 'b', 'd', 'a'], [['g', ['g2', 'g1']]]],
    ]);
    expect(ids(readBoard(doc))).toEqual([['c', ['a', 'b', 'c', 'd'], [['g', ['g1', 'g2']]]]]);
    // The server's own tally wins over the document's counts.
    expect(ids(readBoard(doc, { order: 'votes', counts: { votes: { a: 9 } } }))[0]?.[1]).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });
});

describe('withoutHiddenNotes', () => {
  it('drops hidden notes everywhere and keeps the structure', () => {
    const doc = new Y.Doc();
    addColumn(doc, { id: 'c', title: 'C' });
    addNote(doc, { id: 'shown', text: 'x', color: 'blue', authorId: 'p', columnId: 'c', createdAt: 1 });
    addNote(doc, { id: 'hidden', text: 'x', color: 'blue', authorId: 'p', columnId: 'c', createdAt: 2 });
    addNote(doc, { id: 'hiddenInGroup', text: 'x', color: 'blue', authorId: 'p', createdAt: 3 });
    createCluster(doc, { id: 'g', title: 'G', columnId: 'c', noteIds: ['hiddenInGroup'] });
    takeWordsOffNote(doc, 'hidden');
    takeWordsOffNote(doc, 'hiddenInGroup');
    const board = readBoard(doc);
    expect(ids(withoutHiddenNotes(board))).toEqual([['c', ['shown'], [['g', []]]]]);
    expect(ids(board)).toEqual([['c', ['shown', 'hidden'], [['g', ['hiddenInGroup']]]]]);
  });
});

describe('observeBoard', () => {
  it('reports the board once per transaction, for local and remote changes, until stopped', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    connect(a, b);
    const seen: number[] = [];
    const stop = observeBoard(b, (board) => seen.push(board.columns.length));
    applyTemplate(a, 'summit-planning');
    addColumn(b, { title: 'Parking lot' });
    stop();
    addColumn(b, { title: 'After' });
    expect(seen).toEqual([4, 5]);
  });
});
