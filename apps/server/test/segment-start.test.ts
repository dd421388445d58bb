import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, readMeta } from '@kring/board';
import { sessionTemplateIn } from '@kring/core';
import { CreateSessionResponse, PLENARY, type SessionEvent } from '@kring/protocol';
import { command, noteTexts, recordEvents, snapshot, synced } from './boards-harness';
import { ok } from './breakouts-harness';
import { type ClientSocket, connectSocket, joinSession, startServer, withToken } from './harness';

/** What the server has stored for a document, as a document. */
async function stored(
  server: { store: { loadBoardUpdates(id: string): Promise<{ update: Uint8Array }[]> } },
  docId: string,
) {
  const doc = new Y.Doc();
  for (const row of await server.store.loadBoardUpdates(docId)) Y.applyUpdate(doc, row.update);
  return doc;
}

/** A session from the IPS overview in Dutch, its host and three participants connected. */
async function ipsSession() {
  const server = await startServer();
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'IPS', templateId: 'ips-overview', locale: 'nl' }),
  });
  const created = CreateSessionResponse.parse(await res.json());
  const host = await connectSocket(server.url, withToken(created.facilitatorToken));
  const people = await Promise.all(
    ['Ada', 'Ben', 'Cai'].map(async (name) => {
      const joined = await joinSession(server.url, created.joinCode, name);
      const socket = await connectSocket(server.url, withToken(joined.token));
      return { id: joined.participantId, token: joined.token, socket };
    }),
  );
  const state = await snapshot(host);
  return { server, url: server.url, hostToken: created.facilitatorToken, host, people, state };
}

const start = (socket: ClientSocket, segmentId: string, extra: Record<string, unknown> = {}) =>
  command(socket, { type: 'agenda.start', segmentId, locale: 'nl', ...extra });

describe('A8/A9: Start on a segment over real connections (IPS overview)', () => {
  it('runs the run-of-show: each Start is one batch; private writing then moving on reveals drafts', async () => {
    const { server, url, hostToken, host, people, state } = await ipsSession();
    const [ada] = people;
    const segments = state.agenda.segments;
    const [checkIn, tasks, harvest] = state.boards;
    // S2: boards of later segments stay closed until their segment.
    expect(state.boards.map((b) => b.locked)).toEqual([false, true, true]);
    // Events on one socket arrive in order: after this answer, nothing from before Start is on its way.
    await snapshot(ada!.socket);
    const seen = recordEvents(ada!.socket);

    // Doors open: everyone is brought to the check-in board, in one batch.
    await ok(host, { type: 'agenda.start', segmentId: segments[0]!.id });
    await expect.poll(() => seen.map((e) => e.type)).toEqual(['agenda.currentChanged', 'board.focusChanged']);

    // The four IPS tasks: the board unlocks, private writing starts with an 8-minute timer.
    const before = seen.length;
    await ok(host, { type: 'agenda.start', segmentId: segments[4]!.id });
    await expect
      .poll(() => seen.slice(before).map((e) => e.type))
      .toEqual([
        'board.focusChanged', // A9: the check-in board's focus is released first
        'agenda.currentChanged',
        'timer.changed',
        'board.lockChanged',
        'board.focusChanged',
        'board.phaseChanged',
      ]);
    const batchVersions = seen.slice(before).map((e: SessionEvent) => e.v);
    expect(batchVersions).toEqual(batchVersions.map((_, i) => batchVersions[0]! + i));
    const adaView = await snapshot(ada!.socket);
    expect(adaView.timers[PLENARY]).toMatchObject({ durationMs: 8 * 60_000 });
    expect(adaView.boards.find((b) => b.id === tasks!.id)).toMatchObject({ locked: false, phase: 'private' });
    // V2: the plan stays with facilitators.
    expect(adaView.agenda.segments.every((s) => s.setup === null)).toBe(true);

    // Ada writes a draft; moving on (Break) ends private writing and reveals it onto the board.
    const drafts = await synced(url, `${tasks!.id}/drafts/${ada!.id}`, ada!.token);
    addNote(drafts.doc, { id: 'draft1', text: 'Connection first', color: 'pink', createdAt: 1 });
    const board = await synced(url, tasks!.id, hostToken);
    await expect.poll(() => noteTexts(board.doc)).toEqual([]);
    // The draft must reach the server before the phase ends.
    await expect
      .poll(async () => noteTexts(await stored(server, `${tasks!.id}/drafts/${ada!.id}`)))
      .toEqual(['Connection first']);
    await ok(host, { type: 'agenda.start', segmentId: segments[5]!.id });
    await expect.poll(() => noteTexts(board.doc)).toEqual(['Connection first']);
    const afterBreak = await snapshot(host);
    expect(afterBreak.boards.find((b) => b.id === tasks!.id)?.phase).toBe('open');
    expect(afterBreak.focusBoardId).toBeNull();
    expect(afterBreak.timers[PLENARY]?.label).toBe(afterBreak.agenda.segments[5]!.title);

    // Harvest: the harvest board opens and everyone is brought there; the open floor starts.
    await ok(host, { type: 'agenda.start', segmentId: segments[7]!.id });
    const harvesting = await snapshot(ada!.socket);
    expect(harvesting.focusBoardId).toBe(harvest!.id);
    expect(harvesting.boards.find((b) => b.id === harvest!.id)?.locked).toBe(false);
    expect(harvesting.timers[PLENARY]).toBeUndefined(); // A9: the break's timer was cleared
    expect(checkIn).toBeDefined();
  });

  it('the check-in rooms: created in the facilitator’s language, boards set up, everyone dealt in, open', async () => {
    const { url, hostToken, host, people, state } = await ipsSession();
    const segment = state.agenda.segments[2]!;
    // Whatever the client sends as the draw or the id is replaced by the server's (C5).
    const forged = [people[0]!.id, people[0]!.id];
    await ok(host, {
      type: 'agenda.start',
      segmentId: segment.id,
      locale: 'nl',
      shuffled: forged,
      breakoutId: 'mine01',
    });
    const after = await snapshot(host);
    const current = after.breakouts.current!;
    expect(current.id).not.toBe('mine01');
    expect(current.status).toBe('open');
    expect(current.rooms).toHaveLength(1);
    expect(current.rooms[0]!.name).toMatch(/Deelgroep/);
    expect(Object.keys(current.assignment).sort()).toEqual(people.map((p) => p.id).sort());
    expect(current.endsAt! - Date.now()).toBeGreaterThan(11 * 60_000);
    // BR1: the room's board document is set up from the preset's board template, in Dutch.
    const roomBoard = await synced(url, current.rooms[0]!.boardId, hostToken);
    await expect.poll(() => readMeta(roomBoard.doc).templateId).toBe('check-in');
    expect(readMeta(roomBoard.doc).locale).toBe('nl');
    // Starting it again while the rooms are open is refused whole, naming the part.
    const again = await start(host, segment.id);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!again.ok) expect(again.error.message).toMatch(/^the breakout: /);
    expect((await snapshot(host)).version).toBe(after.version);
  });

  it('a participant sending agenda.start is forbidden', async () => {
    const { people, state } = await ipsSession();
    const ack = await start(people[0]!.socket, state.agenda.segments[0]!.id);
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The Dutch template's setups are the English ones (S4).
    expect(sessionTemplateIn('ips-overview', 'nl')!.segments.map((s) => s.setup)).toEqual(
      sessionTemplateIn('ips-overview')!.segments.map((s) => s.setup),
    );
  });
});
