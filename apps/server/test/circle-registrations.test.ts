import { createServer } from 'node:net';
import {
  CircleCommandResponse,
  RegisterResponse,
  RegistrationList,
  RegistrationView,
  SeriesEventData,
} from '@kring/protocol';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { type KringOptions, type KringServer, startKring } from '../src/app';
import { createCircle, octoberSundays, post, tokenOf } from './circles-harness';
import { onDisk } from './disk';
import { registerCleanup, tempDataDir } from './harness';

/**
 * Registration for a meeting (issue 16, CI20–CI25) over real HTTP: a real server on port 0 with
 * its SQLite file and a clock the test moves, and — for mail — a real SMTP server on port 0.
 */

const START = Date.UTC(2027, 9, 3, 12); // Sunday 3 October 2027, 14:00 in Amsterdam
const END = START + 120 * 60_000;
const KEY = '2027-10-03';
const DAY = 24 * 3600_000;
let now = START - DAY;

type Logged = { level: string; msg: string; fields?: Record<string, unknown> };

async function start(extra: Partial<KringOptions> = {}) {
  const dataDir = tempDataDir();
  const logged: Logged[] = [];
  const server = await startKring({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    log: (level, msg, fields) => logged.push({ level, msg, ...(fields ? { fields } : {}) }),
    clock: () => now,
    ...extra,
  });
  registerCleanup(() => server.close());
  return { server, dataDir, logged };
}

const settings = {
  open: true,
  cap: 2,
  consentText: 'We keep your name until two weeks after.',
  askEmail: true,
};

/** Host Hanna's circle, member Ada, the October Sundays with registration (cap 2). */
async function withRegistration(server: KringServer, registration: unknown = settings) {
  const base = server.url;
  const circle = await createCircle(base);
  const run = async (body: unknown, token = circle.hostToken) => {
    const r = await fetch(`${base}/api/circles/${circle.code}/commands`, post(body, token));
    expect(r.status, JSON.stringify(await r.clone().json())).toBe(200);
    return CircleCommandResponse.parse(await r.json());
  };
  const invited = await run({ type: 'member.invite', name: 'Ada Member', role: 'member' });
  const added = await run({
    type: 'series.add',
    title: 'IPS overview',
    plan: octoberSundays,
    visibility: 'link',
  });
  const seriesId = (added.events[0] as { seriesId: string }).seriesId;
  if (registration) await run({ type: 'series.setRegistration', seriesId, registration });
  const meeting = `${base}/api/circles/${circle.code}/series/${seriesId}/meetings/${KEY}`;
  const register = (body: unknown) => fetch(`${meeting}/registrations`, post(body));
  const registered = async (displayName: string, email?: string) => {
    const r = await register({ displayName, consent: true, ...(email ? { email } : {}) });
    expect(r.status, JSON.stringify(await r.clone().json())).toBe(201);
    const body = RegisterResponse.parse(await r.json());
    return { ...body, token: tokenOf(body.personalLink) };
  };
  const own = (token: string, init: RequestInit = {}) =>
    fetch(`${base}/api/circles/${circle.code}/registration`, {
      ...init,
      headers: { authorization: `Bearer ${token}` },
    });
  const hostGet = (path: string, token = circle.hostToken) =>
    fetch(`${meeting}/${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    base,
    circle,
    run,
    seriesId,
    meeting,
    register,
    registered,
    own,
    hostGet,
    memberToken: tokenOf(invited.link!),
  };
}

/** The participant a session URL's token names. */
const participantOf = (sessionUrl: string) =>
  (JSON.parse(Buffer.from(tokenOf(sessionUrl).split('.')[0]!, 'base64url').toString()) as { p: string }).p;

describe('registration for a meeting (issue 16)', () => {
  it('CI21/CI22: places within the cap, then a waiting list in order; a cancel moves the first one up', async () => {
    now = START - DAY;
    const { server } = await start();
    const c = await withRegistration(server);
    const ada = await c.registered('Ada Early');
    const ben = await c.registered('Ben Second');
    const cas = await c.registered('Cas Third');
    const dee = await c.registered('Dee Fourth');
    expect([ada.status, ben.status, cas.status, dee.status]).toEqual([
      'registered',
      'registered',
      'waiting',
      'waiting',
    ]);
    expect(ada.personalLink).toBe(`${c.base}/c/${c.circle.code}/registration#token=${ada.token}`);

    // The event page has the form's settings and the places left of each meeting to come.
    const page = SeriesEventData.parse(
      await (await fetch(`${c.base}/api/circles/${c.circle.code}/series/${c.seriesId}`)).json(),
    );
    expect(page.registration).toEqual(settings);
    expect(page.meetings.find((m) => m.key === KEY)?.placesLeft).toBe(0);
    expect(page.meetings.find((m) => m.key === '2027-10-10')?.placesLeft).toBe(2);

    const seen = RegistrationView.parse(await (await c.own(dee.token)).json());
    expect(seen).toMatchObject({ displayName: 'Dee Fourth', status: 'waiting', waitingPlace: 2, key: KEY });

    const cancelled = await c.own(ada.token, { method: 'DELETE' });
    expect(cancelled.status).toBe(204);
    expect((await c.own(ada.token)).status).toBe(404);
    expect(RegistrationView.parse(await (await c.own(cas.token)).json()).status).toBe('registered');
    expect(RegistrationView.parse(await (await c.own(dee.token)).json())).toMatchObject({
      status: 'waiting',
      waitingPlace: 1,
    });

    // A raised cap moves the rest up (CI22).
    await c.run({
      type: 'series.setRegistration',
      seriesId: c.seriesId,
      registration: { ...settings, cap: 3 },
    });
    expect(RegistrationView.parse(await (await c.own(dee.token)).json()).status).toBe('registered');
  });

  it('CI21: consent is required; closed or unset registration refuses; bad bodies are 400', async () => {
    now = START - DAY;
    const { server } = await start();
    const c = await withRegistration(server, { ...settings, open: false });
    const noConsent = await c.register({ displayName: 'Ada' });
    expect(noConsent.status).toBe(400);
    const falseConsent = await c.register({ displayName: 'Ada', consent: false });
    expect(falseConsent.status).toBe(400);
    expect(await falseConsent.json()).toMatchObject({ error: { code: 'bad_request' } });
    const closed = await c.register({ displayName: 'Ada', consent: true });
    expect(closed.status).toBe(409);
    const badMail = await c.register({ displayName: 'Ada', consent: true, email: 'not-an-address' });
    expect(badMail.status).toBe(400);
    const wrongDate = await fetch(
      c.meeting.replace(KEY, '2027-10-04') + '/registrations',
      post({ displayName: 'A', consent: true }),
    );
    expect(wrongDate.status).toBe(409); // closed is checked before the date
  });

  it('CI23: token kinds are kept apart', async () => {
    now = START - DAY;
    const { server } = await start();
    const c = await withRegistration(server);
    const ada = await c.registered('Ada Early');
    // A registration token is no circle token…
    const asMember = await fetch(`${c.base}/api/circles/${c.circle.code}`, {
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(asMember.status).toBe(401);
    expect((await c.hostGet('registrations', ada.token)).status).toBe(401);
    // …nor a circle token a registration token.
    expect((await c.own(c.circle.hostToken)).status).toBe(401);
    expect((await c.own(c.memberToken, { method: 'DELETE' })).status).toBe(401);
    // A member who is not a host does not see the list.
    expect((await c.hostGet('registrations', c.memberToken)).status).toBe(403);
    expect((await c.hostGet('registrations.csv', c.memberToken)).status).toBe(403);
    // A registration token of another circle is refused here.
    const other = await withRegistration(server);
    const elsewhere = await other.registered('Zed Other');
    expect((await c.own(elsewhere.token)).status).toBe(403);
  });

  it('CI24: hosts read the list and its CSV (never cached), and remove a registrant', async () => {
    now = START - DAY;
    const { server } = await start();
    const c = await withRegistration(server);
    const ada = await c.registered('Ada Early', 'ada@example.org');
    await c.registered('Ben Second');
    await c.registered('=Cas Third', 'cas@example.org');

    const list = RegistrationList.parse(await (await c.hostGet('registrations')).json());
    expect(list).toMatchObject({ cap: 2, registered: 2, waiting: 1 });
    expect(list.registrations.map((r) => [r.displayName, r.email, r.status])).toEqual([
      ['Ada Early', 'ada@example.org', 'registered'],
      ['Ben Second', undefined, 'registered'],
      ['=Cas Third', 'cas@example.org', 'waiting'],
    ]);

    const csv = await c.hostGet('registrations.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('cache-control')).toMatch(/no-store/);
    const text = await csv.text();
    // The circle speaks Dutch (and so its series): the column names too; a formula is defused.
    expect(text.split('\r\n')[0]).toBe('Naam,E-mail,Status,Aangemeld op (UTC)');
    expect(text).toContain('Ada Early,ada@example.org,aangemeld,2027-10-02T12:00:00.000Z');
    expect(text).toContain("'=Cas Third,cas@example.org,wachtlijst");

    const removed = await fetch(`${c.meeting}/registrations/${ada.registrationId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${c.circle.hostToken}` },
    });
    expect(removed.status).toBe(204);
    expect((await c.own(ada.token)).status).toBe(404);
    const after = RegistrationList.parse(await (await c.hostGet('registrations')).json());
    expect(after.registrations.map((r) => [r.displayName, r.status])).toEqual([
      ['Ben Second', 'registered'],
      ['=Cas Third', 'registered'],
    ]);
  });

  it('CI23: a registrant joins when the join opens, as the same participant every time; waiting people do not', async () => {
    now = START - DAY;
    const { server } = await start();
    const c = await withRegistration(server, { ...settings, cap: 1 });
    const ada = await c.registered('Ada Early');
    const ben = await c.registered('Ben Waiting');
    const join = (token: string) =>
      fetch(`${c.base}/api/circles/${c.circle.code}/registration/join`, post({}, token));

    const early = await join(ada.token);
    expect(early.status).toBe(409);

    now = START - 10 * 60_000;
    const first = await join(ada.token);
    expect(first.status, JSON.stringify(await first.clone().json())).toBe(200);
    const { sessionUrl } = (await first.json()) as { sessionUrl: string };
    expect(sessionUrl).toMatch(new RegExp(`^${c.base}/s/[A-Z0-9]+#token=`));
    const second = (await (await join(ada.token)).json()) as { sessionUrl: string };
    expect(participantOf(second.sessionUrl)).toBe(participantOf(sessionUrl));

    const code = /\/s\/([A-Z0-9]+)#/.exec(sessionUrl)![1]!;
    const session = await fetch(`${c.base}/api/sessions/${code}`, {
      headers: { authorization: `Bearer ${tokenOf(sessionUrl)}` },
    });
    expect(session.status).toBe(200);
    expect(JSON.stringify(await session.json())).toContain('Ada Early');

    expect((await join(ben.token)).status).toBe(403);
    now = END;
    expect((await join(ada.token)).status).toBe(409);
  });

  it('CI12/CI25: registrations go with the circle (not on disk after), and 14 days after the meeting', async () => {
    now = START - DAY;
    const { server, dataDir } = await start();
    const c = await withRegistration(server);
    const ada = await c.registered('Ada Early', 'ada.gone@example.org');
    expect(onDisk(dataDir, ['ada.gone@example.org']).length).toBeGreaterThan(0);
    const deleted = await fetch(`${c.base}/api/circles/${c.circle.code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${c.circle.hostToken}` },
    });
    expect(deleted.status).toBe(204);
    expect(await server.store.registrationMeetings()).toEqual([]);
    expect(onDisk(dataDir, ['ada.gone@example.org', 'Ada Early'])).toEqual([]);
    expect((await c.own(ada.token)).status).toBe(404);

    // Another circle's list is swept CIRCLE_LIMITS.registrationKeepDays after its meeting.
    const d = await withRegistration(server);
    const ben = await d.registered('Ben Kept', 'ben.kept@example.org');
    now = END + 14 * DAY - 1;
    await server.registrations.sweep();
    expect((await d.own(ben.token)).status).toBe(200);
    now = END + 14 * DAY;
    await server.registrations.sweep();
    expect((await d.own(ben.token)).status).toBe(404);
    expect(onDisk(dataDir, ['ben.kept@example.org'])).toEqual([]);
  });
});

/** A local SMTP server on port 0 that keeps what it receives. */
async function smtp() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  registerCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, url: `smtp://127.0.0.1:${port}` };
}

/** Quoted-printable soft breaks and escapes undone, so a link reads whole. */
const unquote = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A port nobody listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('registration mail over SMTP (issue 16)', () => {
  it('sends the confirmation with the personal link and the .ics, and the move-up notice', async () => {
    now = START - DAY;
    const mailbox = await smtp();
    const { server, logged } = await start({
      mail: { smtpUrl: mailbox.url, from: 'Kring <kring@example.org>', retryDelaysMs: [50] },
    });
    const c = await withRegistration(server, { ...settings, cap: 1 });
    const ada = await c.registered('Ada Early', 'ada@example.org');
    const ben = await c.registered('Ben Waiting', 'ben@example.org');
    await server.mail.idle();
    // Mail goes out in the background, each on its own: in any order.
    const to = (address: string) => mailbox.received.filter((m) => m.to.includes(address));
    expect(mailbox.received.map((m) => m.to).sort()).toEqual([['ada@example.org'], ['ben@example.org']]);
    const confirmation = unquote(to('ada@example.org')[0]!.raw);
    expect(confirmation).toContain(ada.personalLink);
    // The circle speaks Dutch.
    expect(confirmation).toMatch(/Subject: .*(aangemeld|=\?UTF-8)/i);
    expect(confirmation).toContain('Je bent aangemeld');
    expect(confirmation).toContain('text/calendar');
    expect(unquote(to('ben@example.org')[0]!.raw)).toContain('wachtlijst');

    expect((await c.own(ada.token, { method: 'DELETE' })).status).toBe(204);
    await server.mail.idle();
    expect(mailbox.received).toHaveLength(3);
    expect(mailbox.received[2]!.to).toEqual(['ben@example.org']);
    expect(unquote(mailbox.received[2]!.raw)).toContain(ben.personalLink);
    expect(JSON.stringify(logged)).not.toContain('@example.org');
  });

  it('keeps no address when the series does not ask for one, and sends nothing', async () => {
    now = START - DAY;
    const mailbox = await smtp();
    const { server } = await start({ mail: { smtpUrl: mailbox.url, from: 'kring@example.org' } });
    const c = await withRegistration(server, { ...settings, askEmail: false });
    const ada = await c.registered('Ada Early', 'ada@example.org');
    await server.mail.idle();
    expect(mailbox.received).toEqual([]);
    expect(RegistrationView.parse(await (await c.own(ada.token)).json()).email).toBeUndefined();
  });

  it('registers even when the SMTP server is down; the failure is logged without the address', async () => {
    now = START - DAY;
    const port = await closedPort();
    const { server, logged } = await start({
      mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'kring@example.org', retryDelaysMs: [10, 10] },
    });
    const c = await withRegistration(server);
    const ada = await c.registered('Ada Early', 'ada@example.org');
    expect(ada.status).toBe('registered');
    await server.mail.idle();
    expect(logged.filter((l) => l.msg === 'mail not sent')).toHaveLength(1);
    expect(logged.filter((l) => l.msg === 'mail failed, trying again')).toHaveLength(2);
    expect(JSON.stringify(logged)).not.toContain('ada@example.org');
  });
});
