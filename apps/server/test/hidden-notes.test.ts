import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { readHiddenWords, readNotes } from '@kring/board';
import { viewFor } from '@kring/core';
import { boardSyncProtocols } from '@kring/protocol';
import { SqliteStore } from '../src/store/sqlite';
import {
  connectSocket,
  registerCleanup,
  startServer,
  tempDataDir,
  withToken,
  itOnSqliteFile,
} from './harness';
import {
  barrier,
  command,
  contains,
  fetchExport,
  notesOf,
  scene,
  snapshot,
  synced,
  upgradeStatus,
} from './boards-harness';

/**
 * Issue 9, part 2 (BD11, BD14): a hidden note's words never reach anyone but facilitators. Raw
 * y-websocket clients keep every byte the server sends them, so the checks look at the wire,
 * not at what a well-behaved client would choose to show.
 */

const WORDS = 'Quietly-private-words-of-Ada-5521';

/** A raw board connection: asks for the whole document once, applies what comes, keeps every message. */
function rawClient(url: string, room: string, token: string) {
  const doc = new Y.Doc();
  const messages: Uint8Array[] = [];
  let synced = false;
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${room}`, boardSyncProtocols(token));
  registerCleanup(() => {
    ws.terminate();
    doc.destroy();
  });
  ws.on('open', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // sync
    syncProtocol.writeSyncStep1(encoder, doc);
    ws.send(encoding.toUint8Array(encoder));
  });
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    messages.push(bytes);
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== 0) return; // awareness: not a document
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, 0);
    const kind = syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
    if (kind === syncProtocol.messageYjsSyncStep2) synced = true;
  });
  return {
    doc,
    messages,
    isSynced: () => synced,
    /** Every byte received so far, from message `from` on. */
    receivedSince: (from: number) => messages.slice(from),
  };
}

type Raw = ReturnType<typeof rawClient>;

const noteIn = (doc: Y.Doc, id: string) => readNotes(doc).find((n) => n.id === id);
const anyContains = (messages: readonly Uint8Array[], text: string) =>
  messages.some((m) => contains(m, text));
const hasNoWords = (raw: Raw, from = 0) =>
  !anyContains(raw.receivedSince(from), WORDS) && !contains(Y.encodeStateAsUpdate(raw.doc), WORDS);

/** What the server has stored for a document, as a document. */
async function stored(
  store: { loadBoardUpdates(id: string): Promise<{ update: Uint8Array }[]> },
  docId: string,
) {
  const doc = new Y.Doc();
  for (const row of await store.loadBoardUpdates(docId)) Y.applyUpdate(doc, row.update);
  return doc;
}

async function storedRowsContain(
  store: { loadBoardUpdates(id: string): Promise<{ update: Uint8Array }[]> },
  docId: string,
  text: string,
): Promise<boolean> {
  return (await store.loadBoardUpdates(docId)).some((row) => contains(row.update, text));
}

describe('hidden notes never reach participants or observers (BD11, BD14)', () => {
  it('hiding takes the words off every board connection and out of the store; only facilitators read them; showing brings them back', async () => {
    const {
      server,
      url,
      joinCode,
      host,
      hostToken,
      people,
      firstBoard: board,
    } = await scene(['Ada', 'Ben', 'Olive']);
    const [ada, ben, olive] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    expect(
      await command(host, { type: 'participant.setRole', participantId: olive.id, role: 'observer' }),
    ).toMatchObject({ ok: true });
    const moderation = `${board}/moderation`;

    // Ada writes a note by command; everyone's connection has it.
    expect(
      await command(ada.socket, { type: 'note.add', boardId: board, text: WORDS, color: 'pink' }),
    ).toMatchObject({ ok: true });
    const noteId = viewFor(await snapshot(ada.socket), ada.id).boards[0]!.myNotes[0]!;
    const benRaw = rawClient(url, board, ben.token);
    const oliveRaw = rawClient(url, board, olive.token);
    await expect.poll(() => noteIn(benRaw.doc, noteId)?.text).toBe(WORDS);
    await expect.poll(() => noteIn(oliveRaw.doc, noteId)?.text).toBe(WORDS);
    expect(await storedRowsContain(server.store, board, WORDS)).toBe(true);
    const [benFrom, oliveFrom] = [benRaw.messages.length, oliveRaw.messages.length];

    // The facilitator hides it.
    expect(await command(host, { type: 'note.hide', boardId: board, noteId, hidden: true })).toMatchObject({
      ok: true,
    });
    for (const raw of [benRaw, oliveRaw]) {
      await expect.poll(() => noteIn(raw.doc, noteId)).toMatchObject({ text: '', hidden: true });
    }
    // Connections made after the hide never get the words either.
    const benLater = rawClient(url, board, ben.token);
    const oliveLater = rawClient(url, board, olive.token);
    const adaLater = rawClient(url, board, ada.token);
    for (const raw of [benLater, oliveLater, adaLater]) {
      await expect.poll(() => raw.isSynced()).toBe(true);
      // Still there for counts and placement, marked hidden, without its words.
      expect(noteIn(raw.doc, noteId)).toMatchObject({ text: '', hidden: true, authorId: ada.id });
    }

    // The store no longer holds the words in the board's rows; the moderation document does.
    expect(await storedRowsContain(server.store, board, WORDS)).toBe(false);
    expect(await storedRowsContain(server.store, moderation, WORDS)).toBe(true);

    // Only facilitators open the moderation document (read-only); everyone else is refused.
    expect(await upgradeStatus(url, moderation, ada.token)).toBe(403);
    expect(await upgradeStatus(url, moderation, ben.token)).toBe(403);
    expect(await upgradeStatus(url, moderation, olive.token)).toBe(403);
    const hostModeration = await synced(url, moderation, hostToken);
    expect(readHiddenWords(hostModeration.doc).get(noteId)).toEqual({ text: WORDS, color: 'pink' });
    // A facilitator's write into it is dropped: the server is its only writer.
    const hostModeration2 = await synced(url, moderation, hostToken);
    hostModeration.doc.getMap('hiddenNotes').set('forged01', new Y.Map());
    await barrier(hostModeration, hostModeration2);
    expect(readHiddenWords(hostModeration2.doc).has('forged01')).toBe(false);
    expect([...readHiddenWords(await stored(server.store, moderation)).keys()]).toEqual([noteId]);

    // The author cannot put the words back by editing; nobody's copy has changed.
    expect(
      await command(ada.socket, { type: 'note.edit', boardId: board, noteId, text: 'back again' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Exports: facilitators get the note with its words, marked hidden; nobody else gets it at all.
    const boardExport = `${url}/api/sessions/${joinCode}/boards/${board}/export`;
    const sessionExport = `${url}/api/sessions/${joinCode}/export`;
    const asHost = JSON.parse((await fetchExport(`${boardExport}?format=json`, hostToken)).body) as {
      columns: { notes: { id: string; text: string; hidden: boolean }[] }[];
    };
    expect(asHost.columns.flatMap((c) => c.notes)).toContainEqual(
      expect.objectContaining({ id: noteId, text: WORDS, hidden: true }),
    );
    expect((await fetchExport(`${boardExport}?format=md`, hostToken)).body).toContain(WORDS);
    expect((await fetchExport(`${sessionExport}?format=md`, hostToken)).body).toContain(WORDS);
    for (const token of [ada.token, ben.token, olive.token]) {
      for (const format of ['md', 'csv', 'json']) {
        const body = (await fetchExport(`${boardExport}?format=${format}`, token)).body;
        expect(body).not.toContain(WORDS);
        expect(body).not.toContain(noteId);
      }
      for (const format of ['md', 'json']) {
        expect((await fetchExport(`${sessionExport}?format=${format}`, token)).body).not.toContain(noteId);
      }
    }

    // Not one byte of the words reached a participant's or an observer's connection since the hide.
    expect(hasNoWords(benRaw, benFrom)).toBe(true);
    expect(hasNoWords(oliveRaw, oliveFrom)).toBe(true);
    for (const raw of [benLater, oliveLater, adaLater]) expect(hasNoWords(raw)).toBe(true);

    // Showing it again brings the words back to everyone, and out of the moderation document.
    expect(await command(host, { type: 'note.hide', boardId: board, noteId, hidden: false })).toMatchObject({
      ok: true,
    });
    for (const raw of [benRaw, oliveRaw, benLater]) {
      await expect.poll(() => noteIn(raw.doc, noteId)).toMatchObject({ text: WORDS, color: 'pink' });
      expect(noteIn(raw.doc, noteId)?.hidden).toBeUndefined();
    }
    await expect.poll(() => readHiddenWords(hostModeration.doc).has(noteId)).toBe(false);
    expect(await storedRowsContain(server.store, moderation, WORDS)).toBe(false);
  });

  it('the author deleting a hidden note leaves no trace of it in either document or the store', async () => {
    const dataDir = tempDataDir();
    const { server, url, host, hostToken, people, firstBoard: board } = await scene(['Ada', 'Ben'], dataDir);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const moderation = `${board}/moderation`;
    await command(ada.socket, { type: 'note.add', boardId: board, text: WORDS, color: 'blue' });
    const noteId = viewFor(await snapshot(ada.socket), ada.id).boards[0]!.myNotes[0]!;
    await command(host, { type: 'note.hide', boardId: board, noteId, hidden: true });
    const hostModeration = await synced(url, moderation, hostToken);
    await expect.poll(() => readHiddenWords(hostModeration.doc).has(noteId)).toBe(true);
    const benRaw = rawClient(url, board, ben.token);
    await expect.poll(() => noteIn(benRaw.doc, noteId)?.hidden).toBe(true);

    // People may take back their own words, also hidden ones.
    expect(await command(ada.socket, { type: 'note.delete', boardId: board, noteId })).toMatchObject({
      ok: true,
    });
    await expect.poll(() => notesOf(benRaw.doc).has(noteId)).toBe(false);
    await expect.poll(() => readHiddenWords(hostModeration.doc).has(noteId)).toBe(false);
    // Yjs keeps a deleted map key as a tombstone (the note id); the words and the author go.
    for (const docId of [board, moderation]) {
      expect(await storedRowsContain(server.store, docId, WORDS)).toBe(false);
      expect(await storedRowsContain(server.store, docId, ada.id)).toBe(false);
      expect(readNotes(await stored(server.store, docId))).toEqual([]);
    }
    expect(readHiddenWords(await stored(server.store, moderation)).size).toBe(0);
    // Nor in the database file once its write-ahead log is folded in (secure_delete clears freed pages).
    const db = new Database(join(dataDir, 'kring.db'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(join(dataDir, 'kring.db')).includes(Buffer.from(WORDS))).toBe(false);
    expect(contains(Y.encodeStateAsUpdate(hostModeration.doc), WORDS)).toBe(false);
    expect(hasNoWords(benRaw)).toBe(true);
  });

  itOnSqliteFile(
    'hiding again finishes a note whose words are still on the board (hidden before this change, or interrupted)',
    async () => {
      const dataDir = tempDataDir();
      const { server, host, hostToken, people, firstBoard: board } = await scene(['Ada', 'Ben'], dataDir);
      const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
      await command(ada.socket, { type: 'note.add', boardId: board, text: WORDS, color: 'green' });
      const noteId = viewFor(await snapshot(ada.socket), ada.id).boards[0]!.myNotes[0]!;
      expect(await command(host, { type: 'note.hide', boardId: board, noteId, hidden: true })).toMatchObject({
        ok: true,
      });
      await server.close();

      // What hiding left before the words moved out (and a crash between the two steps leaves):
      // `hidden` set, the words still on the board.
      const store = new SqliteStore(dataDir);
      const legacy = await stored(store, board);
      const before = Y.encodeStateVector(legacy);
      const map = notesOf(legacy).get(noteId)!;
      map.set('text', WORDS);
      map.set('color', 'green');
      await store.appendBoardUpdate(board, Y.encodeStateAsUpdate(legacy, before));
      await store.close();

      const again = await startServer(dataDir);
      const hostAgain = await connectSocket(again.url, withToken(hostToken));
      const benRaw = rawClient(again.url, board, ben.token);
      await expect.poll(() => noteIn(benRaw.doc, noteId)).toMatchObject({ text: WORDS, hidden: true });

      // The state already says hidden (C4: nothing is recorded), but the words leave all the same.
      expect(
        await command(hostAgain, { type: 'note.hide', boardId: board, noteId, hidden: true }),
      ).toMatchObject({ ok: true });
      await expect.poll(() => noteIn(benRaw.doc, noteId)?.text).toBe('');
      expect(await storedRowsContain(again.store, board, WORDS)).toBe(false);
      const hostModeration = await synced(again.url, `${board}/moderation`, hostToken);
      expect(readHiddenWords(hostModeration.doc).get(noteId)).toEqual({ text: WORDS, color: 'green' });
    },
  );
});
