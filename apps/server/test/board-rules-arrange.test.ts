import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addColumn, addNote, moveNote, moveNoteToColumn, readHiddenWords, readNotes } from '@kring/board';
import { viewFor } from '@kring/core';
import type { KringServer } from '../src/app';
import { addBoard, barrier, command, contains, notesOf, scene, snapshot, synced } from './boards-harness';
import { storedDoc } from './harness';

// Issue 15 over real sockets: the board's rules (BD16 who arranges, BD17 screening) are enforced
// by the server against hand-made clients, and a rule change holds from the next message on,
// without anyone reconnecting.

const columnOf = (doc: Y.Doc, id: string) => notesOf(doc).get(id)?.get('columnId');

/** A board connection whose document keeps every update it ever received (words that came and went too). */
async function recording(url: string, room: string, token: string) {
  const conn = await synced(url, room, token);
  const received: Uint8Array[] = [Y.encodeStateAsUpdate(conn.doc)];
  conn.doc.on('update', (u: Uint8Array) => received.push(u));
  return { ...conn, everHad: (text: string) => received.some((u) => contains(u, text)) };
}

describe('who arranges a board (BD16), enforced by the server', () => {
  it('with `facilitators` a participant moves nothing; with `own` only their own note; never reaching others', async () => {
    const { url, host, hostToken, people, firstBoard: board } = await scene(['Ada', 'Ben']);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const hostBoard = await synced(url, board, hostToken);
    addColumn(hostBoard.doc, { id: 'col1', title: 'Now' });
    addColumn(hostBoard.doc, { id: 'col2', title: 'Next' });
    // Ada's and Ben's notes, written over their own connections.
    const adaBoard = await synced(url, board, ada.token);
    addNote(adaBoard.doc, { id: 'adas1', text: 'Ada’s', color: 'pink', authorId: ada.id, columnId: 'col1' });
    await barrier(adaBoard, hostBoard);
    const benBoard = await synced(url, board, ben.token);
    addNote(benBoard.doc, { id: 'bens1', text: 'Ben’s', color: 'blue', authorId: ben.id, columnId: 'col1' });
    await barrier(benBoard, hostBoard);
    adaBoard.p.destroy();
    benBoard.p.destroy();
    // An onlooker: Ada's second screen, which must never see a refused move.
    const onlooker = await synced(url, board, ada.token);
    const seen: string[] = [];
    notesOf(onlooker.doc).observeDeep(() => seen.push(String(columnOf(onlooker.doc, 'adas1'))));

    expect(
      await command(ben.socket, { type: 'board.setRules', boardId: board, arrange: 'own' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await command(host, { type: 'board.setRules', boardId: board, arrange: 'facilitators' }),
    ).toMatchObject({ ok: true });
    // Everyone's copy knows the rule.
    expect(viewFor(await snapshot(ben.socket), ben.id).boards[0]).toMatchObject({ arrange: 'facilitators' });

    // Ben's connection opened before the rule changed: it holds from his next message on.
    const bens = await synced(url, board, ben.token);
    moveNoteToColumn(bens.doc, 'adas1', 'col2'); // a hand-made move of Ada's note
    await barrier(bens, hostBoard);
    expect(columnOf(hostBoard.doc, 'adas1')).toBe('col1');
    // Nor his own note, under `facilitators` (a fresh connection: a refused change blocks the rest).
    const bens2 = await synced(url, board, ben.token);
    moveNoteToColumn(bens2.doc, 'bens1', 'col2');
    await barrier(bens2, hostBoard);
    expect(columnOf(hostBoard.doc, 'bens1')).toBe('col1');
    // Groups are for facilitators too.
    const bens3 = await synced(url, board, ben.token);
    bens3.doc.getMap('clusters').set('group1', new Y.Map());
    await barrier(bens3, hostBoard);
    expect(hostBoard.doc.getMap('clusters').size).toBe(0);

    // `own`: his own note moves (column and order), Ada's still does not.
    expect(await command(host, { type: 'board.setRules', boardId: board, arrange: 'own' })).toMatchObject({
      ok: true,
    });
    const bens4 = await synced(url, board, ben.token);
    moveNote(bens4.doc, 'bens1', { columnId: 'col2' }, null, { onlyThisNote: true });
    await barrier(bens4, hostBoard);
    expect(columnOf(hostBoard.doc, 'bens1')).toBe('col2');
    moveNoteToColumn(bens4.doc, 'adas1', 'col2');
    await barrier(bens4, hostBoard);
    expect(columnOf(hostBoard.doc, 'adas1')).toBe('col1');

    // The refused moves never reached anyone: the onlooker's copy never had Ada's note elsewhere.
    const fresh = await synced(url, board, ben.token);
    expect(columnOf(fresh.doc, 'adas1')).toBe('col1');
    expect(columnOf(onlooker.doc, 'bens1')).toBe('col2');
    expect(seen.filter((c) => c !== 'col1')).toEqual([]);

    // Back to everyone: anyone's note moves again.
    await command(host, { type: 'board.setRules', boardId: board, arrange: 'everyone' });
    const bens5 = await synced(url, board, ben.token);
    moveNoteToColumn(bens5.doc, 'adas1', 'col2');
    await barrier(bens5, hostBoard);
    expect(columnOf(hostBoard.doc, 'adas1')).toBe('col2');
  });
});

describe('screening anonymous notes (BD17)', () => {
  it('a participant’s note and revealed draft wait hidden, words only in the moderation document, until shown', async () => {
    const WORDS = 'Screened-words-of-Ada-8813';
    const DRAFT = 'Screened-draft-of-Ben-4407';
    const { server, url, host, hostToken, people } = await scene(['Ada', 'Ben']);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    // Not on a named board.
    expect(
      await command(host, { type: 'board.add', title: 'Named', templateId: 'blank', screening: true }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const anon = await addBoard(host, { title: 'Worries', templateId: 'blank', anonymous: true });
    expect(await command(host, { type: 'board.setRules', boardId: anon, screening: true })).toMatchObject({
      ok: true,
    });
    const benBoard = await recording(url, anon, ben.token);
    const hostBoard = await synced(url, anon, hostToken);
    const moderation = await synced(url, `${anon}/moderation`, hostToken);

    expect(
      await command(ada.socket, { type: 'note.add', boardId: anon, text: WORDS, color: 'pink' }),
    ).toMatchObject({ ok: true });
    // The note is on the board, hidden; its words are for facilitators only.
    await expect.poll(() => readNotes(hostBoard.doc).length).toBe(1);
    const [held] = readNotes(hostBoard.doc);
    expect(held).toMatchObject({ hidden: true, text: '' });
    await expect.poll(() => readHiddenWords(moderation.doc).get(held!.id)?.text).toBe(WORDS);
    await expect.poll(() => notesOf(benBoard.doc).has(held!.id)).toBe(true);
    expect(benBoard.everHad(WORDS)).toBe(false);
    // A facilitator's own note is not held.
    await command(host, { type: 'note.add', boardId: anon, text: 'From the host', color: 'blue' });
    await expect.poll(() => readNotes(benBoard.doc).map((n) => n.text)).toContain('From the host');

    // Revealed drafts are held too.
    await command(host, { type: 'board.setPhase', boardId: anon, phase: 'private' });
    const drafts = await synced(url, `${anon}/drafts/${ben.id}`, ben.token);
    addNote(drafts.doc, { text: DRAFT, color: 'green', authorId: ben.id });
    const adaBoard = await recording(url, anon, ada.token);
    await expect.poll(() => storedNotes(server, `${anon}/drafts/${ben.id}`)).toBe(1);
    await command(host, { type: 'board.setPhase', boardId: anon, phase: 'open' });
    await expect.poll(() => readNotes(hostBoard.doc).filter((n) => n.hidden).length).toBe(2);
    const revealed = readNotes(hostBoard.doc).find((n) => n.hidden && n.id !== held!.id)!;
    await expect.poll(() => readHiddenWords(moderation.doc).get(revealed.id)?.text).toBe(DRAFT);
    await expect.poll(() => notesOf(adaBoard.doc).has(revealed.id)).toBe(true);
    expect(adaBoard.everHad(DRAFT)).toBe(false);

    // Turning screening off releases nothing by itself.
    await command(host, { type: 'board.setRules', boardId: anon, screening: false });
    expect(benBoard.everHad(WORDS)).toBe(false);
    // The facilitator shows Ada's note: now everyone has its words.
    expect(
      await command(host, { type: 'note.hide', boardId: anon, noteId: held!.id, hidden: false }),
    ).toMatchObject({ ok: true });
    await expect.poll(() => readNotes(benBoard.doc).find((n) => n.id === held!.id)?.text).toBe(WORDS);
    await expect.poll(() => readHiddenWords(moderation.doc).has(held!.id)).toBe(false);
    expect(adaBoard.everHad(DRAFT)).toBe(false);
  });
});

/** How many notes a document holds as the server has stored it. */
const storedNotes = async (server: KringServer, docId: string) =>
  readNotes(await storedDoc(server, docId)).length;
