import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  IMPLICIT_COLUMN_ID,
  addColumn,
  addNote,
  createCluster,
  moveNote,
  moveNoteToCluster,
  moveNoteToColumn,
  readBoard,
  readNotes,
  type BoardData,
} from '../index';
import { exchange, fork } from '../testing/sync';

// Note order (issue 15: drag to reorder): `moveNote` places a note between neighbours by its
// `order`, and `readBoard` sorts by it; notes nobody placed keep their order by time.

/** Each list as ids: `column` (loose notes) and `column/group`. */
function lists(board: BoardData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of board.columns) {
    out[c.id] = c.notes.map((n) => n.id);
    for (const g of c.clusters) out[`${c.id}/${g.id}`] = g.notes.map((n) => n.id);
  }
  return out;
}

const orderOf = (doc: Y.Doc, id: string) => readNotes(doc).find((n) => n.id === id)?.order;

/** Two columns, four notes in `left` written one after another, and an empty group in `right`. */
function board(createdAt: (i: number) => number = (i) => i + 1): Y.Doc {
  const doc = new Y.Doc();
  addColumn(doc, { id: 'left', title: 'Left' });
  addColumn(doc, { id: 'right', title: 'Right' });
  for (const [i, id] of ['n1', 'n2', 'n3', 'n4'].entries()) {
    addNote(doc, { id, text: id, color: 'yellow', columnId: 'left', createdAt: createdAt(i) });
  }
  createCluster(doc, { id: 'g1', title: 'Group', columnId: 'right', createdAt: 10 });
  return doc;
}

/** Counts the note keys each call writes. */
function writesOf(doc: Y.Doc, act: () => void): string[] {
  const written: string[] = [];
  const notes = doc.getMap('notes');
  const observer = (events: Y.YEvent<Y.Map<unknown>>[]) => {
    for (const e of events) {
      if (e.target === notes) continue;
      const id = e.path[0] as string;
      for (const key of e.changes.keys.keys()) written.push(`${id}.${key}`);
    }
  };
  notes.observeDeep(observer as never);
  act();
  notes.unobserveDeep(observer as never);
  return written.sort();
}

describe('note order (moveNote)', () => {
  it('reorders within a column by writing only the moved note’s order', () => {
    const doc = board();
    expect(lists(readBoard(doc)).left).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(writesOf(doc, () => expect(moveNote(doc, 'n4', { columnId: 'left' }, 'n2')).toBe(true))).toEqual([
      'n4.order',
    ]);
    expect(lists(readBoard(doc)).left).toEqual(['n1', 'n4', 'n2', 'n3']);
    expect(writesOf(doc, () => moveNote(doc, 'n3', { columnId: 'left' }, 'n1'))).toEqual(['n3.order']);
    expect(lists(readBoard(doc)).left).toEqual(['n3', 'n1', 'n4', 'n2']);
    moveNote(doc, 'n3', { columnId: 'left' }); // to the end
    expect(lists(readBoard(doc)).left).toEqual(['n1', 'n4', 'n2', 'n3']);
    // Where it already is: nothing is written.
    expect(writesOf(doc, () => moveNote(doc, 'n4', { columnId: 'left' }, 'n2'))).toEqual([]);
    expect(writesOf(doc, () => moveNote(doc, 'n4', { columnId: 'left' }, 'n4'))).toEqual([]);
  });

  it('a note written later still lands at the end of a reordered column', () => {
    const doc = board();
    moveNote(doc, 'n1', { columnId: 'left' });
    moveNote(doc, 'n4', { columnId: 'left' }, 'n2');
    addNote(doc, { id: 'n5', text: 'n5', color: 'yellow', columnId: 'left', createdAt: 100 });
    expect(lists(readBoard(doc)).left).toEqual(['n4', 'n2', 'n3', 'n1', 'n5']);
  });

  it('moves between columns and into and out of groups, before a given note', () => {
    const doc = board();
    expect(moveNote(doc, 'n2', { clusterId: 'g1' })).toBe(true);
    expect(moveNote(doc, 'n3', { clusterId: 'g1' }, 'n2')).toBe(true);
    expect(moveNote(doc, 'n1', { columnId: 'right' })).toBe(true);
    expect(lists(readBoard(doc))).toEqual({ left: ['n4'], right: ['n1'], 'right/g1': ['n3', 'n2'] });
    expect(readNotes(doc).find((n) => n.id === 'n3')).toMatchObject({ clusterId: 'g1', columnId: 'right' });
    // Out of the group, before a loose note of its column.
    expect(moveNote(doc, 'n2', { columnId: 'right' }, 'n1')).toBe(true);
    expect(lists(readBoard(doc))).toEqual({ left: ['n4'], right: ['n2', 'n1'], 'right/g1': ['n3'] });
    expect(readNotes(doc).find((n) => n.id === 'n2')?.clusterId).toBeUndefined();
    // The implicit column, by null or by its id in the read model.
    expect(moveNote(doc, 'n4', { columnId: null })).toBe(true);
    expect(moveNote(doc, 'n1', { columnId: IMPLICIT_COLUMN_ID }, 'n4')).toBe(true);
    expect(lists(readBoard(doc))[IMPLICIT_COLUMN_ID]).toEqual(['n1', 'n4']);
  });

  it('refuses, changing nothing, what does not exist or a neighbour that is elsewhere', () => {
    const doc = board();
    const before = Y.encodeStateAsUpdate(doc);
    expect(moveNote(doc, 'nope', { columnId: 'left' })).toBe(false);
    expect(moveNote(doc, 'n1', { columnId: 'nowhere' })).toBe(false);
    expect(moveNote(doc, 'n1', { clusterId: 'nogroup' })).toBe(false);
    expect(moveNote(doc, 'n1', { columnId: 'right' }, 'n2')).toBe(false);
    expect(moveNote(doc, 'n1', { columnId: 'left' }, 'nope')).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('neighbours written at the same moment get orders only on the shorter side', () => {
    // As an anonymous reveal writes them: one time for all.
    const doc = board(() => 5);
    const start = lists(readBoard(doc)).left!;
    expect(start).toEqual(['n1', 'n2', 'n3', 'n4']); // by id
    // Into the gap after the first: the first and the moved note are written, not the other two.
    expect(writesOf(doc, () => moveNote(doc, 'n4', { columnId: 'left' }, 'n2'))).toEqual([
      'n1.order',
      'n4.order',
    ]);
    expect(lists(readBoard(doc)).left).toEqual(['n1', 'n4', 'n2', 'n3']);
    expect(orderOf(doc, 'n2')).toBeUndefined();
    // Between the last two (still tied): the moved note and one of them.
    expect(writesOf(doc, () => moveNote(doc, 'n1', { columnId: 'left' }, 'n3'))).toEqual([
      'n1.order',
      'n2.order',
    ]);
    expect(lists(readBoard(doc)).left).toEqual(['n4', 'n2', 'n1', 'n3']);
  });

  it('onlyThisNote (BD16 own) writes the moved note alone, next to a tie it cannot split', () => {
    const doc = board(() => 5);
    expect(
      writesOf(doc, () => moveNote(doc, 'n4', { columnId: 'left' }, 'n2', { onlyThisNote: true })),
    ).toEqual(['n4.order']);
    // n1 and n2 tie: the nearer end of the tie is before both.
    expect(lists(readBoard(doc)).left).toEqual(['n4', 'n1', 'n2', 'n3']);
    expect(
      writesOf(doc, () => moveNote(doc, 'n4', { columnId: 'left' }, 'n3', { onlyThisNote: true })),
    ).toEqual(['n4.order']);
    expect(lists(readBoard(doc)).left).toEqual(['n1', 'n2', 'n3', 'n4']);
    // With room between the neighbours it lands exactly where asked.
    const timed = board();
    moveNote(timed, 'n1', { columnId: 'left' }, 'n4', { onlyThisNote: true });
    expect(lists(readBoard(timed)).left).toEqual(['n2', 'n3', 'n1', 'n4']);
  });

  it('keeps every list in the order asked, over many moves into the same gap', () => {
    const doc = board(() => 7);
    let model = ['n1', 'n2', 'n3', 'n4'];
    // Halving one gap again and again runs out of numbers; the list is then numbered afresh.
    for (let i = 0; i < 120; i++) {
      const moved = model[i % 2 === 0 ? 0 : model.length - 1]!;
      const rest = model.filter((id) => id !== moved);
      const before = rest[2]!;
      expect(moveNote(doc, moved, { columnId: 'left' }, before)).toBe(true);
      rest.splice(2, 0, moved);
      model = rest;
      expect(lists(readBoard(doc)).left).toEqual(model);
    }
  });

  it('matches a plain list model over random moves', () => {
    const doc = board((i) => (i < 2 ? 3 : i));
    for (const [i, id] of ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].entries()) {
      addNote(doc, { id, text: id, color: 'blue', columnId: 'right', createdAt: 3 + (i % 3) });
    }
    createCluster(doc, { id: 'g2', title: 'Other', columnId: 'left', createdAt: 11 });
    const places = [
      { key: 'left', to: { columnId: 'left' } },
      { key: 'right', to: { columnId: 'right' } },
      { key: 'right/g1', to: { clusterId: 'g1' } },
      { key: 'left/g2', to: { clusterId: 'g2' } },
    ] as const;
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const model = lists(readBoard(doc));
    const ids = Object.values(model).flat();
    for (let step = 0; step < 400; step++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      const place = places[Math.floor(random() * places.length)]!;
      for (const key of Object.keys(model)) model[key] = model[key]!.filter((n) => n !== id);
      const there = model[place.key]!;
      const at = Math.floor(random() * (there.length + 1));
      expect(moveNote(doc, id, place.to, there[at] ?? null)).toBe(true);
      there.splice(at, 0, id);
      expect(lists(readBoard(doc))).toEqual(model);
    }
  });

  it('two people moving the same note at once settle on one board on both screens', () => {
    for (const [first, second] of [
      [
        (d: Y.Doc) => moveNote(d, 'n2', { columnId: 'left' }, 'n4'),
        (d: Y.Doc) => moveNote(d, 'n2', { clusterId: 'g1' }),
      ],
      [
        (d: Y.Doc) => moveNote(d, 'n1', { columnId: 'right' }),
        (d: Y.Doc) => moveNote(d, 'n1', { columnId: 'left' }, 'n4'),
      ],
      [
        // Different notes into the same gap, and a tie spread on both sides.
        (d: Y.Doc) => moveNote(d, 'n4', { columnId: 'left' }, 'n2'),
        (d: Y.Doc) => moveNote(d, 'n3', { columnId: 'left' }, 'n2'),
      ],
    ] as const) {
      for (const times of [(i: number) => i + 1, () => 5]) {
        const a = board(times);
        const b = fork(a);
        b.clientID = a.clientID + 1;
        first(a);
        second(b);
        exchange(a, b);
        expect(lists(readBoard(a))).toEqual(lists(readBoard(b)));
        expect(
          Object.values(lists(readBoard(a)))
            .flat()
            .sort(),
        ).toEqual(['n1', 'n2', 'n3', 'n4']);
      }
    }
  });

  it('moveNoteToColumn and moveNoteToCluster place a note by when it was written in its new list', () => {
    const doc = board();
    moveNote(doc, 'n1', { columnId: 'left' }); // n1 gets an order (at the end of left)
    moveNote(doc, 'n2', { columnId: 'right' });
    expect(moveNoteToColumn(doc, 'n1', 'right')).toBe(true);
    expect(orderOf(doc, 'n1')).toBeUndefined();
    expect(lists(readBoard(doc)).right).toEqual(['n1', 'n2']);
    moveNote(doc, 'n3', { columnId: 'left' }, 'n4');
    const order = orderOf(doc, 'n3');
    expect(moveNoteToColumn(doc, 'n3', 'left')).toBe(true); // same list: keeps its place
    expect(orderOf(doc, 'n3')).toBe(order);
    expect(moveNoteToCluster(doc, 'n1', 'g1')).toBe(true);
    expect(moveNoteToCluster(doc, 'n1', null)).toBe(true);
    expect(lists(readBoard(doc))).toMatchObject({ right: ['n1', 'n2'], 'right/g1': [] });
  });

  it('a new note may carry its order; a non-finite one is refused', () => {
    const doc = board();
    addNote(doc, { id: 'n0', text: 'first', color: 'pink', columnId: 'left', order: -1 });
    expect(lists(readBoard(doc)).left).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    expect(() => addNote(doc, { text: 'x', color: 'pink', order: Number.NaN })).toThrow(/finite/);
  });
});
