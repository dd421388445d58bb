import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BoardInputError,
  addColumn,
  addNote,
  createCluster,
  moveClusterToColumn,
  moveNoteToCluster,
  moveNoteToColumn,
  readBoard,
  removeCluster,
  renameCluster,
  type BoardData,
} from './index';
import { exchange, fork } from './testing/sync';

/** columns → clusters → notes as ids, the shape people see. */
function outline(board: BoardData) {
  return board.columns.map((c) => ({
    column: c.id,
    notes: c.notes.map((n) => n.id),
    clusters: c.clusters.map((g) => ({ id: g.id, title: g.title, notes: g.notes.map((n) => n.id) })),
  }));
}

function twoColumns(): Y.Doc {
  const doc = new Y.Doc();
  addColumn(doc, { id: 'left', title: 'Left' });
  addColumn(doc, { id: 'right', title: 'Right' });
  for (const [i, id] of ['n1', 'n2', 'n3', 'n4'].entries()) {
    addNote(doc, { id, text: id, color: 'yellow', authorId: 'p', columnId: 'left', createdAt: i + 1 });
  }
  return doc;
}

describe('clusters', () => {
  it('groups notes, names the group and moves notes between groups', () => {
    const doc = twoColumns();
    createCluster(doc, {
      id: 'g1',
      title: 'Safety',
      columnId: 'left',
      noteIds: ['n2', 'n1', 'unknown'],
      createdAt: 10,
    });
    createCluster(doc, { id: 'g2', title: 'Trust', columnId: 'left', createdAt: 11 });
    expect(renameCluster(doc, 'g2', '  Trust and  time ')).toBe(true);
    expect(moveNoteToCluster(doc, 'n2', 'g2')).toBe(true);
    expect(outline(readBoard(doc))).toEqual([
      {
        column: 'left',
        notes: ['n3', 'n4'],
        clusters: [
          { id: 'g1', title: 'Safety', notes: ['n1'] },
          { id: 'g2', title: 'Trust and time', notes: ['n2'] },
        ],
      },
      { column: 'right', notes: [], clusters: [] },
    ]);
    expect(moveNoteToCluster(doc, 'n1', null)).toBe(true);
    expect(readBoard(doc).columns[0]?.notes.map((n) => n.id)).toEqual(['n1', 'n3', 'n4']);
    expect(moveNoteToCluster(doc, 'n1', 'nope')).toBe(false);
    expect(moveNoteToCluster(doc, 'nope', 'g1')).toBe(false);
    expect(() => createCluster(doc, { title: '' })).toThrow(BoardInputError);
  });

  it('moving a note into a group in another column takes it to that column', () => {
    const doc = twoColumns();
    createCluster(doc, { id: 'g', title: 'Over there', columnId: 'right' });
    moveNoteToCluster(doc, 'n1', 'g');
    moveNoteToCluster(doc, 'n1', null);
    expect(outline(readBoard(doc))[1]).toEqual({
      column: 'right',
      notes: ['n1'],
      clusters: [{ id: 'g', title: 'Over there', notes: [] }],
    });
    expect(moveNoteToColumn(doc, 'n1', 'left')).toBe(true);
    expect(moveNoteToColumn(doc, 'n1', 'nowhere')).toBe(false);
    expect(readBoard(doc).columns[0]?.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('removing a group keeps its notes in the same column, ungrouped', () => {
    const doc = twoColumns();
    createCluster(doc, { id: 'g', title: 'G', columnId: 'left', noteIds: ['n3', 'n4'] });
    expect(removeCluster(doc, 'g')).toBe(true);
    expect(outline(readBoard(doc))[0]).toEqual({
      column: 'left',
      notes: ['n1', 'n2', 'n3', 'n4'],
      clusters: [],
    });
    expect(readBoard(doc).columns[0]?.notes.every((n) => n.text.length > 0)).toBe(true);
    expect(removeCluster(doc, 'g')).toBe(false);
  });

  it('moving a group moves its notes with it', () => {
    const doc = twoColumns();
    createCluster(doc, { id: 'g', title: 'G', columnId: 'left', noteIds: ['n1'] });
    expect(moveClusterToColumn(doc, 'g', 'right')).toBe(true);
    expect(outline(readBoard(doc))[1]?.clusters).toEqual([{ id: 'g', title: 'G', notes: ['n1'] }]);
    removeCluster(doc, 'g');
    expect(outline(readBoard(doc))[1]?.notes).toEqual(['n1']);
    expect(moveClusterToColumn(doc, 'nope', 'left')).toBe(false);
  });

  it('moving a note to a column takes it out of its group', () => {
    const doc = twoColumns();
    createCluster(doc, { id: 'g', title: 'G', columnId: 'left', noteIds: ['n1'] });
    moveNoteToColumn(doc, 'n1', null);
    const board = readBoard(doc);
    expect(board.columns.at(-1)).toMatchObject({ implicit: true, notes: [{ id: 'n1' }] });
  });
});

describe('two peers editing clusters at the same time', () => {
  it('converge when one renames and fills a group while the other regroups notes', () => {
    const a = twoColumns();
    createCluster(a, { id: 'g', title: 'First name', columnId: 'left', noteIds: ['n1'], createdAt: 5 });
    const b = fork(a);

    renameCluster(a, 'g', 'Name from A');
    moveNoteToCluster(a, 'n2', 'g');
    createCluster(b, { id: 'h', title: 'From B', columnId: 'left', noteIds: ['n3', 'n2'], createdAt: 6 });
    renameCluster(b, 'g', 'Name from B');

    exchange(a, b);
    expect(readBoard(a)).toEqual(readBoard(b));
    const [left] = outline(readBoard(a));
    expect(left?.clusters.map((c) => c.id)).toEqual(['g', 'h']);
    expect(['Name from A', 'Name from B']).toContain(left?.clusters[0]?.title);
    // n2 is in exactly one place, the same on both sides.
    const placesOfN2 = [...(left?.notes ?? []), ...(left?.clusters.flatMap((c) => c.notes) ?? [])].filter(
      (id) => id === 'n2',
    );
    expect(placesOfN2).toEqual(['n2']);
    expect(left?.clusters.find((c) => c.id === 'h')?.notes).toContain('n3');
  });

  it('converge when one removes a group while the other moves a note into it', () => {
    const a = twoColumns();
    createCluster(a, { id: 'g', title: 'Going', columnId: 'right', noteIds: ['n1'] });
    const b = fork(a);

    removeCluster(a, 'g');
    moveNoteToCluster(b, 'n2', 'g');

    exchange(a, b);
    expect(readBoard(a)).toEqual(readBoard(b));
    // The group is gone; both notes are ungrouped in the column the group was in. No words lost.
    expect(outline(readBoard(a))[1]).toEqual({ column: 'right', notes: ['n1', 'n2'], clusters: [] });
  });

  it('converge when one moves a group to another column while the other moves a note into it', () => {
    const a = twoColumns();
    createCluster(a, { id: 'g', title: 'G', columnId: 'left', noteIds: ['n1'] });
    const b = fork(a);

    moveClusterToColumn(a, 'g', 'right');
    moveNoteToCluster(b, 'n2', 'g'); // b still thinks g is on the left

    exchange(a, b);
    expect(readBoard(a)).toEqual(readBoard(b));
    expect(outline(readBoard(a))[1]?.clusters).toEqual([{ id: 'g', title: 'G', notes: ['n1', 'n2'] }]);
  });

  it('converge on one order when both create a group in the same column', () => {
    const a = twoColumns();
    const b = fork(a);
    createCluster(a, { id: 'fromA', title: 'A', columnId: 'left', createdAt: 100 });
    createCluster(b, { id: 'fromB', title: 'B', columnId: 'left', createdAt: 100 });
    exchange(a, b);
    expect(readBoard(a)).toEqual(readBoard(b));
    expect(outline(readBoard(a))[0]?.clusters.map((c) => c.id)).toEqual(['fromA', 'fromB']);
  });
});
