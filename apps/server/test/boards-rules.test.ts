import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, readBoard } from '@kring/board';
import { viewFor } from '@kring/core';
import type { CommandAck } from '@kring/protocol';
import { tempDataDir } from './harness';
import {
  addBoard,
  barrier,
  command,
  contains,
  noteTexts,
  notesOf,
  scene,
  snapshot,
  synced,
} from './boards-harness';

const note = (doc: Y.Doc, id: string) => notesOf(doc).get(id);

describe('what a participant’s board connection may change (BD5, BD12)', () => {
  it('a locked or archived board stays as it is, whatever the participant’s connection or commands send', async () => {
    const { url, host, hostToken, people } = await scene(['Ada']);
    const [ada] = people as [(typeof people)[0]];
    const board = await addBoard(host, { title: 'Ideas', templateId: 'blank' });
    const hostBoard = await synced(url, board, hostToken);
    for (const change of [
      { type: 'board.setLock', boardId: board, locked: true },
      { type: 'board.archive', boardId: board, archived: true },
    ] as const) {
      expect(await command(host, change)).toMatchObject({ ok: true });
      const adaBoard = await synced(url, board, ada.token);
      addNote(adaBoard.doc, { text: `written while ${change.type}`, color: 'pink', authorId: ada.id });
      await barrier(adaBoard, hostBoard);
      for (const cmd of [
        { type: 'note.add', boardId: board, text: 'by command', color: 'pink' },
        { type: 'note.react', boardId: board, noteId: 'whatever', reaction: 'heart', on: true },
      ]) {
        expect(await command(ada.socket, cmd)).toMatchObject({ ok: false, error: { code: 'board_locked' } });
      }
      addNote(hostBoard.doc, {
        id: `host-${change.type.replace('.', '-')}`,
        text: 'facilitators may',
        color: 'blue',
      });
      const fresh = await synced(url, board, hostToken);
      expect(noteTexts(fresh.doc).filter((t) => t.startsWith('written'))).toEqual([]);
      expect(
        await command(host, { ...change, ...('locked' in change ? { locked: false } : { archived: false }) }),
      ).toMatchObject({
        ok: true,
      });
    }
    expect(noteTexts(hostBoard.doc)).toEqual(['facilitators may', 'facilitators may']);
  });

  it('server-owned fields and other people’s words do not stick; own notes and moving do', async () => {
    const { url, hostToken, people, firstBoard: board } = await scene(['Ada', 'Ben']);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const hostBoard = await synced(url, board, hostToken);
    const benBoard = await synced(url, board, ben.token);
    addNote(benBoard.doc, { id: 'bens1', text: 'Ben’s words', color: 'green', authorId: ben.id });
    await barrier(benBoard, hostBoard);
    hostBoard.doc.getMap('columns').set('col1', new Y.Map());

    const attempts: [string, (doc: Y.Doc) => void][] = [
      ['votes on a note', (doc) => note(doc, 'bens1')!.set('votes', 99)],
      ['hiding a note', (doc) => note(doc, 'bens1')!.set('hidden', true)],
      ['reaction counts', (doc) => note(doc, 'bens1')!.set('reactions', new Y.Map())],
      ['someone else’s words', (doc) => note(doc, 'bens1')!.set('text', 'Ada was here')],
      ['someone else’s author', (doc) => note(doc, 'bens1')!.set('authorId', ada.id)],
      ['deleting someone else’s note', (doc) => notesOf(doc).delete('bens1')],
      ['the board’s meta', (doc) => doc.getMap('meta').set('title', 'Renamed by Ada')],
      ['a column', (doc) => doc.getMap('columns').set('col2', new Y.Map())],
      [
        'a note in Ben’s name',
        (doc) => addNote(doc, { id: 'forged1', text: 'forged', color: 'pink', authorId: ben.id }),
      ],
      [
        'a new note that brings its own votes (one update: refused whole)',
        (doc) =>
          doc.transact(() => {
            addNote(doc, { id: 'votes1', text: 'mine', color: 'pink', authorId: ada.id });
            note(doc, 'votes1')!.set('votes', 5);
          }),
      ],
    ];
    for (const [label, attempt] of attempts) {
      // A fresh connection each time: a refused change blocks that client's later writes.
      const adaBoard = await synced(url, board, ada.token);
      attempt(adaBoard.doc);
      await barrier(adaBoard, hostBoard);
      const rest = {
        meta: hostBoard.doc.getMap('meta').toJSON(),
        columns: hostBoard.doc.getMap('columns').size,
      };
      expect({ label, rest }).toEqual({ label, rest: { meta: {}, columns: 1 } });
      expect({ label, notes: noteTexts(hostBoard.doc) }).toEqual({ label, notes: ['Ben’s words'] });
      expect({ label, bens: note(hostBoard.doc, 'bens1')!.toJSON() }).toEqual({
        label,
        bens: { text: 'Ben’s words', color: 'green', authorId: ben.id, createdAt: expect.any(Number) },
      });
      adaBoard.p.destroy();
    }

    // What is allowed: her own note, then editing it, and moving anyone's note.
    const adaBoard = await synced(url, board, ada.token);
    addNote(adaBoard.doc, { id: 'adas1', text: 'Ada’s words', color: 'pink', authorId: ada.id });
    note(adaBoard.doc, 'adas1')!.set('text', 'Ada’s words, edited');
    note(adaBoard.doc, 'bens1')!.set('columnId', 'col1');
    await barrier(adaBoard, hostBoard);
    expect(noteTexts(hostBoard.doc)).toEqual(['Ada’s words, edited', 'Ben’s words']);
    expect(note(hostBoard.doc, 'bens1')!.get('columnId')).toBe('col1');
    notesOf(adaBoard.doc).delete('adas1');
    await barrier(adaBoard, hostBoard);
    expect(noteTexts(hostBoard.doc)).toEqual(['Ben’s words']);
  });
});

describe('dot votes over real sockets (VO)', () => {
  it('twenty concurrent votes from one person never exceed the budget; totals across people are exact', async () => {
    const names = ['Ada', 'Ben', 'Cai', 'Dee', 'Eve'];
    const { url, host, hostId, hostToken, people, firstBoard: board } = await scene(names);
    const hostBoard = await synced(url, board, hostToken);
    for (const id of ['noteA1', 'noteB1'])
      addNote(hostBoard.doc, { id, text: id, color: 'yellow', authorId: hostId });
    const watcher = await synced(url, board, people[1]!.token);
    await expect.poll(() => noteTexts(watcher.doc)).toEqual(['noteA1', 'noteB1']);
    expect(
      await command(host, { type: 'vote.open', boardId: board, budget: 5, capPerNote: 5, hidden: false }),
    ).toMatchObject({ ok: true });

    const [ada] = people as [(typeof people)[0]];
    const cast = (socket: (typeof people)[0]['socket'], noteId: string) =>
      command(socket, { type: 'vote.cast', boardId: board, noteId, delta: 1 });
    const burst = await Promise.all(Array.from({ length: 20 }, () => cast(ada.socket, 'noteA1')));
    expect(burst.filter((a) => a.ok)).toHaveLength(5);
    expect(burst.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'conflict')).toBe(true);

    // Everyone else at once, spread over two notes, twice their budget each.
    const others = people.slice(1);
    const acks: { who: string; noteId: string; ack: CommandAck }[] = await Promise.all(
      others.flatMap((p) =>
        Array.from({ length: 10 }, async (_, i) => {
          const noteId = i % 2 ? 'noteA1' : 'noteB1';
          return { who: p.id, noteId, ack: await cast(p.socket, noteId) };
        }),
      ),
    );
    for (const p of others) expect(acks.filter((a) => a.who === p.id && a.ack.ok)).toHaveLength(5);
    const accepted = (noteId: string) => acks.filter((a) => a.noteId === noteId && a.ack.ok).length;
    const state = await snapshot(host);
    const totals = state.boards.find((b) => b.id === board)!.vote!.totals;
    expect(totals).toEqual({ noteA1: 5 + accepted('noteA1'), noteB1: accepted('noteB1') });
    // The document carries the same totals, written by the server.
    await expect
      .poll(() => readBoard(watcher.doc).columns.flatMap((c) => c.notes.map((n) => [n.id, n.votes])))
      .toEqual([
        ['noteA1', totals.noteA1],
        ['noteB1', totals.noteB1],
      ]);
    // Ballots are private: Ben's copy has only his own.
    const benState = await snapshot(people[1]!.socket);
    expect(Object.keys(benState.boards.find((b) => b.id === board)!.vote!.ballots)).toEqual([people[1]!.id]);
    expect(viewFor(benState, people[1]!.id).boards[0]!.vote).toMatchObject({ left: 0, totals });
  });

  it('a hidden vote keeps its totals out of the document and participants’ copies until it closes', async () => {
    const { url, host, hostToken, hostId, people, firstBoard: board } = await scene(['Ada', 'Ben']);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const hostBoard = await synced(url, board, hostToken);
    addNote(hostBoard.doc, { id: 'noteA1', text: 'A', color: 'yellow', authorId: hostId });
    const benBoard = await synced(url, board, ben.token);
    await expect.poll(() => noteTexts(benBoard.doc)).toEqual(['A']);
    await command(host, { type: 'vote.open', boardId: board, budget: 3, capPerNote: 3, hidden: true });
    for (const p of [ada, ben]) {
      expect(
        await command(p.socket, { type: 'vote.cast', boardId: board, noteId: 'noteA1', delta: 1 }),
      ).toMatchObject({ ok: true });
    }
    expect(viewFor(await snapshot(host), hostId).boards[0]!.vote!.totals).toEqual({ noteA1: 2 });
    expect(viewFor(await snapshot(ben.socket), ben.id).boards[0]!.vote).toMatchObject({
      totals: null,
      mine: { noteA1: 1 },
    });
    await barrier(hostBoard, benBoard);
    expect(note(benBoard.doc, 'noteA1')!.get('votes')).toBeUndefined();
    await command(host, { type: 'vote.close', boardId: board });
    await expect.poll(() => note(benBoard.doc, 'noteA1')!.get('votes')).toBe(2);
    expect(viewFor(await snapshot(ben.socket), ben.id).boards[0]!.vote!.totals).toEqual({ noteA1: 2 });
  });
});

describe('reactions and moderation (BD11, BD13)', () => {
  it('counts reactions in the document without saying who; hides and removes notes; removed words leave the store', async () => {
    const dataDir = tempDataDir();
    const { server, url, host, hostToken, people, firstBoard: board } = await scene(['Ada', 'Ben'], dataDir);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const hostBoard = await synced(url, board, hostToken);
    const adaBoard = await synced(url, board, ada.token);
    addNote(adaBoard.doc, {
      id: 'regret1',
      text: 'Regretted words of Ada 5521',
      color: 'pink',
      authorId: ada.id,
    });
    addNote(adaBoard.doc, { id: 'kept1', text: 'Words that stay', color: 'blue', authorId: ada.id });
    await barrier(adaBoard, hostBoard);

    for (const p of [ada, ben]) {
      const ack = await command(p.socket, {
        type: 'note.react',
        boardId: board,
        noteId: 'kept1',
        reaction: 'heart',
        on: true,
      });
      expect(ack).toMatchObject({ ok: true });
    }
    await command(ben.socket, {
      type: 'note.react',
      boardId: board,
      noteId: 'kept1',
      reaction: 'idea',
      on: true,
    });
    await expect
      .poll(() => readBoard(hostBoard.doc).columns[0]!.notes.find((n) => n.id === 'kept1')!.reactions)
      .toEqual({
        heart: 2,
        idea: 1,
      });
    expect(JSON.stringify(Y.encodeStateAsUpdate(hostBoard.doc))).not.toContain(ben.id);
    const adaState = await snapshot(ada.socket);
    expect(JSON.stringify(adaState.boards)).not.toContain(ben.id);
    expect(viewFor(adaState, ada.id).boards[0]!.myReactions).toEqual({ kept1: ['heart'] });
    expect(
      await command(ada.socket, {
        type: 'note.react',
        boardId: board,
        noteId: 'nosuch1',
        reaction: 'heart',
        on: true,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Hide: the flag is the server's; a participant cannot take it off.
    expect(
      await command(host, { type: 'note.hide', boardId: board, noteId: 'kept1', hidden: true }),
    ).toMatchObject({ ok: true });
    await expect.poll(() => note(adaBoard.doc, 'kept1')?.get('hidden')).toBe(true);
    const again = await synced(url, board, ada.token);
    note(again.doc, 'kept1')!.delete('hidden');
    await barrier(again, hostBoard);
    expect(note(hostBoard.doc, 'kept1')!.get('hidden')).toBe(true);
    expect(
      await command(ada.socket, { type: 'note.hide', boardId: board, noteId: 'kept1', hidden: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // While hidden its words are off the board (BD14); a facilitator shows it and they are back.
    expect(note(hostBoard.doc, 'kept1')!.get('text')).toBeUndefined();
    expect(
      await command(host, { type: 'note.hide', boardId: board, noteId: 'kept1', hidden: false }),
    ).toMatchObject({ ok: true });
    await expect.poll(() => note(adaBoard.doc, 'kept1')?.get('text')).toBe('Words that stay');

    // Remove for good: out of every copy, and out of the stored rows.
    expect(await command(host, { type: 'note.remove', boardId: board, noteId: 'regret1' })).toMatchObject({
      ok: true,
    });
    await expect.poll(() => noteTexts(adaBoard.doc)).toEqual(['Words that stay']);
    const rows = await server.store.loadBoardUpdates(board);
    expect(rows.some((r) => contains(r.update, 'Words that stay'))).toBe(true);
    expect(rows.some((r) => contains(r.update, 'Regretted words of Ada 5521'))).toBe(false);
    // And from the database file itself once its write-ahead log is folded in.
    const db = new Database(join(dataDir, 'kring.db'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(join(dataDir, 'kring.db')).includes(Buffer.from('Regretted words of Ada 5521'))).toBe(
      false,
    );
  });
});
