import { CircleCommandResponse, CircleView, SeriesEventData } from '@kring/protocol';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { KringServer } from '../src/app';
import { createCircle, octoberSundays, post, startWithClock, tokenOf } from './circles-harness';
import { createSession } from './harness';

/**
 * Circles over real HTTP (issue 16): a real server on port 0 with its real SQLite file, and a
 * clock the test moves (the day of the first meeting).
 */

const FIRST_MEETING = Date.UTC(2027, 9, 3, 12); // Sunday 3 October 2027, 14:00 in Amsterdam
let now = FIRST_MEETING - 10 * 60_000; // ten minutes before it: its join is open (SE7)

const start = () => startWithClock(() => now);
const json = post;
const auth = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });

async function command(base: string, code: string, token: string, body: unknown) {
  const res = await fetch(`${base}/api/circles/${code}/commands`, json(body, token));
  return { status: res.status, body: (await res.json()) as unknown };
}

function calendarEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      status: c.getFirstPropertyValue('status'),
      sequence: event.sequence,
      url: c.getFirstPropertyValue('url'),
    };
  });
}

/** A circle with a host and an invited member, and the series of five Sundays. */
async function summit(server: KringServer) {
  const base = server.url;
  const circle = await createCircle(base);
  const invited = await command(base, circle.code, circle.hostToken, {
    type: 'member.invite',
    name: 'Ada Member',
    role: 'member',
  });
  expect(invited.status).toBe(200);
  const { link } = CircleCommandResponse.parse(invited.body);
  const memberToken = tokenOf(link!);
  return { base, circle, memberLink: link!, memberToken };
}

describe('circles over HTTP (issue 16)', () => {
  it('a host creates a circle and invites a member, each with a personal link (fragment token)', async () => {
    const server = await start();
    const { base, circle, memberLink, memberToken } = await summit(server);
    expect(circle.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(circle.hostUrl).toBe(`${base}/c/${circle.code}#token=${circle.hostToken}`);
    expect(memberLink.startsWith(`${base}/c/${circle.code}#token=`)).toBe(true);

    // CI14: the host sees everyone; the member sees the hosts and themselves, never a token.
    const hostView = CircleView.parse(
      await (await fetch(`${base}/api/circles/${circle.code}`, auth(circle.hostToken))).json(),
    );
    expect(hostView.members.map((m) => m.name)).toEqual(['Hanna Host', 'Ada Member']);
    expect(hostView).toMatchObject({
      title: 'Summit core group',
      locale: 'nl',
      retentionDays: 90,
      you: { role: 'host' },
    });
    expect(hostView.expiresAt).toBe(now + 90 * 24 * 3600_000);
    const res = await fetch(`${base}/api/circles/${circle.code.toLowerCase()}`, auth(memberToken));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(memberToken);
    expect(text).not.toContain(circle.hostToken);
    expect(CircleView.parse(JSON.parse(text)).you).toMatchObject({ name: 'Ada Member', role: 'member' });
  });

  it('runs the five Sundays: a member may not add a series; the host adds, cancels and moves; event data and calendars follow', async () => {
    const server = await start();
    const { base, circle, memberToken } = await summit(server);
    const add = {
      type: 'series.add',
      title: 'Summit planning',
      description: 'Five Sundays to plan the summit.',
      plan: octoberSundays,
      visibility: 'public',
      accessibility: 'Live captions; a break every hour.',
    };

    // CI3: members read, hosts change.
    const refused = await command(base, circle.code, memberToken, add);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });

    const added = await command(base, circle.code, circle.hostToken, add);
    expect(added.status).toBe(200);
    const [event] = CircleCommandResponse.parse(added.body).events;
    expect(event?.type).toBe('series.added');
    const seriesId = (event as { seriesId: string }).seriesId;
    expect(Buffer.from(seriesId, 'base64url')).toHaveLength(16); // 128 random bits

    const setException = (key: string, exception: unknown) =>
      command(base, circle.code, circle.hostToken, { type: 'series.setException', seriesId, key, exception });
    expect((await setException('2027-10-10', { kind: 'cancel' })).status).toBe(200);
    expect(
      (await setException('2027-10-17', { kind: 'move', date: '2027-10-16', time: '10:00' })).status,
    ).toBe(200);
    // SE5 by name: a date the plan does not have; a move onto another meeting.
    expect(await setException('2027-10-11', { kind: 'cancel' })).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found' } },
    });
    expect(
      await setException('2027-10-24', { kind: 'move', date: '2027-10-31', time: '14:30' }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });

    // The event data: no token, the organiser's zone, instants across the change of DST (SE3).
    const page = await fetch(`${base}/api/circles/${circle.code}/series/${seriesId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-robots-tag')).toBeNull();
    const raw = await page.text();
    for (const secret of ['Hanna Host', 'Ada Member', memberToken, circle.hostToken])
      expect(raw).not.toContain(secret);
    const data = SeriesEventData.parse(JSON.parse(raw));
    expect(data).toMatchObject({
      circleTitle: 'Summit core group',
      title: 'Summit planning',
      timeZone: 'Europe/Amsterdam',
      language: 'nl',
      accessibility: 'Live captions; a break every hour.',
      next: '2027-10-03',
      now,
      calendarUrl: `${base}/api/circles/${circle.code}/series/${seriesId}/calendar.ics`,
    });
    expect(
      data.meetings.map((m) => [m.key, m.status, new Date(m.start).toISOString(), m.localTime, m.joinOpen]),
    ).toEqual([
      ['2027-10-03', 'scheduled', '2027-10-03T12:00:00.000Z', '14:00', true],
      ['2027-10-10', 'cancelled', '2027-10-10T12:00:00.000Z', '14:00', false],
      ['2027-10-17', 'moved', '2027-10-16T08:00:00.000Z', '10:00', false],
      ['2027-10-24', 'scheduled', '2027-10-24T12:00:00.000Z', '14:00', false],
      ['2027-10-31', 'scheduled', '2027-10-31T13:00:00.000Z', '14:00', false],
    ]);
    expect(data.meetings[0]?.url).toBe(`${base}/c/${circle.code}/e/${seriesId}/2027-10-03`);

    // The subscribable feed: every meeting, the cancelled one CANCELLED, the moved one newer.
    const feed = await fetch(data.calendarUrl);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const feedText = await feed.text();
    expect(feedText).toMatch(/REFRESH-INTERVAL|X-PUBLISHED-TTL/);
    const events = calendarEvents(feedText);
    expect(events.map((e) => [e.start, e.status, e.sequence])).toEqual([
      ['2027-10-03T12:00:00.000Z', 'CONFIRMED', 0],
      ['2027-10-10T12:00:00.000Z', 'CANCELLED', 1],
      ['2027-10-16T08:00:00.000Z', 'CONFIRMED', 2],
      ['2027-10-24T12:00:00.000Z', 'CONFIRMED', 0],
      ['2027-10-31T13:00:00.000Z', 'CONFIRMED', 0],
    ]);
    expect(events[2]?.url).toBe(`${base}/c/${circle.code}/e/${seriesId}/2027-10-17`);

    // One meeting's file; a date without a meeting is 404.
    const one = await fetch(data.meetings[2]!.icsUrl);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-disposition')).toContain('attachment');
    expect(calendarEvents(await one.text()).map((e) => [e.uid, e.start])).toEqual([
      [`${seriesId}-2027-10-17@kring.invalid`, '2027-10-16T08:00:00.000Z'],
    ]);
    expect(
      (await fetch(`${base}/api/circles/${circle.code}/series/${seriesId}/meetings/2027-10-18.ics`)).status,
    ).toBe(404);
    expect((await fetch(`${base}/api/circles/${circle.code}/series/${'x'.repeat(22)}`)).status).toBe(404);

    // CI12: the circle is kept 90 days after its last meeting.
    const view = CircleView.parse(
      await (await fetch(`${base}/api/circles/${circle.code}`, auth(circle.hostToken))).json(),
    );
    expect(view.expiresAt).toBe(Date.UTC(2027, 9, 31, 15) + 90 * 24 * 3600_000);
    expect(view.series[0]?.exceptions).toEqual({
      '2027-10-10': { kind: 'cancel' },
      '2027-10-17': { kind: 'move', date: '2027-10-16', time: '10:00' },
    });
  });

  it('a link-only series answers anyone with its URL, with noindex', async () => {
    const server = await start();
    const { base, circle } = await summit(server);
    const added = await command(base, circle.code, circle.hostToken, {
      type: 'series.add',
      title: 'Intervision',
      plan: { ...octoberSundays, repeat: { kind: 'once' } },
      visibility: 'link',
    });
    const seriesId = (CircleCommandResponse.parse(added.body).events[0] as { seriesId: string }).seriesId;
    for (const path of ['', '/calendar.ics', '/meetings/2027-10-01.ics']) {
      const res = await fetch(`${base}/api/circles/${circle.code}/series/${seriesId}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-robots-tag'), path).toContain('noindex');
    }
  });

  it('a circle token is refused by the session API, and a session token by the circle API', async () => {
    const server = await start();
    const { base, circle } = await summit(server);
    const session = await createSession(base);
    const asSession = await fetch(`${base}/api/sessions/${session.joinCode}`, auth(circle.hostToken));
    expect(asSession.status).toBe(401);
    const asCircle = await fetch(`${base}/api/circles/${circle.code}`, auth(session.facilitatorToken));
    expect(asCircle.status).toBe(401);
    const commandAsCircle = await command(base, circle.code, session.facilitatorToken, {
      type: 'circle.update',
      title: 'x',
    });
    expect(commandAsCircle.status).toBe(401);
    // Another circle's link is refused here too.
    const other = await createCircle(base);
    expect((await fetch(`${base}/api/circles/${circle.code}`, auth(other.hostToken))).status).toBe(403);
  });

  it('validates bodies by name, and links stop working on removal or renewal', async () => {
    const server = await start();
    const { base, circle, memberToken } = await summit(server);
    const bad = await command(base, circle.code, circle.hostToken, {
      type: 'series.add',
      title: '',
      plan: octoberSundays,
      visibility: 'public',
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request', message: 'title: must not be empty' } },
    });
    const unknown = await command(base, circle.code, circle.hostToken, { type: 'circle.takeOver' });
    expect(unknown.status).toBe(400);
    const badPlan = await command(base, circle.code, circle.hostToken, {
      type: 'series.add',
      title: 'x',
      plan: { ...octoberSundays, timeZone: 'Europe/Atlantis' },
      visibility: 'public',
    });
    expect(badPlan).toMatchObject({
      status: 400,
      body: { error: { message: 'Europe/Atlantis is not a known time zone' } },
    });
    const badCreate = await fetch(
      `${base}/api/circles`,
      json({ title: 'x', hostName: 'y', timeZone: 'Nowhere/Land' }),
    );
    expect(badCreate.status).toBe(400);
    expect((await fetch(`${base}/api/circles/${circle.code}`)).status).toBe(401);
    expect((await fetch(`${base}/api/circles/ZZZZZZZZ`, auth(memberToken))).status).toBe(404);

    // The member renews their own link: the old one stops working, the new one works.
    const renewed = await command(base, circle.code, memberToken, {
      type: 'member.newLink',
      memberId: await memberId(),
    });
    expect(renewed.status).toBe(200);
    const fresh = tokenOf(CircleCommandResponse.parse(renewed.body).link!);
    expect((await fetch(`${base}/api/circles/${circle.code}`, auth(memberToken))).status).toBe(401);
    expect((await fetch(`${base}/api/circles/${circle.code}`, auth(fresh))).status).toBe(200);

    // CI4 over HTTP: the only host cannot leave.
    const hostLeaves = await command(base, circle.code, circle.hostToken, {
      type: 'member.remove',
      memberId: circle.hostId,
    });
    expect(hostLeaves.status).toBe(409);
    // Removed: the link is refused.
    const removed = await command(base, circle.code, circle.hostToken, {
      type: 'member.remove',
      memberId: await memberId(),
    });
    expect(removed.status).toBe(200);
    expect((await fetch(`${base}/api/circles/${circle.code}`, auth(fresh))).status).toBe(401);

    async function memberId(): Promise<string> {
      const view = CircleView.parse(
        await (await fetch(`${base}/api/circles/${circle.code}`, auth(circle.hostToken))).json(),
      );
      return view.members.find((m) => m.role === 'member')!.id;
    }
  });

  it('DELETE by a host removes everything now (a member may not); then the circle is 404', async () => {
    const server = await start();
    const { base, circle, memberToken } = await summit(server);
    const added = await command(base, circle.code, circle.hostToken, {
      type: 'series.add',
      title: 'Summit planning',
      plan: octoberSundays,
      visibility: 'public',
    });
    const seriesId = (CircleCommandResponse.parse(added.body).events[0] as { seriesId: string }).seriesId;
    const del = (token: string) =>
      fetch(`${base}/api/circles/${circle.code}`, { method: 'DELETE', ...auth(token) });
    expect((await del(memberToken)).status).toBe(403);
    expect((await del(circle.hostToken)).status).toBe(204);
    expect((await fetch(`${base}/api/circles/${circle.code}`, auth(circle.hostToken))).status).toBe(404);
    expect((await fetch(`${base}/api/circles/${circle.code}/series/${seriesId}`)).status).toBe(404);
    expect(await server.store.loadCircleEvents(circle.circleId)).toEqual([]);
  });

  it('CI12: the purge deletes a circle once its last meeting is retentionDays past', async () => {
    const server = await start();
    const { base, circle } = await summit(server);
    await command(base, circle.code, circle.hostToken, { type: 'circle.update', retentionDays: 7 });
    await command(base, circle.code, circle.hostToken, {
      type: 'series.add',
      title: 'Summit planning',
      plan: octoberSundays,
      visibility: 'public',
    });
    await expect
      .poll(() => server.store.circleExpiry(circle.circleId))
      .toBe(Date.UTC(2027, 9, 31, 15) + 7 * 24 * 3600_000);
    const before = now;
    try {
      now = Date.UTC(2027, 10, 7, 14, 59);
      await server.circlePurge.sweep();
      expect((await fetch(`${base}/api/circles/${circle.code}`, auth(circle.hostToken))).status).toBe(200);
      now = Date.UTC(2027, 10, 7, 15);
      await server.circlePurge.sweep();
      expect((await fetch(`${base}/api/circles/${circle.code}`, auth(circle.hostToken))).status).toBe(404);
    } finally {
      now = before;
    }
  });

  it('guessing codes or series ids counts as look-up misses, and is refused once too many', async () => {
    const server = await startWithClock(() => now, { lookupMissesPerAddress: { points: 2, seconds: 600 } });
    const { base, circle } = await summit(server);
    const status = async (path: string, init?: RequestInit) =>
      (await fetch(`${base}/api/circles/${path}`, init)).status;
    expect(await status(`ZZZZZZZZ/series/${'x'.repeat(22)}`)).toBe(404);
    expect(await status(`${circle.code}/series/${'y'.repeat(22)}`)).toBe(404);
    expect(await status('ZZZZZZZY')).toBe(429);
    // Now hits are refused too, so the refusal does not tell a hit from a miss.
    const third = await fetch(`${base}/api/circles/${circle.code}`, auth(circle.hostToken));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).not.toBeNull();
  });
});
