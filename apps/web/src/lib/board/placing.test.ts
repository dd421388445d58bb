import { addColumn, addNote, createCluster, readBoard } from '@kring/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  beforeAt,
  edgeSpeed,
  gapIndex,
  keyOf,
  listOfNote,
  passedThreshold,
  positionAfterMove,
  stepBefore,
  targetOf,
} from './placing';

describe('gapIndex: which gap the pointer is over', () => {
  const middles = [100, 200, 300];
  it('above the first middle is before the first note', () => expect(gapIndex(middles, 40)).toBe(0));
  it('between two middles is before the second', () => expect(gapIndex(middles, 150)).toBe(1));
  it('past the last middle is the end', () => expect(gapIndex(middles, 900)).toBe(3));
  it('an empty list has one gap', () => expect(gapIndex([], 10)).toBe(0));
});

describe('beforeAt: the note a drop sits before', () => {
  it('names the shown note at the gap', () => expect(beforeAt(['a', 'b'], 1, null)).toBe('b'));
  it('past the last shown note of a whole list: the end', () =>
    expect(beforeAt(['a', 'b'], 2, null)).toBeNull());
  it('past the last shown note of a paged list: before the first one not shown', () =>
    expect(beforeAt(['a', 'b'], 2, 'c')).toBe('c'));
});

describe('positionAfterMove: what the announcement says', () => {
  it('within the same list, the note itself left out', () => {
    expect(positionAfterMove(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual({ position: 2, total: 4 });
    expect(positionAfterMove(['a', 'b', 'c'], 'a', null)).toEqual({ position: 3, total: 3 });
  });
  it('into another list it adds one', () => {
    expect(positionAfterMove(['a', 'b'], 'x', 'a')).toEqual({ position: 1, total: 3 });
    expect(positionAfterMove([], 'x', null)).toEqual({ position: 1, total: 1 });
  });
  it('an unknown "before" means the end', () =>
    expect(positionAfterMove(['a'], 'x', 'gone')).toEqual({ position: 2, total: 2 }));
});

describe('stepBefore: move up / move down as a "before"', () => {
  const ids = ['a', 'b', 'c'];
  it('up: before the previous note', () => expect(stepBefore(ids, 'b', -1)).toEqual({ before: 'a' }));
  it('down: before the note after the next (or the end)', () => {
    expect(stepBefore(ids, 'a', 1)).toEqual({ before: 'c' });
    expect(stepBefore(ids, 'b', 1)).toEqual({ before: null });
  });
  it('not past either end, nor for a note not in the list', () => {
    expect(stepBefore(ids, 'a', -1)).toBeNull();
    expect(stepBefore(ids, 'c', 1)).toBeNull();
    expect(stepBefore(ids, 'x', 1)).toBeNull();
  });
});

describe('a drag becomes a drag only after a few pixels', () => {
  it('a tap or a wobble is not a drag', () => expect(passedThreshold(3, 4)).toBe(false));
  it('a real movement is', () => expect(passedThreshold(6, 0)).toBe(true));
});

describe('edgeSpeed: autoscroll near an edge', () => {
  it('still in the middle', () => expect(edgeSpeed(500, 0, 1000)).toBe(0));
  it('backwards near the start, forwards near the end, fastest at the edge', () => {
    expect(edgeSpeed(0, 0, 1000)).toBe(-18);
    expect(edgeSpeed(1000, 0, 1000)).toBe(18);
    expect(edgeSpeed(990, 0, 1000)).toBeGreaterThan(0);
    expect(edgeSpeed(990, 0, 1000)).toBeLessThan(18);
  });
});

describe('lists on a board', () => {
  const doc = new Y.Doc();
  const feelings = addColumn(doc, { title: 'Feelings' });
  const a = addNote(doc, { text: 'a', color: 'yellow', authorId: 'p1', columnId: feelings });
  const b = addNote(doc, { text: 'b', color: 'yellow', authorId: 'p1', columnId: feelings });
  const group = createCluster(doc, { title: 'Listening', columnId: feelings, noteIds: [b.id] });
  const data = readBoard(doc);

  it('finds a column and a group by their drop keys', () => {
    expect(targetOf(data, `column:${feelings}`)).toMatchObject({
      target: { columnId: feelings },
      kind: 'column',
      title: 'Feelings',
      ids: [a.id],
    });
    expect(targetOf(data, `group:${group}`)).toMatchObject({
      target: { clusterId: group },
      kind: 'group',
      ids: [b.id],
    });
    expect(targetOf(data, 'group:nope')).toBeNull();
    expect(targetOf(data, 'nonsense')).toBeNull();
  });

  it('finds the list a note is in, grouped or loose', () => {
    expect(listOfNote(data, a.id)?.key).toBe(`column:${feelings}`);
    expect(listOfNote(data, b.id)?.key).toBe(`group:${group}`);
    expect(listOfNote(data, 'gone')).toBeNull();
  });

  it('a target and its key go both ways', () => {
    expect(keyOf({ clusterId: group })).toBe(`group:${group}`);
    expect(keyOf({ columnId: feelings })).toBe(`column:${feelings}`);
    expect(targetOf(data, keyOf({ columnId: feelings }))?.title).toBe('Feelings');
  });
});
