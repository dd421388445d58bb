import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, readNotes } from '@kring/board';
import { viewFor } from '@kring/core';
import { SessionSummary } from '@kring/protocol';
import {
  connectSocket,
  createSession,
  joinSession,
  registerCleanup,
  sessionSummary,
  startServer,
  tempDataDir,
  withToken,
  itOnSqliteFile,
} from './harness';
import {
  addBoard,
  command,
  contains,
  fetchExport,
  noteTexts,
  notesOf,
  provider,
  recordEvents,
  scene,
  snapshot,
  synced,
  upgradeStatus,
} from './boards-harness';

/** BD15: a secret a device keeps for an anonymous note, and its owner key (the hash). */
function ownerSecret() {
  const secret = randomBytes(32).toString('base64url');
  return { secret, key: createHash('sha256').update(secret, 'utf8').digest('base64url') };
}

/** What the server has stored for a document, as a document. */
async function stored(
  server: { store: { loadBoardUpdates(id: string): Promise<{ update: Uint8Array }[]> } },
  docId: string,
) {
  const doc = new Y.Doc();
  for (const row of await server.store.loadBoardUpdates(docId)) Y.applyUpdate(doc, row.update);
  return doc;
}

describe('private writing (BD7, BD8) over real connections', () => {
  it('nobody else opens someone’s drafts; drafts survive reconnects and lock changes; reveal puts them on the board', async () => {
    const { server, url, host, hostToken, people, firstBoard: board } = await scene(['Ada', 'Ben']);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const adaDrafts = `${board}/drafts/${ada.id}`;
    const benDrafts = `${board}/drafts/${ben.id}`;
    expect(await command(host, { type: 'board.setPhase', boardId: board, phase: 'private' })).toMatchObject({
      ok: true,
    });

    // Another participant and a facilitator are refused before any socket exists.
    expect(await upgradeStatus(url, adaDrafts, ben.token)).toBe(403);
    expect(await upgradeStatus(url, adaDrafts, hostToken)).toBe(403);
    expect(await upgradeStatus(url, adaDrafts, ada.token)).toBe(101);
    const spy = provider(url, adaDrafts, ben.token);

    const a = await synced(url, adaDrafts, ada.token);
    addNote(a.doc, { id: 'draft1', text: 'Ada private one', color: 'pink', createdAt: 1 });
    addNote(a.doc, { id: 'draft2', text: 'Ada private two', color: 'blue', createdAt: 2 });
    const b = await synced(url, benDrafts, ben.token);
    addNote(b.doc, { id: 'draft1', text: 'Ben private', color: 'green', createdAt: 3 });
    // During private writing a participant's connection to the shared board is read-only.
    const adaShared = await synced(url, board, ada.token);
    addNote(adaShared.doc, { id: 'sneak1', text: 'posted in the open', color: 'yellow', authorId: ada.id });
    await expect
      .poll(async () => noteTexts(await stored(server, adaDrafts)))
      .toEqual(['Ada private one', 'Ada private two']);
    await expect.poll(async () => noteTexts(await stored(server, benDrafts))).toEqual(['Ben private']);

    // Locking and unlocking the board, and reconnecting, change nothing about the drafts.
    expect(await command(host, { type: 'board.setLock', boardId: board, locked: true })).toMatchObject({
      ok: true,
    });
    expect(await command(host, { type: 'board.setLock', boardId: board, locked: false })).toMatchObject({
      ok: true,
    });
    a.p.disconnect();
    a.p.connect();
    const again = await synced(url, adaDrafts, ada.token);
    expect(noteTexts(again.doc)).toEqual(['Ada private one', 'Ada private two']);

    const hostBoard = await synced(url, board, hostToken);
    expect(noteTexts(hostBoard.doc)).toEqual([]);
    expect(spy.p.synced).toBe(false);
    expect(noteTexts(spy.doc)).toEqual([]);

    // Reveal: every draft goes onto the board (with its author, on a named board) and leaves the drafts.
    expect(await command(host, { type: 'board.setPhase', boardId: board, phase: 'open' })).toMatchObject({
      ok: true,
    });
    await expect
      .poll(() => noteTexts(hostBoard.doc))
      .toEqual(['Ada private one', 'Ada private two', 'Ben private']);
    const authorOf = (text: string) =>
      [...notesOf(hostBoard.doc).values()].find((n) => n.get('text') === text)?.get('authorId');
    expect([authorOf('Ada private one'), authorOf('Ben private')]).toEqual([ada.id, ben.id]);
    await expect.poll(() => noteTexts(again.doc)).toEqual([]);
    const draftRows = await server.store.loadBoardUpdates(adaDrafts);
    for (const row of draftRows) expect(contains(row.update, 'Ada private one')).toBe(false);

    // Drafts are read-only outside private writing.
    addNote(again.doc, { id: 'late1', text: 'too late', color: 'pink' });
    // A reveal sent again finishes nothing twice.
    expect(await command(host, { type: 'board.setPhase', boardId: board, phase: 'open' })).toMatchObject({
      ok: true,
    });
    expect(noteTexts(await stored(server, adaDrafts))).toEqual([]);
    expect(noteTexts(hostBoard.doc)).toHaveLength(3);

    // The revealed notes are Ada's to edit and delete (recorded as hers, told only to her).
    const adaState = await snapshot(ada.socket);
    const mine = viewFor(adaState, ada.id).boards[0]!.myNotes;
    expect(mine).toHaveLength(2);
    expect(viewFor(await snapshot(ben.socket), ben.id).boards[0]!.myNotes).toHaveLength(1);
    expect(await command(ben.socket, { type: 'note.delete', boardId: board, noteId: mine[0] })).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
    expect(await command(ada.socket, { type: 'note.delete', boardId: board, noteId: mine[0] })).toMatchObject(
      {
        ok: true,
      },
    );
    await expect.poll(() => noteTexts(hostBoard.doc)).toHaveLength(2);
  });

  it('drafts survive a server restart', async () => {
    const dataDir = tempDataDir();
    const first = await startServer(dataDir);
    const s = await createSession(first.url);
    const ada = await joinSession(first.url, s.joinCode, 'Ada');
    const board = SessionSummary.parse((await sessionSummary(first.url, s.joinCode, ada.token)).body)
      .boards[0]!.id;
    const host = await connectSocket(first.url, withToken(s.facilitatorToken));
    await command(host, { type: 'board.setPhase', boardId: board, phase: 'private' });
    const room = `${board}/drafts/${ada.participantId}`;
    const a = await synced(first.url, room, ada.token);
    addNote(a.doc, { text: 'kept across a restart', color: 'purple' });
    await expect.poll(async () => noteTexts(await stored(first, room))).toEqual(['kept across a restart']);
    a.p.destroy();
    await first.close();

    const second = await startServer(dataDir);
    const back = await synced(second.url, room, ada.token);
    expect(noteTexts(back.doc)).toEqual(['kept across a restart']);
  });
});

describe('anonymous boards (BD9) over real connections', () => {
  // Long, unique names, so finding one anywhere cannot be a coincidence.
  const ADA = 'Adalind-Quixotic-Marmalade-7391';
  const BEN = 'Benedikt-Zephyr-Tangerine-2208';

  itOnSqliteFile(
    'BD9/BD15: nothing a client reads or the server stores links a note to its author, yet the device holding its secret edits and deletes it',
    async () => {
      const dataDir = tempDataDir();
      const { server, url, joinCode, host, hostToken, hostId, people } = await scene([ADA, BEN], dataDir);
      const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
      const hostEvents = recordEvents(host);
      const benEvents = recordEvents(ben.socket);
      const anon = await addBoard(host, { title: 'Worries', templateId: 'check-in', anonymous: true });

      const hostBoard = await synced(url, anon, hostToken);
      const benBoard = await synced(url, anon, ben.token);
      const adaBoard = await synced(url, anon, ada.token);
      hostBoard.p.awareness.setLocalStateField('user', { name: 'Host', id: hostId });
      benBoard.p.awareness.setLocalStateField('user', { name: BEN, id: ben.id });
      adaBoard.p.awareness.setLocalStateField('user', { name: ADA, id: ada.id });

      // Ada writes by command, with the owner key of a secret her device keeps; her own connection
      // is read-only here.
      const [first, second] = [ownerSecret(), ownerSecret()];
      const add = await command(ada.socket, {
        type: 'note.add',
        boardId: anon,
        text: 'The waiting list',
        color: 'pink',
        ownerKey: first.key,
      });
      expect(add).toMatchObject({ ok: true });
      addNote(adaBoard.doc, {
        text: 'written straight into the document',
        color: 'yellow',
        authorId: ada.id,
      });
      // And in private writing, revealed: the draft carries its owner key onto the board.
      await command(host, { type: 'board.setPhase', boardId: anon, phase: 'private' });
      const drafts = await synced(url, `${anon}/drafts/${ada.id}`, ada.token);
      addNote(drafts.doc, {
        text: 'A revealed worry',
        color: 'green',
        authorId: ada.id,
        ownerKey: second.key,
      });
      await expect
        .poll(async () => noteTexts(await stored(server, `${anon}/drafts/${ada.id}`)))
        .toHaveLength(1);
      await command(host, { type: 'board.setPhase', boardId: anon, phase: 'open' });
      await expect.poll(() => noteTexts(benBoard.doc)).toEqual(['A revealed worry', 'The waiting list']);

      // No copy of the state, not even Ada's, records whose notes these are: her device knows them by
      // their owner keys in the document.
      for (const [socket, id] of [
        [ada.socket, ada.id],
        [ben.socket, ben.id],
        [host, hostId],
      ] as const) {
        const state = await snapshot(socket);
        expect(state.boards.find((b) => b.id === anon)!.authors).toEqual({});
        expect(viewFor(state, id).boards.find((b) => b.id === anon)!.myNotes).toEqual([]);
      }
      const keyed = new Map(readNotes(benBoard.doc).map((n) => [n.ownerKey, n.id]));
      const noteId = keyed.get(first.key)!;
      expect(keyed.get(second.key)).toBeDefined();
      // Nothing stored names her either: no event about this board, in any form.
      const db = new Database(join(dataDir, 'kring.db'), { readonly: true });
      registerCleanup(() => void db.close());
      const rows = db
        .prepare("SELECT body FROM session_events WHERE json_extract(body, '$.boardId') = ?")
        .all(anon) as { body: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.body.includes(ada.id))).toEqual([]);
      for (const [socket, cmd] of [
        [ben.socket, { type: 'note.edit', boardId: anon, noteId, text: 'hijacked' }],
        [ben.socket, { type: 'note.delete', boardId: anon, noteId }],
        [ben.socket, { type: 'note.delete', boardId: anon, noteId, ownerKey: first.key }],
        [host, { type: 'note.edit', boardId: anon, noteId, text: 'hijacked' }],
        [host, { type: 'note.delete', boardId: anon, noteId, ownerSecret: second.secret }],
        // Her own token is not enough without the secret.
        [ada.socket, { type: 'note.delete', boardId: anon, noteId }],
      ] as const) {
        expect(await command(socket, cmd)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(
        await command(ada.socket, {
          type: 'note.edit',
          boardId: anon,
          noteId,
          text: 'Edited by its author',
          ownerSecret: first.secret,
        }),
      ).toMatchObject({ ok: true });
      await expect.poll(() => noteTexts(hostBoard.doc)).toContain('Edited by its author');

      // Dump everything the others can read: documents, awareness, events, snapshots, exports.
      await new Promise((r) => setTimeout(r, 200)); // let any awareness relay arrive
      for (const [label, doc] of [
        ['host document', hostBoard.doc],
        ['Ben’s document', benBoard.doc],
      ] as const) {
        const bytes = Y.encodeStateAsUpdate(doc);
        expect({ label, id: contains(bytes, ada.id), name: contains(bytes, ADA) }).toEqual({
          label,
          id: false,
          name: false,
        });
        // Every item was written by the server's peer: none by Ada's client.
        const { structs } = Y.decodeUpdate(bytes);
        expect(structs.some((s) => s.id.client === adaBoard.doc.clientID)).toBe(false);
      }
      for (const [label, awareness] of [
        ['host awareness', hostBoard.p.awareness],
        ['Ben’s awareness', benBoard.p.awareness],
      ] as const) {
        const states = JSON.stringify([...awareness.getStates().entries()]);
        expect({ label, id: states.includes(ada.id), name: states.includes(ADA) }).toEqual({
          label,
          id: false,
          name: false,
        });
      }
      const aboutBoards = [...hostEvents, ...benEvents].filter((e) => /^(note|vote|board)\./.test(e.type));
      expect(aboutBoards.length).toBeGreaterThan(0);
      expect(JSON.stringify(aboutBoards)).not.toContain(ada.id);
      expect(JSON.stringify(aboutBoards)).not.toContain(ADA);
      // The note.added events reached the others only as placeholders.
      expect([...hostEvents, ...benEvents].some((e) => e.type === 'note.added')).toBe(false);
      for (const token of [hostToken, ben.token]) {
        for (const format of ['md', 'csv', 'json']) {
          const file = await fetchExport(
            `${url}/api/sessions/${joinCode}/boards/${anon}/export?format=${format}`,
            token,
          );
          expect(file.status).toBe(200);
          expect(file.body).toContain('Edited by its author');
          expect({ format, id: file.body.includes(ada.id), name: file.body.includes(ADA) }).toEqual({
            format,
            id: false,
            name: false,
          });
        }
      }

      expect(
        await command(ada.socket, { type: 'note.delete', boardId: anon, noteId, ownerSecret: first.secret }),
      ).toMatchObject({ ok: true });
      await expect.poll(() => noteTexts(benBoard.doc)).toHaveLength(1);
      for (const row of await server.store.loadBoardUpdates(anon)) {
        expect(contains(row.update, 'Edited by its author')).toBe(false);
      }
    },
  );
});
