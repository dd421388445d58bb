import { addNote, editNoteText, readNotes } from '@kring/board';
import { CircleCommandResponse, CircleView, HarvestSummary, MeetingJoinResponse } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import type { KringServer } from '../src/app';
import { synced, upgradeStatus } from './boards-harness';
import { createCircle, octoberSundays, post, startWithClock, tokenOf } from './circles-harness';
import { startCluster } from './cluster-harness';
import { connectSocket, sessionSummary, snapshot, withToken } from './harness';

/**
 * A circle's lasting boards and kept harvests (issue 16, CI17, CI26–CI28), over real HTTP, real
 * sockets and real board connections: a real server on port 0, its SQLite file, and a clock the
 * test moves from the first Sunday's meeting to the second.
 */

const FIRST = Date.UTC(2027, 9, 3, 12); // Sunday 3 October 2027, 14:00 in Amsterdam
const SECOND = Date.UTC(2027, 9, 10, 12);
let now = FIRST;

/** Host Hanna, member Ada, a lasting "Actions" board and the October Sundays. */
async function circleWithBoard(server: KringServer) {
  const base = server.url;
  const circle = await createCircle(base);
  const run = async (body: unknown, token = circle.hostToken) => {
    const r = await fetch(`${base}/api/circles/${circle.code}/commands`, post(body, token));
    return { status: r.status, body: (await r.json()) as unknown };
  };
  const ok = async (body: unknown) => {
    const r = await run(body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return CircleCommandResponse.parse(r.body);
  };
  const ada = tokenOf((await ok({ type: 'member.invite', name: 'Ada Member', role: 'member' })).link!);
  const added = await ok({
    type: 'circleBoard.add',
    title: 'Actions',
    templateId: 'columns',
    columns: ['To do', 'Doing', 'Done'],
  });
  const boardId = (added.events[0] as { boardId: string }).boardId;
  const series = await ok({
    type: 'series.add',
    title: 'Summit planning',
    plan: octoberSundays,
    visibility: 'link',
  });
  const seriesId = (series.events[0] as { seriesId: string }).seriesId;
  const meetingUrl = (key: string) => `${base}/api/circles/${circle.code}/series/${seriesId}/meetings/${key}`;
  const join = async (key: string, token: string) => {
    const r = await fetch(`${meetingUrl(key)}/join`, post({}, token));
    expect(r.status).toBe(200);
    return MeetingJoinResponse.parse(await r.json());
  };
  const view = async (token: string) => {
    const r = await fetch(`${base}/api/circles/${circle.code}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.status).toBe(200);
    return CircleView.parse(await r.json());
  };
  return { base, circle, ada, boardId, seriesId, run, join, meetingUrl, view };
}

describe("a circle's lasting boards across its meetings (issue 16)", () => {
  it('CI26/CI17: notes written in the first meeting are in the second, on the same board, still their author’s', async () => {
    now = FIRST;
    const server = await startWithClock(() => now);
    const { base, ada, boardId, join, view } = await circleWithBoard(server);
    const adaMemberId = (await view(ada)).you.id;

    // Meeting 1: the lasting board is listed after the session's own, marked lasting.
    const first = await join('2027-10-03', ada);
    const socket1 = await connectSocket(base, withToken(first.token));
    const state1 = await snapshot(socket1);
    expect(state1.boards.map((b) => [b.title, b.lasting])).toEqual([
      ['Bord', false], // the session's own blank board, in the circle's language (Dutch)
      ['Actions', true],
    ]);
    expect(state1.boards.find((b) => b.lasting)?.id).toBe(boardId);
    // CI17: Ada is the same participant in every meeting: her member id.
    const you1 = (await sessionSummary(base, first.sessionCode, first.token)).body.you as { id: string };
    expect(you1.id).toBe(adaMemberId);

    const board1 = await synced(base, boardId, first.token);
    // Set up once, when it was added: the three columns it was given.
    expect(board1.doc.getMap('columns').size).toBe(3);
    addNote(board1.doc, {
      id: 'venue001',
      text: 'Book the venue — Ada, by 1 Nov',
      color: 'yellow',
      authorId: you1.id,
    });
    await expect
      .poll(async () => (await synced(base, boardId, first.token)).doc.getMap('notes').size)
      .toBe(1);
    board1.p.destroy();

    // Meeting 2, a week later: another session, the same board and notes.
    now = SECOND;
    const second = await join('2027-10-10', ada);
    expect(second.sessionCode).not.toBe(first.sessionCode);
    const state2 = await snapshot(await connectSocket(base, withToken(second.token)));
    expect(state2.sessionId).not.toBe(state1.sessionId);
    expect(state2.boards.find((b) => b.lasting)?.id).toBe(boardId);
    const board2 = await synced(base, boardId, second.token);
    const notes = readNotes(board2.doc);
    expect(notes.map((n) => [n.text, n.authorId])).toEqual([['Book the venue — Ada, by 1 Nov', adaMemberId]]);

    // Still hers: the write guard lets her edit her own note from the first meeting.
    editNoteText(board2.doc, 'venue001', 'Venue booked — Ada');
    const check = await synced(base, boardId, second.token);
    await expect.poll(() => readNotes(check.doc)[0]?.text).toBe('Venue booked — Ada');

    // A token of meeting 2 does not open meeting 1's own board (its session's, not the circle's).
    const ownBoard1 = state1.boards.find((b) => !b.lasting)!.id;
    expect(await upgradeStatus(base, ownBoard1, second.token)).toBe(403);
  });

  it("CI26: deleting a meeting's session leaves the lasting board; CI27: a host removes it — connections close, the rows go", async () => {
    now = FIRST;
    const server = await startWithClock(() => now);
    const { base, circle, ada, boardId, run, join, view } = await circleWithBoard(server);
    const host = await join('2027-10-03', circle.hostToken);
    const board = await synced(base, boardId, host.token);
    addNote(board.doc, {
      id: 'decide01',
      text: 'We meet in Utrecht',
      color: 'green',
      authorId: (await view(circle.hostToken)).you.id,
    });
    await expect.poll(async () => readNotes((await synced(base, boardId, host.token)).doc).length).toBe(1);

    // The host ends and deletes meeting 1's session: the circle's board stays.
    const deleted = await fetch(`${base}/api/sessions/${host.sessionCode}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${host.token}` },
    });
    expect(deleted.status).toBe(204);
    now = SECOND;
    const second = await join('2027-10-10', circle.hostToken);
    const kept = await synced(base, boardId, second.token);
    expect(readNotes(kept.doc).map((n) => n.text)).toEqual(['We meet in Utrecht']);

    // A member may not remove it.
    expect((await run({ type: 'circleBoard.remove', boardId }, ada)).status).toBe(403);
    // The host does: the open connection is closed (4404), and it cannot come back.
    const closed = new Promise<number>((resolve) =>
      kept.p.ws?.addEventListener('close', (e) => resolve(e.code)),
    );
    expect((await run({ type: 'circleBoard.remove', boardId })).status).toBe(200);
    expect(await closed).toBe(4404);
    expect(await upgradeStatus(base, boardId, second.token)).toBe(404);
    expect((await view(circle.hostToken)).boards).toEqual([]);
    expect((await run({ type: 'circleBoard.remove', boardId })).status).toBe(404);
  });

  it('CI27 on two nodes: a board removed through node A closes its connections on node B too', async () => {
    now = FIRST;
    const { nodes } = await startCluster(2, { clock: () => now });
    const [a, b] = nodes as [KringServer, KringServer];
    const { circle, boardId, run, join } = await circleWithBoard(a);
    const host = await join('2027-10-03', circle.hostToken);
    const onB = await synced(b.url, boardId, host.token);
    const closed = new Promise<number>((resolve) =>
      onB.p.ws?.addEventListener('close', (e) => resolve(e.code)),
    );
    expect((await run({ type: 'circleBoard.remove', boardId })).status).toBe(200);
    expect(await closed).toBe(4404);
    expect(await upgradeStatus(b.url, boardId, host.token)).toBe(404);
  });

  it('CI28: a host keeps a meeting’s harvest; members read it; it outlives the session; hosts delete it', async () => {
    now = FIRST;
    const server = await startWithClock(() => now);
    const { base, circle, ada, boardId, join, meetingUrl, view } = await circleWithBoard(server);
    const adaIn = await join('2027-10-03', ada);
    const board = await synced(base, boardId, adaIn.token);
    addNote(board.doc, {
      id: 'action01',
      text: 'Ask the respite house about dates',
      color: 'blue',
      authorId: (await view(ada)).you.id,
    });
    await expect.poll(async () => readNotes((await synced(base, boardId, adaIn.token)).doc).length).toBe(1);

    const keep = (token: string, key = '2027-10-03') => fetch(`${meetingUrl(key)}/harvest`, post({}, token));
    expect((await keep(ada)).status).toBe(403);
    expect((await keep(circle.hostToken, '2027-10-17')).status).toBe(404); // no session yet
    const res = await keep(circle.hostToken);
    expect(res.status).toBe(201);
    const harvest = HarvestSummary.parse(await res.json());
    expect(harvest).toMatchObject({ key: '2027-10-03', title: 'Summit planning — 2027-10-03' });

    // Listed for members; its text is the session's Markdown export, as a participant reads it.
    expect((await view(ada)).harvests.map((h) => h.id)).toEqual([harvest.id]);
    const read = (token: string, id = harvest.id) =>
      fetch(`${base}/api/circles/${circle.code}/harvests/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const file = await read(ada);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await file.text();
    expect(text).toContain('Ask the respite house about dates');
    expect(text).toContain('Actions');
    // Keeping it again replaces it: one per meeting.
    const again = HarvestSummary.parse(await (await keep(circle.hostToken)).json());
    expect((await view(ada)).harvests.map((h) => h.id)).toEqual([again.id]);
    expect((await read(ada, harvest.id)).status).toBe(404);

    // Without a token, nothing.
    expect((await fetch(`${base}/api/circles/${circle.code}/harvests/${again.id}`)).status).toBe(401);
    const del = (token: string) =>
      fetch(`${base}/api/circles/${circle.code}/harvests/${again.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await del(ada)).status).toBe(403);
    expect((await del(circle.hostToken)).status).toBe(204);
    expect((await view(ada)).harvests).toEqual([]);
  });
});
