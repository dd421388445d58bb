import { addNote } from '@kring/board';
import { viewFor } from '@kring/core';
import { LIMITS, boardSyncProtocols } from '@kring/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { registerCleanup, restartServer, tempDataDir } from './harness';
import { barrier, command, fetchExport, notesOf, scene, snapshot, synced } from './boards-harness';

// The board write guard (core SPEC BD12) against a real server: a participant sends each attack
// as a y-websocket sync update, straight onto the socket; the note it aims at must come through
// whole, in a fresh copy, after a restart and in the export, and the server must keep serving.

const ADA = 'Adelheid-Guard-Tester-7731';
const BEN = 'Benedikt-Guard-Tester-2290';
const HUGE = 'x'.repeat(201 * 1024);
const [SYNC, STEP1, STEP2, UPDATE] = [0, 0, 1, 2];

/** A raw y-websocket client: sends sync messages, reads the server's whole document on demand. */
async function rawClient(base: string, room: string, token: string) {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/yjs/${room}`, boardSyncProtocols(token));
  const received: Uint8Array[] = [];
  let closeCode: number | null = null;
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  ws.on('close', (code) => (closeCode = code));
  ws.on('error', () => {});
  registerCleanup(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', () => reject(new Error('refused')));
  });
  const send = (sub: number, payload: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, SYNC);
    encoding.writeVarUint(e, sub);
    encoding.writeVarUint8Array(e, payload);
    ws.send(encoding.toUint8Array(e));
  };
  return {
    closeCode: () => closeCode,
    write: (update: Uint8Array) => send(UPDATE, update),
    /** The server's document; it answers in order, so every earlier write was handled by then. */
    async serverDoc(): Promise<Y.Doc> {
      const from = received.length;
      send(STEP1, Y.encodeStateVector(new Y.Doc()));
      let reply: Uint8Array | undefined;
      await expect
        .poll(() => {
          reply =
            received
              .slice(from)
              .map(step2Payload)
              .find((p) => p !== null) ?? undefined;
          return reply !== undefined;
        })
        .toBe(true);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, reply!);
      return doc;
    },
  };
}

function step2Payload(message: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(message);
  if (decoding.readVarUint(d) !== SYNC || decoding.readVarUint(d) !== STEP2) return null;
  return decoding.readVarUint8Array(d);
}

/** What a client sends for `act` on a document of its own (not synced: nothing it deletes shows). */
function blind(clientID: number, act: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID; // high: Yjs puts its value after the server's, so it displaces it
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  act(doc);
  return Y.mergeUpdates(updates);
}

/** One map value as deleted content (ContentDeleted) right after `origin`: no delete set needed. */
function deletedAfter(clientID: number, origin: Y.ID): Uint8Array {
  const e = encoding.createEncoder();
  for (const n of [1, 1, clientID, 0]) encoding.writeVarUint(e, n); // 1 client, 1 struct, id
  encoding.writeUint8(e, 0x80 | 1); // has an origin; content: deleted
  for (const n of [origin.client, origin.clock]) encoding.writeVarUint(e, n);
  encoding.writeVarUint(e, 1); // length 1
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

const myNotes = async (socket: Parameters<typeof snapshot>[0], id: string, boardId: string) =>
  viewFor(await snapshot(socket), id).boards.find((b) => b.id === boardId)!.myNotes;

async function addByCommand(
  socket: Parameters<typeof snapshot>[0],
  id: string,
  boardId: string,
  text: string,
) {
  const before = await myNotes(socket, id, boardId);
  expect(await command(socket, { type: 'note.add', boardId, text, color: 'green' })).toMatchObject({
    ok: true,
  });
  return (await myNotes(socket, id, boardId)).find((n) => !before.includes(n))!;
}

describe('the board write guard over real sockets (BD12)', () => {
  it('attacks on someone else’s note by direct writes fail: the note, its author and the export survive a restart', async () => {
    const dataDir = tempDataDir();
    const { server, url, joinCode, hostToken, people, firstBoard: board } = await scene([ADA, BEN], dataDir);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const noteId = await addByCommand(ada.socket, ada.id, board, 'Ada’s own words');
    const expected = {
      text: 'Ada’s own words',
      color: 'green',
      authorId: ada.id,
      createdAt: expect.any(Number),
    };

    const raw = await rawClient(url, board, ben.token);
    const before = await raw.serverDoc();
    const textItem = notesOf(before).get(noteId)!._map.get('text')!.id;
    const attacks: [string, Uint8Array][] = [
      [
        'a new map at her note id, in Ben’s name',
        blind(0xffff_ff01, (doc) => {
          const fresh = new Y.Map<unknown>([['text', 'Not Ada’s words']]);
          notesOf(doc).set(noteId, fresh);
          fresh.set('authorId', ben.id);
        }),
      ],
      [
        'a new map deleted in the same update',
        blind(0xffff_ff02, (doc) =>
          doc.transact(() => {
            notesOf(doc).set(noteId, new Y.Map());
            notesOf(doc).delete(noteId);
          }),
        ),
      ],
      ['deleted content over her words', deletedAfter(0xffff_ff03, textItem)],
      [
        'a note of 201 KiB in his own name',
        blind(0xffff_ff04, (doc) =>
          notesOf(doc).set(
            'bigNote1',
            new Y.Map<unknown>([
              ['text', HUGE],
              ['authorId', ben.id],
            ]),
          ),
        ),
      ],
    ];
    for (const [label, attack] of attacks) {
      raw.write(attack);
      const seen = await raw.serverDoc();
      expect({ label, note: notesOf(seen).get(noteId)?.toJSON() }).toEqual({ label, note: expected });
      expect({ label, notes: notesOf(seen).size }).toEqual({ label, notes: 1 });
    }
    expect(raw.closeCode()).toBeNull(); // refused without a word, as the provider expects

    const fresh = await synced(url, board, hostToken);
    expect(notesOf(fresh.doc).get(noteId)?.toJSON()).toEqual(expected);

    const second = await restartServer(server, dataDir);
    const afterRestart = await synced(second.url, board, hostToken);
    expect(notesOf(afterRestart.doc).get(noteId)?.toJSON()).toEqual(expected);
    expect([...notesOf(afterRestart.doc).keys()]).toEqual([noteId]);
    const json = JSON.parse(
      (
        await fetchExport(
          `${second.url}/api/sessions/${joinCode}/boards/${board}/export?format=json`,
          hostToken,
        )
      ).body,
    ) as { columns: { notes: { id: string; text: string; author: string | null }[] }[] };
    expect(json.columns.flatMap((c) => c.notes)).toEqual([
      expect.objectContaining({ id: noteId, text: 'Ada’s own words', author: ADA }),
    ]);
  });

  it('the author of a hidden note cannot bring it back with a fresh map, nor write 201 KiB on their own note', async () => {
    const dataDir = tempDataDir();
    const { server, url, host, hostToken, people, firstBoard: board } = await scene([BEN], dataDir);
    const [ben] = people as [(typeof people)[0]];
    const hiddenId = await addByCommand(ben.socket, ben.id, board, 'Words that were hidden');
    const ownId = await addByCommand(ben.socket, ben.id, board, 'Words that stay short');
    expect(
      await command(host, { type: 'note.hide', boardId: board, noteId: hiddenId, hidden: true }),
    ).toMatchObject({
      ok: true,
    });
    const hostBoard = await synced(url, board, hostToken);
    await expect.poll(() => notesOf(hostBoard.doc).get(hiddenId)?.get('hidden')).toBe(true);
    const hiddenBefore = notesOf(hostBoard.doc).get(hiddenId)!.toJSON();

    const attempts: [string, (doc: Y.Doc) => void][] = [
      [
        'the stock provider re-writes the hidden note',
        (doc) => addNote(doc, { id: hiddenId, text: 'Back again', color: 'yellow', authorId: ben.id }),
      ],
      ['words straight onto the hidden note', (doc) => notesOf(doc).get(hiddenId)!.set('text', 'Back again')],
      ['201 KiB on his own note', (doc) => notesOf(doc).get(ownId)!.set('text', HUGE)],
    ];
    for (const [label, attempt] of attempts) {
      // A fresh connection each time: a refused change blocks that client's later writes.
      const benBoard = await synced(url, board, ben.token);
      attempt(benBoard.doc);
      await barrier(benBoard, hostBoard);
      expect({ label, hidden: notesOf(hostBoard.doc).get(hiddenId)!.toJSON() }).toEqual({
        label,
        hidden: hiddenBefore,
      });
      expect({ label, own: notesOf(hostBoard.doc).get(ownId)!.get('text') }).toEqual({
        label,
        own: 'Words that stay short',
      });
      benBoard.p.destroy();
    }

    // Honest writes still go through, and everything holds after a restart.
    const benBoard = await synced(url, board, ben.token);
    notesOf(benBoard.doc).get(ownId)!.set('text', 'Edited, and short');
    await expect.poll(() => notesOf(hostBoard.doc).get(ownId)!.get('text')).toBe('Edited, and short');
    const second = await restartServer(server, dataDir);
    const afterRestart = await synced(second.url, board, hostToken);
    expect(notesOf(afterRestart.doc).get(hiddenId)!.toJSON()).toEqual(hiddenBefore);
    expect(notesOf(afterRestart.doc).get(ownId)!.get('text')).toBe('Edited, and short');
    expect(HUGE.length).toBeGreaterThan(LIMITS.noteTextMax);
  });
});
