import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_LIMITS,
  BoardInputError,
  IMPLICIT_COLUMN_ID,
  addColumn,
  addNote,
  createCluster,
  moveColumn,
  readBoard,
  removeColumn,
  renameColumn,
  setColumnPrompt,
} from './index';
import { exchange, fork } from './testing/sync';

const titles = (doc: Y.Doc) => readBoard(doc).columns.map((c) => c.title);

describe('columns', () => {
  it('adds columns at the end, renames them and sets prompts', () => {
    const doc = new Y.Doc();
    const a = addColumn(doc, { id: 'a', title: '  Went   well ' });
    addColumn(doc, { id: 'b', title: 'To change', prompt: 'What would you do differently?' });
    expect(a).toBe('a');
    expect(titles(doc)).toEqual(['Went well', 'To change']);
    expect(renameColumn(doc, 'a', 'Went really well')).toBe(true);
    expect(setColumnPrompt(doc, 'a', 'Name one thing.')).toBe(true);
    expect(setColumnPrompt(doc, 'b', '  ')).toBe(true);
    const [first, second] = readBoard(doc).columns;
    expect(first).toMatchObject({ title: 'Went really well', prompt: 'Name one thing.', implicit: false });
    expect(second?.prompt).toBeUndefined();
    expect(renameColumn(doc, 'zz', 'x')).toBe(false);
  });

  it('refuses empty and too long titles, the reserved id, and too many columns', () => {
    const doc = new Y.Doc();
    expect(() => addColumn(doc, { title: ' ' })).toThrow(BoardInputError);
    expect(() => addColumn(doc, { title: 'x'.repeat(BOARD_LIMITS.titleMax + 1) })).toThrow(/at most/);
    expect(() => addColumn(doc, { id: IMPLICIT_COLUMN_ID, title: 'x' })).toThrow(/reserved/);
    for (let i = 0; i < BOARD_LIMITS.columnsMax; i++) addColumn(doc, { title: `c${i}` });
    expect(() => addColumn(doc, { title: 'one more' })).toThrow(
      expect.objectContaining({ reason: 'too_many_columns' }),
    );
  });

  it('moves a column and renumbers the rest', () => {
    const doc = new Y.Doc();
    for (const id of ['a', 'b', 'c', 'd']) addColumn(doc, { id, title: id });
    expect(moveColumn(doc, 'd', 0)).toBe(true);
    expect(titles(doc)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveColumn(doc, 'd', 99)).toBe(true);
    expect(titles(doc)).toEqual(['a', 'b', 'c', 'd']);
    moveColumn(doc, 'a', 2);
    expect(titles(doc)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveColumn(doc, 'nope', 0)).toBe(false);
  });

  it('keeps the notes and groups of a removed column, in the implicit column', () => {
    const doc = new Y.Doc();
    addColumn(doc, { id: 'keep', title: 'Keep' });
    addColumn(doc, { id: 'drop', title: 'Drop' });
    addNote(doc, { id: 'n1', text: 'loose', color: 'yellow', authorId: 'p', columnId: 'drop', createdAt: 1 });
    addNote(doc, {
      id: 'n2',
      text: 'grouped',
      color: 'yellow',
      authorId: 'p',
      columnId: 'drop',
      createdAt: 2,
    });
    createCluster(doc, { id: 'g', title: 'Group', columnId: 'drop', noteIds: ['n2'], createdAt: 3 });
    expect(removeColumn(doc, 'drop')).toBe(true);
    const board = readBoard(doc);
    expect(board.columns.map((c) => c.id)).toEqual(['keep', IMPLICIT_COLUMN_ID]);
    const implicit = board.columns[1];
    expect(implicit?.notes.map((n) => n.id)).toEqual(['n1']);
    expect(implicit?.clusters.map((c) => [c.id, c.notes.map((n) => n.id)])).toEqual([['g', ['n2']]]);
    expect(removeColumn(doc, 'drop')).toBe(false);
  });

  it('converges when two peers reorder at the same time', () => {
    const a = new Y.Doc();
    for (const id of ['x', 'y', 'z']) addColumn(a, { id, title: id });
    const b = fork(a);
    moveColumn(a, 'z', 0);
    moveColumn(b, 'x', 2);
    exchange(a, b);
    expect(titles(a)).toEqual(titles(b));
    expect(new Set(titles(a))).toEqual(new Set(['x', 'y', 'z']));
  });
});
