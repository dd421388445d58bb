import {
  addColumn,
  addNote,
  createCluster,
  deleteNote,
  editNoteText,
  moveNoteToCluster,
  moveNoteToColumn,
  removeCluster,
  renameCluster,
  setBoardMeta,
  setNoteColor,
} from '@kring/board';
import { LIMITS } from '@kring/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type WritePolicy, checkUpdate } from './guard';

// Hand-made updates against a server document: each attack is made on a client's copy of it, the
// way a peer would, and the guard must refuse it before it is applied.

const ADA = 'adaParticipant1'; // author of the victim notes
const BEN = 'benParticipant2'; // the one who tries
const ben: WritePolicy = { kind: 'participant', participantId: BEN };
const HOST = 'hostFacilitator';
const facilitator: WritePolicy = { kind: 'facilitator', participantId: HOST };
const anonymousBoard: WritePolicy = { kind: 'anonymousBoard' };
const bensDrafts: WritePolicy = { kind: 'drafts', ownerId: BEN };
const HUGE = 'x'.repeat(201 * 1024);

/** The server's document: a column, Ada's note, Ben's note, Ben's hidden note and a group. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  addColumn(doc, { id: 'col1', title: 'Now' });
  addNote(doc, { id: 'adas1', text: 'Ada’s words', color: 'green', authorId: ADA, createdAt: 1 });
  addNote(doc, { id: 'bens1', text: 'Ben’s words', color: 'blue', authorId: BEN, createdAt: 2 });
  addNote(doc, { id: 'benHidden', text: 'Hidden words', color: 'pink', authorId: BEN, createdAt: 3 });
  // As the server hides a note: `hidden`, and its words off the board (kept elsewhere).
  const hidden = note(doc, 'benHidden');
  doc.transact(() => {
    hidden.set('hidden', true);
    hidden.delete('text');
    hidden.delete('color');
  });
  createCluster(doc, { id: 'group1', title: 'A group' });
  return doc;
}

const notes = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('notes');
const note = (doc: Y.Doc, id: string) => notes(doc).get(id)!;

/** What a client with a synced copy of `server` sends when it does `act` (one or more transactions). */
function change(server: Y.Doc, act: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  act(client);
  return Y.mergeUpdates(updates);
}

/**
 * What a client sends when it does `act` on a document of its own that lacks the note it aims at:
 * a new value at that key then carries no origin and its delete set names nothing of the server's.
 * (A stock client with the note would list it in its delete set, which the guard always judged.)
 * The high client id makes Yjs put the new value after the server's, so it displaces it.
 */
function blind(act: (client: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  client.clientID = 0xffff_fff0;
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  act(client);
  return Y.mergeUpdates(updates);
}

/** The server's document as it would be after applying `update` unguarded (proves an attack works). */
function appliedTo(server: Y.Doc, update: Uint8Array): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(copy, update);
  return copy;
}

const refused = (server: Y.Doc, update: Uint8Array, policy: WritePolicy) =>
  expect(checkUpdate(server, update, policy)).toEqual(expect.any(String));

function accepted(server: Y.Doc, update: Uint8Array, policy: WritePolicy) {
  expect(checkUpdate(server, update, policy)).toBeNull();
  Y.applyUpdate(server, update);
}

const adasNoteIntact = (doc: Y.Doc) =>
  expect(note(doc, 'adas1').toJSON()).toEqual({
    text: 'Ada’s words',
    color: 'green',
    authorId: ADA,
    createdAt: 1,
  });

/**
 * One item encoded by hand (Yjs update format v1), for what no Y.Map call produces: a right
 * origin, several values in one map value, deleted content at a key.
 */
function rawItem(item: {
  id: Y.ID;
  origin?: Y.ID;
  rightOrigin?: Y.ID;
  parent?: Y.ID;
  key?: string;
  content: { any: unknown[] } | { deleted: number };
}): Uint8Array {
  const e = encoding.createEncoder();
  for (const n of [1, 1, item.id.client, item.id.clock]) encoding.writeVarUint(e, n); // 1 client, 1 struct
  const ref = 'any' in item.content ? 8 : 1;
  const info =
    ref | (item.origin ? 0x80 : 0) | (item.rightOrigin ? 0x40 : 0) | (item.key !== undefined ? 0x20 : 0);
  encoding.writeUint8(e, info);
  for (const id of [item.origin, item.rightOrigin]) {
    if (id) for (const n of [id.client, id.clock]) encoding.writeVarUint(e, n);
  }
  if (!item.origin && !item.rightOrigin) {
    encoding.writeVarUint(e, 0); // the parent is an item…
    for (const n of [item.parent!.client, item.parent!.clock]) encoding.writeVarUint(e, n); // …this one
    if (item.key !== undefined) encoding.writeVarString(e, item.key);
  }
  if ('any' in item.content) {
    encoding.writeVarUint(e, item.content.any.length);
    for (const v of item.content.any) encoding.writeAny(e, v as never);
  } else {
    encoding.writeVarUint(e, item.content.deleted);
  }
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

/** The id of the item holding a map's current value at `key` (or the map's own item). */
const itemOf = (map: Y.Map<unknown>, key?: string): Y.ID =>
  key === undefined ? map._item!.id : map._map.get(key)!.id;

/** Turns the first struct of a one-client update into deleted content (ContentDeleted) in place. */
function asDeletedContent(update: Uint8Array): Uint8Array {
  const out = update.slice();
  const d = decoding.createDecoder(out);
  for (let i = 0; i < 4; i++) decoding.readVarUint(d); // clients, structs, client, clock
  // A Y.Map's content (type ref 1) and ContentDeleted of length 1 encode as the same byte.
  out[d.pos] = (out[d.pos]! & 0b1110_0000) | 1;
  return out;
}

describe('BD12: a new value at a note’s key replaces the note (implicit deletion)', () => {
  it('refuses a new map at someone else’s note id, which would replace it and name the writer', () => {
    const server = board();
    const attack = blind((c) => {
      const fresh = new Y.Map<unknown>();
      notes(c).set('adas1', fresh);
      fresh.set('text', 'Not what Ada wrote');
      fresh.set('authorId', BEN);
    });
    expect(note(appliedTo(server, attack), 'adas1').get('authorId')).toBe(BEN); // what it would do
    refused(server, attack, ben);
    adasNoteIntact(server);
  });

  it('refuses a new map that the same update deletes again (the note would just vanish)', () => {
    const server = board();
    const attack = blind((c) =>
      c.transact(() => {
        notes(c).set('adas1', new Y.Map());
        notes(c).delete('adas1');
      }),
    );
    expect(notes(appliedTo(server, attack)).has('adas1')).toBe(false);
    refused(server, attack, ben);
  });

  it('refuses deleted content (ContentDeleted) at a note’s key, at its words and at `hidden`', () => {
    const server = board();
    const overNote = asDeletedContent(blind((c) => notes(c).set('adas1', new Y.Map())));
    expect(notes(appliedTo(server, overNote)).has('adas1')).toBe(false);
    refused(server, overNote, ben);

    const client = 0x7fff_0001;
    const overWords = rawItem({
      id: Y.createID(client, 0),
      origin: itemOf(note(server, 'adas1'), 'text'),
      content: { deleted: 1 },
    });
    expect(note(appliedTo(server, overWords), 'adas1').get('text')).toBeUndefined();
    refused(server, overWords, ben);

    const unhide = rawItem({
      id: Y.createID(client, 0),
      origin: itemOf(note(server, 'benHidden'), 'hidden'),
      content: { deleted: 1 },
    });
    expect(note(appliedTo(server, unhide), 'benHidden').get('hidden')).toBeUndefined();
    refused(server, unhide, ben);
    refused(server, unhide, facilitator); // shown again by command only (note.hide)
  });

  it('refuses a new map at one’s own note id too: it would drop the server’s fields', () => {
    const server = board();
    note(server, 'bens1').set('votes', 3);
    const attack = change(server, (c) =>
      addNote(c, { id: 'bens1', text: 'Again', color: 'blue', authorId: BEN }),
    );
    refused(server, attack, ben);
    refused(server, attack, facilitator);
  });

  it('refuses a new note at the id of a note that was deleted', () => {
    const server = board();
    deleteNote(server, 'adas1');
    const attack = change(server, (c) =>
      addNote(c, { id: 'adas1', text: 'Mine now', color: 'blue', authorId: BEN }),
    );
    refused(server, attack, ben);
  });

  it('refuses two clients’ structs merged into one update when one replaces a note', () => {
    const server = board();
    const honest = change(server, (c) =>
      addNote(c, { id: 'bens2', text: 'Fine', color: 'blue', authorId: BEN }),
    );
    const attack = blind((c) => notes(c).set('adas1', new Y.Map([['authorId', BEN]])));
    expect(note(appliedTo(server, Y.mergeUpdates([honest, attack])), 'adas1').get('authorId')).toBe(BEN);
    accepted(board(), honest, ben);
    refused(server, Y.mergeUpdates([honest, attack]), ben);
  });

  it('refuses a deletion shielded by re-sending the deleted note’s own (already stored) struct', () => {
    const server = new Y.Doc();
    const created: Uint8Array[] = [];
    server.on('update', (u: Uint8Array) => created.push(u));
    server.transact(() => notes(server).set('adas1', new Y.Map()));
    server.transact(() => note(server, 'adas1').set('authorId', ADA));
    const del = change(server, (c) => notes(c).delete('adas1'));
    const attack = Y.mergeUpdates([created[0]!, del]);
    expect(notes(appliedTo(server, attack)).has('adas1')).toBe(false);
    refused(server, attack, ben);
  });

  it('refuses a struct that overlaps the stored end of a client: Yjs would put its tail after that end', () => {
    const server = board();
    editNoteText(server, 'adas1', 'Ada’s words, again'); // the server client's last item: Ada's text
    const state = Y.getState(server.store, server.clientID);
    // Starts at the stored last clock, so only its second half is new; it names Ben's own note.
    const overlap = rawItem({
      id: Y.createID(server.clientID, state - 1),
      origin: itemOf(note(server, 'bens1'), 'text'),
      content: { deleted: 2 },
    });
    expect(note(appliedTo(server, overlap), 'adas1').get('text')).toBeUndefined();
    refused(server, overlap, ben);
  });

  it('refuses writes placed only through a right origin, and several values in one map value', () => {
    const server = board();
    const client = 0x7fff_0002;
    refused(
      server,
      rawItem({
        id: Y.createID(client, 0),
        rightOrigin: itemOf(note(server, 'bens1'), 'text'),
        content: { any: ['x'] },
      }),
      ben,
    );
    const twoValues = rawItem({
      id: Y.createID(client, 0),
      parent: itemOf(note(server, 'bens1')),
      key: 'text',
      content: { any: ['one', 'two'] },
    });
    refused(server, twoValues, ben);
  });

  it('judges pending structs again, with the update that lets them in, against the document then', () => {
    const server = board();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const sent: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => sent.push(u));
    moveNoteToColumn(client, 'bens1', 'col1'); // dropped on the way (say the board was locked)
    editNoteText(client, 'bens1', 'Later words'); // builds on the dropped change: waits as pending
    const [moved, edited] = sent as [Uint8Array, Uint8Array];
    accepted(server, edited, ben);
    expect(server.store.pendingStructs).not.toBeNull();
    // Meanwhile the note is hidden; the resent move would now let the edit in, onto a hidden note.
    server.transact(() => {
      note(server, 'bens1').set('hidden', true);
      note(server, 'bens1').delete('text');
    });
    expect(note(appliedTo(server, moved), 'bens1').get('text')).toBe('Later words');
    refused(server, moved, ben);
  });
});

describe('BD12: hidden notes (moderation holds, also against their author)', () => {
  it('refuses the author re-writing a hidden note as a fresh map, or deleting it directly', () => {
    const server = board();
    const rewrite = change(server, (c) =>
      addNote(c, { id: 'benHidden', text: 'Back again', color: 'pink', authorId: BEN }),
    );
    expect(note(appliedTo(server, rewrite), 'benHidden').get('hidden')).toBeUndefined();
    refused(server, rewrite, ben);
    refused(
      server,
      change(server, (c) => deleteNote(c, 'benHidden')),
      ben,
    );
  });

  it('refuses the author writing or deleting a hidden note’s words; moving it is fine', () => {
    const server = board();
    refused(
      server,
      change(server, (c) => note(c, 'benHidden').set('text', 'Words back')),
      ben,
    );
    refused(
      server,
      change(server, (c) => note(c, 'benHidden').set('color', 'yellow')),
      ben,
    );
    accepted(
      server,
      change(server, (c) => moveNoteToColumn(c, 'benHidden', 'col1')),
      ben,
    );
    expect(note(server, 'benHidden').get('columnId')).toBe('col1');
  });
});

describe('BD12: values are checked on every path, for everyone', () => {
  it(`refuses note text over ${LIMITS.noteTextMax} characters: a new note, an edit, a facilitator, drafts`, () => {
    const server = board();
    refused(
      server,
      change(server, (c) => note(c, 'bens1').set('text', HUGE)),
      ben,
    );
    const huge = change(server, (c) => {
      const fresh = new Y.Map<unknown>();
      notes(c).set('big1', fresh);
      fresh.set('text', HUGE);
      fresh.set('authorId', BEN);
    });
    refused(server, huge, ben);
    refused(server, huge, facilitator);
    refused(
      new Y.Doc(),
      change(new Y.Doc(), (c) => notes(c).set('d1', new Y.Map([['text', HUGE]]))),
      bensDrafts,
    );
    refused(
      server,
      change(server, (c) => note(c, 'bens1').set('text', '   ')),
      ben,
    );
  });

  it('refuses subdocuments, binary data, nested maps and unknown fields as note values', () => {
    const server = board();
    for (const act of [
      (c: Y.Doc) => note(c, 'bens1').set('text', new Y.Doc()),
      (c: Y.Doc) => note(c, 'bens1').set('text', new Uint8Array([1, 2, 3])),
      (c: Y.Doc) => note(c, 'bens1').set('text', new Y.Map()),
      (c: Y.Doc) => note(c, 'bens1').set('colour', 'blue'),
      (c: Y.Doc) => note(c, 'bens1').set('color', 'ultraviolet'),
      (c: Y.Doc) => note(c, 'bens1').set('columnId', 'not a valid id!'),
      (c: Y.Doc) => c.getMap('meta').set('title', new Y.Doc()),
    ]) {
      refused(server, change(server, act), ben);
      refused(server, change(server, act), facilitator);
    }
  });

  it('refuses a group title over the limit; groups themselves stay open to participants', () => {
    const server = board();
    refused(
      server,
      change(server, (c) => c.getMap<Y.Map<unknown>>('clusters').get('group1')!.set('title', HUGE)),
      ben,
    );
    accepted(
      server,
      change(server, (c) => renameCluster(c, 'group1', 'Renamed group')),
      ben,
    );
  });
});

describe('BD12: what stays allowed', () => {
  it('a participant adds, edits, recolours and deletes their own note, moves any note, works on groups', () => {
    const server = board();
    accepted(
      server,
      change(server, (c) => addNote(c, { id: 'bens2', text: 'New', color: 'pink', authorId: BEN })),
      ben,
    );
    accepted(
      server,
      change(server, (c) => editNoteText(c, 'bens2', 'Edited')),
      ben,
    );
    accepted(
      server,
      change(server, (c) => setNoteColor(c, 'bens2', 'green')),
      ben,
    );
    accepted(
      server,
      change(server, (c) => {
        // Offline edits, sent at once: the earlier values go as merged deleted content.
        for (const text of ['one', 'two', 'three']) editNoteText(c, 'bens2', text);
      }),
      ben,
    );
    expect(note(server, 'bens2').get('text')).toBe('three');
    accepted(
      server,
      change(server, (c) => moveNoteToColumn(c, 'adas1', 'col1')),
      ben,
    );
    accepted(
      server,
      change(server, (c) => moveNoteToCluster(c, 'adas1', 'group1')),
      ben,
    );
    const made = change(server, (c) => createCluster(c, { id: 'group2', title: 'Mine', noteIds: ['adas1'] }));
    accepted(server, made, ben);
    accepted(
      server,
      change(server, (c) => removeCluster(c, 'group2')),
      ben,
    );
    accepted(
      server,
      change(server, (c) => deleteNote(c, 'bens2')),
      ben,
    );
    expect(notes(server).has('bens2')).toBe(false);
    // Only placement: Ada's words, author and time are as she wrote them.
    expect(note(server, 'adas1').toJSON()).toMatchObject({
      text: 'Ada’s words',
      authorId: ADA,
      createdAt: 1,
    });
  });

  it('still refuses what BD12 always refused: others’ words, their notes, server fields, columns', () => {
    const server = board();
    refused(
      server,
      change(server, (c) => note(c, 'adas1').set('text', 'Ben was here')),
      ben,
    );
    refused(
      server,
      change(server, (c) => deleteNote(c, 'adas1')),
      ben,
    );
    refused(
      server,
      change(server, (c) => note(c, 'adas1').set('votes', 9)),
      ben,
    );
    refused(
      server,
      change(server, (c) => addColumn(c, { title: 'Mine' })),
      ben,
    );
    refused(
      server,
      change(server, (c) => addNote(c, { text: 'Forged', color: 'pink', authorId: ADA })),
      ben,
    );
    refused(
      server,
      change(server, (c) => addNote(c, { text: 'Nameless', color: 'pink' })),
      ben,
    );
  });

  it('a facilitator adds columns, edits the meta, adds and moves notes, works on groups', () => {
    const server = board();
    accepted(
      server,
      change(server, (c) => addColumn(c, { id: 'col2', title: 'Next', prompt: 'What now?' })),
      facilitator,
    );
    accepted(
      server,
      change(server, (c) => c.getMap('columns').set('col3', new Y.Map())),
      facilitator,
    );
    accepted(
      server,
      change(server, (c) => setBoardMeta(c, { title: 'Renamed', templateId: 'blank', locale: 'nl' })),
      facilitator,
    );
    accepted(
      server,
      change(server, (c) => addNote(c, { id: 'host1', text: 'By the host', color: 'blue', authorId: HOST })),
      facilitator,
    );
    accepted(
      server,
      change(server, (c) => moveNoteToColumn(c, 'adas1', 'col2')),
      facilitator,
    );
    accepted(
      server,
      change(server, (c) => createCluster(c, { id: 'group3', title: 'Host group' })),
      facilitator,
    );
    expect(server.getMap('meta').get('title')).toBe('Renamed');
    refused(
      server,
      change(server, (c) => note(c, 'adas1').set('hidden', true)),
      facilitator,
    );
  });

  it('BD10/BD12: a facilitator does not own people’s words: no editing, deleting or writing in someone else’s name', () => {
    const server = board();
    refused(
      server,
      change(server, (c) => note(c, 'adas1').set('text', 'Words Ada never wrote')),
      facilitator,
    );
    refused(
      server,
      change(server, (c) => note(c, 'adas1').set('color', 'pink')),
      facilitator,
    );
    refused(
      server,
      change(server, (c) => c.getMap('notes').delete('adas1')),
      facilitator,
    );
    refused(
      server,
      change(server, (c) => addNote(c, { id: 'fake1', text: 'In Ada’s name', color: 'blue', authorId: ADA })),
      facilitator,
    );
    expect(note(server, 'adas1').get('text')).toBe('Ada’s words');
  });

  it('an anonymous board takes no notes and no authors from a facilitator’s connection (BD9)', () => {
    const server = board();
    refused(
      server,
      change(server, (c) => addNote(c, { text: 'Direct', color: 'pink' })),
      anonymousBoard,
    );
    refused(
      server,
      change(server, (c) => note(c, 'adas1').set('authorId', 'someone1')),
      anonymousBoard,
    );
    accepted(
      server,
      change(server, (c) => moveNoteToColumn(c, 'adas1', 'col1')),
      anonymousBoard,
    );
    // Every note there is the server's: its words change and leave by command only.
    refused(
      server,
      change(server, (c) => note(c, 'adas1').set('text', 'Changed')),
      anonymousBoard,
    );
    refused(
      server,
      change(server, (c) => c.getMap('notes').delete('adas1')),
      anonymousBoard,
    );
  });

  it('drafts take only their owner’s notes, with valid values', () => {
    const drafts = new Y.Doc();
    accepted(
      drafts,
      change(drafts, (c) => addNote(c, { id: 'd1', text: 'Draft', color: 'pink', createdAt: 1 })),
      bensDrafts,
    );
    accepted(
      drafts,
      change(drafts, (c) => addNote(c, { id: 'd2', text: 'Named', color: 'blue', authorId: BEN })),
      bensDrafts,
    );
    accepted(
      drafts,
      change(drafts, (c) => editNoteText(c, 'd1', 'Draft, edited')),
      bensDrafts,
    );
    accepted(
      drafts,
      change(drafts, (c) => deleteNote(c, 'd2')),
      bensDrafts,
    );
    refused(
      drafts,
      change(drafts, (c) => addNote(c, { text: 'Theirs', color: 'blue', authorId: ADA })),
      bensDrafts,
    );
    refused(
      drafts,
      change(drafts, (c) => addColumn(c, { title: 'Column' })),
      bensDrafts,
    );
    refused(
      drafts,
      change(drafts, (c) => note(c, 'd1').set('hidden', true)),
      bensDrafts,
    );
  });
});
