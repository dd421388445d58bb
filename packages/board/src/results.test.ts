import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addNote,
  applyTemplate,
  applyVoteCounts,
  createCluster,
  readBoard,
  voteResults,
  hasResults,
  type BoardColumn,
  type BoardData,
  type BoardNote,
} from './index';

// The ranking of a dot vote's results (issue 15). SPEC VO8: results sort by votes, ties in board order.

function note(id: string, votes: number, extra: Partial<BoardNote> = {}): BoardNote {
  return {
    id,
    text: `text of ${id}`,
    color: 'yellow',
    createdAt: 0,
    hidden: false,
    reactions: {},
    votes,
    ...extra,
  };
}

function column(id: string, notes: BoardNote[], clusters: BoardColumn['clusters'] = []): BoardColumn {
  return { id, title: `Column ${id}`, implicit: false, clusters, notes };
}

function board(...columns: BoardColumn[]): BoardData {
  return {
    meta: { title: 'Board', templateId: null, anonymous: false, locale: 'en' },
    columns,
  };
}

describe('voteResults', () => {
  it('VO8: ranks most votes first; equal counts share a rank (1, 2, 2, 4) and keep board order', () => {
    const results = voteResults(
      board(column('a', [note('n1', 1), note('n2', 3), note('n3', 3), note('n4', 5)])),
    );
    expect(results.overall.map((n) => [n.id, n.votes, n.rank])).toEqual([
      ['n4', 5, 1],
      ['n2', 3, 2],
      ['n3', 3, 2],
      ['n1', 1, 4],
    ]);
  });

  it('leaves out notes without votes and hidden notes, also from the counts', () => {
    const results = voteResults(
      board(column('a', [note('zero', 0), note('hidden', 9, { hidden: true }), note('one', 1)])),
    );
    expect(results.overall.map((n) => n.id)).toEqual(['one']);
    expect(results.voted).toBe(1);
    expect(results.votes).toBe(1);
    expect(results.columns[0]?.voted).toBe(1);
  });

  it('ranks per column on its own, every column listed in board order, empty ones too', () => {
    const results = voteResults(
      board(column('a', [note('a1', 1), note('a2', 2)]), column('b', []), column('c', [note('c1', 4)])),
    );
    expect(results.columns.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(results.columns[0]?.notes.map((n) => [n.id, n.rank])).toEqual([
      ['a2', 1],
      ['a1', 2],
    ]);
    expect(results.columns[1]).toMatchObject({ notes: [], groups: [], voted: 0, votes: 0 });
    expect(results.columns[2]?.notes[0]).toMatchObject({ id: 'c1', rank: 1, columnTitle: 'Column c' });
    expect(results.overall.map((n) => [n.id, n.rank, n.columnId])).toEqual([
      ['c1', 1, 'c'],
      ['a2', 2, 'a'],
      ['a1', 3, 'a'],
    ]);
  });

  it('stops each list at its limit (even inside a tie) and says how many had votes', () => {
    const notes = [note('n1', 2), note('n2', 2), note('n3', 2), note('n4', 2), note('n5', 1)];
    const results = voteResults(board(column('a', notes)), { top: 2, perColumn: 3 });
    expect(results.overall.map((n) => [n.id, n.rank])).toEqual([
      ['n1', 1],
      ['n2', 1],
    ]);
    expect(results.columns[0]?.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(results.columns[0]?.voted).toBe(5);
    expect(voteResults(board(column('a', notes))).overall).toHaveLength(5);
    expect(voteResults(board(column('a', notes))).columns[0]?.notes).toHaveLength(3);
  });

  it('counts a group as its notes, each named with its group, and totals the group', () => {
    const results = voteResults(
      board(
        column(
          'a',
          [note('loose', 3)],
          [
            { id: 'g1', title: 'Theme one', notes: [note('g1a', 2), note('g1b', 2), note('g1c', 0)] },
            { id: 'g2', title: 'Theme two', notes: [note('g2a', 0)] },
            { id: 'g3', title: 'Theme three', notes: [note('g3a', 1), note('g3h', 8, { hidden: true })] },
          ],
        ),
      ),
    );
    const a = results.columns[0];
    expect(a?.notes.map((n) => [n.id, n.rank, n.cluster?.title])).toEqual([
      ['loose', 1, undefined],
      ['g1a', 2, 'Theme one'],
      ['g1b', 2, 'Theme one'],
    ]);
    expect(a?.groups).toEqual([
      { id: 'g1', title: 'Theme one', votes: 4, rank: 1 },
      { id: 'g3', title: 'Theme three', votes: 1, rank: 2 },
    ]);
    expect(a?.votes).toBe(8);
  });

  it('ties keep the screen’s reading order: a column’s groups first, then its other notes', () => {
    const results = voteResults(
      board(column('a', [note('loose', 2)], [{ id: 'g', title: 'G', notes: [note('grouped', 2)] }])),
    );
    expect(results.overall.map((n) => n.id)).toEqual(['grouped', 'loose']);
  });

  it('has no results when nobody voted', () => {
    expect(hasResults(voteResults(board(column('a', [note('n', 0)]))))).toBe(false);
    expect(hasResults(voteResults(board(column('a', [note('n', 1)]))))).toBe(true);
  });

  it('reads a real board document with the server’s totals', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'ips-four-tasks', { title: 'IPS' });
    addNote(doc, { id: 'x', text: 'Heard', color: 'green', columnId: 'connection', createdAt: 1 });
    addNote(doc, { id: 'y', text: 'Widened', color: 'blue', columnId: 'worldview', createdAt: 2 });
    addNote(doc, { id: 'z', text: 'Both ways', color: 'pink', columnId: 'connection', createdAt: 3 });
    createCluster(doc, {
      id: 'g',
      title: 'Being heard',
      columnId: 'connection',
      noteIds: ['z'],
      createdAt: 4,
    });
    applyVoteCounts(doc, { x: 1 }); // what a peer wrote; the server's tally below wins
    const results = voteResults(readBoard(doc, { counts: { votes: { x: 3, y: 1, z: 1 } } }));
    expect(results.overall.map((n) => [n.text, n.votes, n.rank, n.columnTitle])).toEqual([
      ['Heard', 3, 1, 'Connection'],
      ['Both ways', 1, 2, 'Connection'],
      ['Widened', 1, 2, 'Worldview'],
    ]);
    expect(results.columns.map((c) => [c.title, c.voted])).toEqual([
      ['Connection', 2],
      ['Worldview', 1],
      ['Mutuality', 0],
      ['Moving towards', 0],
    ]);
  });
});
