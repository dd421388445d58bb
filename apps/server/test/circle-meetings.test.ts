import {
  CircleCommandResponse,
  MeetingJoinResponse,
  MeetingOpenPublicResponse,
  SeriesEventData,
} from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import type { KringServer } from '../src/app';
import { createCircle, octoberSundays, post, startWithClock, tokenOf } from './circles-harness';
import {
  command as socketCommand,
  connectSocket,
  joinSession,
  sessionSummary,
  snapshot,
  withToken,
} from './harness';

/**
 * A circle's meeting as a live Kring session (issue 16, CI16–CI19), over real HTTP and a real
 * socket: a real server on port 0, its SQLite file, and a clock the test moves.
 */

const START = Date.UTC(2027, 9, 3, 12); // Sunday 3 October 2027, 14:00 in Amsterdam
const KEY = '2027-10-03';
const DAY = 24 * 3600_000;
let now = START - DAY;

const JoinAnswer = MeetingJoinResponse;
const PublicAnswer = MeetingOpenPublicResponse;
const start = () => startWithClock(() => now);

/** Host Hanna, member Ada, and the five Sundays from the summit-planning template. */
async function summit(server: KringServer, visibility: 'public' | 'link' = 'public') {
  const base = server.url;
  const circle = await createCircle(base);
  const run = async (body: unknown) => {
    const r = await fetch(`${base}/api/circles/${circle.code}/commands`, post(body, circle.hostToken));
    expect(r.status).toBe(200);
    return CircleCommandResponse.parse(await r.json());
  };
  const invited = await run({ type: 'member.invite', name: 'Ada Member', role: 'member' });
  const added = await run({
    type: 'series.add',
    title: 'Summit planning',
    plan: octoberSundays,
    visibility,
    templateId: 'summit-planning',
  });
  const seriesId = (added.events[0] as { seriesId: string }).seriesId;
  const meeting = `${base}/api/circles/${circle.code}/series/${seriesId}/meetings/${KEY}`;
  const join = async (token: string) => {
    const r = await fetch(`${meeting}/join`, post({}, token));
    return { status: r.status, body: (await r.json()) as unknown };
  };
  return { base, circle, seriesId, memberToken: tokenOf(invited.link!), meeting, join, run };
}

async function joined(join: (token: string) => Promise<{ status: number; body: unknown }>, token: string) {
  const answer = await join(token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return JoinAnswer.parse(answer.body);
}

describe('a circle meeting as a live session (issue 16)', () => {
  it('CI16: a host opens early, from the template, in the circle’s language; a member must wait for the window', async () => {
    now = START - DAY;
    const server = await start();
    const { base, circle, memberToken, join } = await summit(server);

    const early = await join(memberToken);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'conflict' } });

    const host = await joined(join, circle.hostToken);
    expect(host.sessionUrl).toBe(`${base}/s/${host.sessionCode}#token=${host.token}`);
    const summary = await sessionSummary(base, host.sessionCode, host.token);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      title: 'Summit planning — 2027-10-03',
      you: { displayName: 'Hanna Host', role: 'host' },
    });
    // From the summit-planning template, in the series' language (the circle's: Dutch).
    const hostSocket = await connectSocket(base, withToken(host.token));
    const agenda = (await snapshot(hostSocket)).agenda.segments.map((s) => s.title);
    expect(agenda.slice(0, 2)).toEqual(['Check-in', 'Agendapunt 1']);

    // Still before the window: the member waits even though the session exists.
    expect((await join(memberToken)).status).toBe(409);
    // The host again: the same participant, a new token that works.
    const again = await joined(join, circle.hostToken);
    expect(again.sessionCode).toBe(host.sessionCode);
    const againSummary = await sessionSummary(base, again.sessionCode, again.token);
    expect((againSummary.body.you as { id: string }).id).toBe((summary.body.you as { id: string }).id);
  });

  it('CI17: in the window a member joins with their circle name, on the socket too, and comes back as the same participant', async () => {
    now = START - 10 * 60_000;
    const server = await start();
    const { base, memberToken, join } = await summit(server);

    // The member is first: the circle's first host is the session's host.
    const ada = await joined(join, memberToken);
    const socket = await connectSocket(base, withToken(ada.token));
    const state = await snapshot(socket);
    const people = Object.values(state.participants).map((p) => [p.displayName, p.role]);
    expect(people).toEqual(
      expect.arrayContaining([
        ['Ada Member', 'participant'],
        ['Hanna Host', 'host'],
      ]),
    );
    const adaId = ((await sessionSummary(base, ada.sessionCode, ada.token)).body.you as { id: string }).id;

    const again = await joined(join, memberToken);
    expect(again.sessionCode).toBe(ada.sessionCode);
    const againId = ((await sessionSummary(base, again.sessionCode, again.token)).body.you as { id: string })
      .id;
    expect(againId).toBe(adaId);
    expect(Object.keys((await snapshot(socket)).participants)).toHaveLength(2);
  });

  it('CI17: a participant the session removed is refused; signed out, the member gets a token at the new epoch', async () => {
    now = START;
    const server = await start();
    const { base, circle, memberToken, join } = await summit(server);
    const host = await joined(join, circle.hostToken);
    const ada = await joined(join, memberToken);
    const hostSocket = await connectSocket(base, withToken(host.token));

    // J5: everyone else signed out; the old token stops, a new entry works again.
    expect((await socketCommand(hostSocket, { type: 'session.signOutOthers' })).ok).toBe(true);
    expect((await sessionSummary(base, ada.sessionCode, ada.token)).status).toBe(401);
    const fresh = await joined(join, memberToken);
    expect((await sessionSummary(base, fresh.sessionCode, fresh.token)).status).toBe(200);

    const adaId = ((await sessionSummary(base, fresh.sessionCode, fresh.token)).body.you as { id: string })
      .id;
    const removed = await socketCommand(hostSocket, { type: 'participant.remove', participantId: adaId });
    expect(removed.ok).toBe(true);
    const refused = await join(memberToken);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('CI16: parallel first calls make one session', async () => {
    now = START - 5 * 60_000;
    const server = await start();
    const { circle, memberToken, join } = await summit(server);
    const answers = await Promise.all(
      [circle.hostToken, memberToken, circle.hostToken, memberToken, memberToken].map((t) => joined(join, t)),
    );
    expect(new Set(answers.map((a) => a.sessionCode)).size).toBe(1);
    const state = await server.circles.get(circle.circleId);
    expect(Object.keys(state!.meetings)).toHaveLength(1);
    const session = await server.sessions.get(Object.values(state!.meetings)[0]!.sessionId);
    // Hanna and Ada, once each.
    expect(
      Object.values(session!.participants)
        .map((p) => p.displayName)
        .sort(),
    ).toEqual(['Ada Member', 'Hanna Host']);
  });

  it('CI19: a visitor of a public series opens the live meeting, gets its join URL and joins by name', async () => {
    now = START - DAY;
    const server = await start();
    const { base, circle, seriesId, meeting } = await summit(server);
    const page = async () =>
      SeriesEventData.parse(
        await (await fetch(`${base}/api/circles/${circle.code}/series/${seriesId}`)).json(),
      ).meetings.find((m) => m.key === KEY)!;

    // Before the window: no join URL, and a visitor cannot open it.
    expect((await page()).joinUrl).toBeUndefined();
    const tooEarly = await fetch(`${meeting}/open-public`, { method: 'POST' });
    expect(tooEarly.status).toBe(409);

    now = START - 10 * 60_000;
    expect((await page()).joinUrl).toBeUndefined(); // join open, but no session yet
    const opened = await fetch(`${meeting}/open-public`, { method: 'POST' });
    expect(opened.status).toBe(200);
    const { joinUrl } = PublicAnswer.parse(await opened.json());
    expect(joinUrl).toMatch(new RegExp(`^${base}/j/[A-HJ-NP-Z2-9]{6}$`));
    expect((await page()).joinUrl).toBe(joinUrl);

    const code = joinUrl.split('/').pop()!;
    const visitor = await joinSession(base, code, 'Vera Visitor');
    const summary = await sessionSummary(base, code, visitor.token);
    expect(summary.body).toMatchObject({ you: { displayName: 'Vera Visitor', role: 'participant' } });
    // The circle's first host hosts it, though a visitor opened it.
    expect(summary.body.participants).toEqual(
      expect.arrayContaining([expect.objectContaining({ displayName: 'Hanna Host', role: 'host' })]),
    );
    // The same meeting again: the same session.
    const twice = PublicAnswer.parse(
      await (await fetch(`${meeting}/open-public`, { method: 'POST' })).json(),
    );
    expect(twice.joinUrl).toBe(joinUrl);
    // After the meeting: no join URL, no opening.
    now = START + 3 * 3600_000;
    expect((await page()).joinUrl).toBeUndefined();
    expect((await fetch(`${meeting}/open-public`, { method: 'POST' })).status).toBe(409);
  });

  it('CI16: deleting the circle deletes its meetings’ sessions; a session deleted on its own answers not_found', async () => {
    now = START;
    const server = await start();
    const { base, circle, memberToken, join } = await summit(server);
    const host = await joined(join, circle.hostToken);
    expect((await sessionSummary(base, host.sessionCode, host.token)).status).toBe(200);

    // The session deleted on its own (as its retention would): the meeting says so clearly.
    const state = await server.circles.get(circle.circleId);
    await server.purge.purge(Object.values(state!.meetings)[0]!.sessionId);
    const gone = await join(memberToken);
    expect(gone.status).toBe(404);
    expect((gone.body as { error: { message: string } }).error.message).toMatch(/deleted/);

    // A second circle: its meeting's session goes with the circle.
    const other = await summit(server);
    const live = await joined(other.join, other.circle.hostToken);
    const del = await fetch(`${base}/api/circles/${other.circle.code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${other.circle.hostToken}` },
    });
    expect(del.status).toBe(204);
    expect((await sessionSummary(base, live.sessionCode, live.token)).status).toBe(404);
    expect((await fetch(`${base}/api/sessions/${live.sessionCode}/privacy`)).status).toBe(404);
  });

  it('a member whose circle name is a facilitator’s in the session is refused by name (CI18)', async () => {
    now = START;
    const server = await start();
    const { circle, join, run } = await summit(server);
    const invited = await run({ type: 'member.invite', name: 'hanna  HOST', role: 'member' });
    await joined(join, circle.hostToken);
    const clash = await join(tokenOf(invited.link!));
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ error: { code: 'name_taken' } });
  });

  it('refuses a bad meeting address, a missing token and a session token', async () => {
    now = START;
    const server = await start();
    const { base, circle, seriesId, join, meeting } = await summit(server);
    expect((await fetch(`${meeting}/join`, post({}))).status).toBe(401);
    const bad = await fetch(
      `${base}/api/circles/${circle.code}/series/${seriesId}/meetings/tomorrow/join`,
      post({}, circle.hostToken),
    );
    expect(bad.status).toBe(400);
    const host = await joined(join, circle.hostToken);
    expect((await join(host.token)).status).toBe(401);
    // A date the series has no meeting on.
    const none = await fetch(
      `${base}/api/circles/${circle.code}/series/${seriesId}/meetings/2027-10-04/join`,
      post({}, circle.hostToken),
    );
    expect(none.status).toBe(404);
  });
});
