import {
  addColumn,
  addNote,
  createCluster,
  editNoteText,
  moveClusterToColumn,
  moveNote,
  moveNoteToCluster,
  moveNoteToColumn,
  removeCluster,
  renameCluster,
} from '@kring/board';
import type { BoardArrange } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type WritePolicy, checkUpdate } from './guard';

// BD16: who may group and move other people's notes, as the write guard enforces it on
// participants' connections (hand-made updates, as in guard.test.ts).

const ADA = 'adaParticipant1';
const BEN = 'benParticipant2'; // the one who tries
const HOST = 'hostFacilitator';
const ben = (arrange?: BoardArrange): WritePolicy => ({
  kind: 'participant',
  participantId: BEN,
  ...(arrange ? { arrange } : {}),
});
const facilitator: WritePolicy = { kind: 'facilitator', participantId: HOST };

/** Two columns, Ada's and Ben's notes in the first, and a group in the second. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  addColumn(doc, { id: 'col1', title: 'Now' });
  addColumn(doc, { id: 'col2', title: 'Next' });
  addNote(doc, { id: 'adas1', text: 'Ada’s', color: 'green', authorId: ADA, columnId: 'col1', createdAt: 1 });
  addNote(doc, { id: 'bens1', text: 'Ben’s', color: 'blue', authorId: BEN, columnId: 'col1', createdAt: 2 });
  addNote(doc, {
    id: 'bens2',
    text: 'Ben’s too',
    color: 'blue',
    authorId: BEN,
    columnId: 'col1',
    createdAt: 3,
  });
  createCluster(doc, { id: 'group1', title: 'A group', columnId: 'col2', createdAt: 4 });
  return doc;
}

/** What a client with a synced copy of `server` sends when it does `act`. */
function change(server: Y.Doc, act: (client: Y.Doc) => unknown): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  act(client);
  return Y.mergeUpdates(updates);
}

const verdict = (policy: WritePolicy, act: (client: Y.Doc) => unknown, server = board()) =>
  checkUpdate(server, change(server, act), policy);

/** Moves of Ada's note, one by one. */
const MOVES_OF_ADAS: Record<string, (c: Y.Doc) => unknown> = {
  'to another column': (c) => moveNoteToColumn(c, 'adas1', 'col2'),
  'into a group': (c) => moveNoteToCluster(c, 'adas1', 'group1'),
  'reordered (order)': (c) => moveNote(c, 'adas1', { columnId: 'col1' }),
  'column cleared': (c) => c.getMap<Y.Map<unknown>>('notes').get('adas1')!.delete('columnId'),
};
/** Working on groups. */
const GROUP_WORK: Record<string, (c: Y.Doc) => unknown> = {
  'creating a group': (c) => createCluster(c, { id: 'group2', title: 'Mine' }),
  'renaming a group': (c) => renameCluster(c, 'group1', 'Renamed'),
  'moving a group': (c) => moveClusterToColumn(c, 'group1', 'col1'),
  'dissolving a group': (c) => removeCluster(c, 'group1'),
};

describe('BD16: who may arrange notes on a participant’s connection', () => {
  it('everyone (the default): any note moves, groups are open', () => {
    for (const policy of [ben(), ben('everyone')]) {
      for (const act of [...Object.values(MOVES_OF_ADAS), ...Object.values(GROUP_WORK)]) {
        expect(verdict(policy, act)).toBeNull();
      }
    }
  });

  it('own: their own notes move (columns, existing groups, order); others’ notes and groups do not', () => {
    const own = ben('own');
    for (const [what, act] of Object.entries(MOVES_OF_ADAS)) {
      expect({ what, refusal: verdict(own, act) }).toEqual({ what, refusal: expect.any(String) });
    }
    for (const [what, act] of Object.entries(GROUP_WORK)) {
      expect({ what, refusal: verdict(own, act) }).toEqual({ what, refusal: expect.any(String) });
    }
    expect(verdict(own, (c) => moveNoteToColumn(c, 'bens1', 'col2'))).toBeNull();
    expect(verdict(own, (c) => moveNoteToCluster(c, 'bens1', 'group1'))).toBeNull();
    expect(verdict(own, (c) => moveNote(c, 'bens2', { columnId: 'col1' }, 'adas1'))).toBeNull();
    expect(verdict(own, (c) => moveNote(c, 'bens1', { clusterId: 'group1' }))).toBeNull();
    // Their own words still change as ever.
    expect(verdict(own, (c) => editNoteText(c, 'bens1', 'Edited'))).toBeNull();
  });

  it('own: a reorder that would give a neighbour an order is refused whole; onlyThisNote is not', () => {
    const server = new Y.Doc();
    addColumn(server, { id: 'col1', title: 'Now' });
    // Written at the same moment: they tie, so a move between them needs an order on one of them.
    for (const [id, author] of [
      ['adas1', ADA],
      ['adas2', ADA],
      ['bens1', BEN],
    ] as const) {
      addNote(server, { id, text: id, color: 'blue', authorId: author, columnId: 'col1', createdAt: 5 });
    }
    expect(
      checkUpdate(
        server,
        change(server, (c) => moveNote(c, 'bens1', { columnId: 'col1' }, 'adas2')),
        ben('own'),
      ),
    ).toEqual(expect.any(String));
    expect(
      checkUpdate(
        server,
        change(server, (c) => moveNote(c, 'bens1', { columnId: 'col1' }, 'adas2', { onlyThisNote: true })),
        ben('own'),
      ),
    ).toBeNull();
  });

  it('facilitators: no existing note moves, not even their own; no group work', () => {
    const fac = ben('facilitators');
    for (const act of [...Object.values(MOVES_OF_ADAS), ...Object.values(GROUP_WORK)]) {
      expect(verdict(fac, act)).toEqual(expect.any(String));
    }
    expect(verdict(fac, (c) => moveNoteToColumn(c, 'bens1', 'col2'))).toEqual(expect.any(String));
    expect(verdict(fac, (c) => moveNote(c, 'bens1', { columnId: 'col1' }))).toEqual(expect.any(String));
    // Their words are still theirs.
    expect(verdict(fac, (c) => editNoteText(c, 'bens1', 'Edited'))).toBeNull();
  });

  it('own and facilitators: a new note of their own still carries its column, group and order', () => {
    for (const arrange of ['own', 'facilitators'] as const) {
      expect(
        verdict(ben(arrange), (c) =>
          addNote(c, {
            id: 'bens9',
            text: 'New',
            color: 'pink',
            authorId: BEN,
            columnId: 'col2',
            clusterId: 'group1',
            order: 2.5,
          }),
        ),
      ).toBeNull();
      // Not in someone else's name, as ever (BD12).
      expect(
        verdict(ben(arrange), (c) => addNote(c, { id: 'fake1', text: 'New', color: 'pink', authorId: ADA })),
      ).toEqual(expect.any(String));
    }
  });

  it('facilitators’ connections are not held to the rule', () => {
    for (const act of [...Object.values(MOVES_OF_ADAS), ...Object.values(GROUP_WORK)]) {
      expect(verdict(facilitator, act)).toBeNull();
    }
  });

  it('BD12: `order` takes finite numbers only, on every connection', () => {
    const setOrder = (value: unknown) => (c: Y.Doc) =>
      c.getMap<Y.Map<unknown>>('notes').get('bens1')!.set('order', value);
    for (const policy of [ben(), ben('own'), facilitator]) {
      expect(verdict(policy, setOrder(3.25))).toBeNull();
      expect(verdict(policy, setOrder(-7))).toBeNull();
      for (const bad of ['3', null, true, { n: 1 }]) {
        expect(verdict(policy, setOrder(bad))).toEqual(expect.any(String));
      }
    }
    // NaN and Infinity cannot be written through a Y.Map (JSON); a hand-made item would be refused
    // by the same finite check as `createdAt`.
  });
});
