import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CaptionAck,
  type CaptionLine,
  type CaptionSourceView,
  type CaptionUpdate,
  type CaptionsAck,
  ErrorResponse,
  PLENARY,
} from '@kring/protocol';
import { startKring } from '../src/app';
import { CaptionSoftware } from './caption-software';
import { command, scene } from './boards-harness';
import { ok, roomsWith } from './breakouts-harness';
import {
  type ClientSocket,
  connectSocket,
  registerCleanup,
  restartServer,
  tempDataDir,
  withToken,
} from './harness';

// Issue 12: live captions — the caption URL caption software posts to (CAPTIONS.md), the console's
// socket events, scope (core CA1–CA8), the transcript and its deletion.

/** Every caption update a socket receives. */
function heard(socket: ClientSocket): CaptionUpdate[] {
  const updates: CaptionUpdate[] = [];
  socket.on('caption', (u) => updates.push(u));
  return updates;
}
const linesOf = (updates: readonly CaptionUpdate[]) =>
  updates.flatMap((u) => (u.kind === 'line' ? [u.line.text] : []));

const caption = (socket: ClientSocket, input: unknown) =>
  new Promise<CaptionAck>((resolve) => socket.emit('caption', input, resolve));
const recent = (socket: ClientSocket) =>
  new Promise<CaptionsAck>((resolve) => socket.emit('captions', resolve));

async function sources(url: string, joinCode: string, token: string) {
  const res = await fetch(`${url}/api/sessions/${joinCode}/captions/sources`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as { sources: CaptionSourceView[] } };
}

/** The host adds a caption URL (for `scope`, default the plenary) and reads it back. */
async function captionUrl(
  s: Awaited<ReturnType<typeof scene>>,
  label: string,
  scope?: string,
): Promise<string> {
  await ok(s.host, { type: 'captions.addSource', label, ...(scope ? { scope } : {}) });
  const list = (await sources(s.url, s.joinCode, s.hostToken)).body.sources;
  const url = list.find((x) => x.label === label)?.url;
  if (!url) throw new Error('no caption URL');
  return url;
}

async function transcript(s: { url: string; joinCode: string }, token: string, format = 'txt') {
  const res = await fetch(`${s.url}/api/sessions/${s.joinCode}/captions/transcript?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

const codeOf = (text: string) => ErrorResponse.parse(JSON.parse(text)).error.code;

describe('live captions: the caption URL (caption software)', () => {
  it('posts with seq reach every screen in order; a retried seq is stored once; …/seq resumes, also after a restart', async () => {
    const dataDir = tempDataDir();
    const s = await scene(['Ada', 'Ben'], dataDir);
    const screens = s.people.map((p) => heard(p.socket));
    const url = await captionUrl(s, 'CART');
    const cart = new CaptionSoftware(url);
    expect(await cart.resume()).toBe(0);
    for (const words of ['Welcome, everyone.', 'Let us begin with a check-in.']) {
      expect((await cart.send(words)).status).toBe(200);
    }
    // A retry of seq 2 (the answer got lost on the way back): accepted, changes nothing.
    const retry = await cart.post('Let us begin with a check-in.', 2);
    expect(retry.status).toBe(200);
    expect(JSON.parse(retry.body)).toMatchObject({ ok: true, seq: 2, duplicate: true });
    await cart.send('Line one\nline two of one caption');
    for (const screen of screens) {
      await expect.poll(() => linesOf(screen).length).toBe(3);
      expect(linesOf(screen)).toEqual([
        'Welcome, everyone.',
        'Let us begin with a check-in.',
        'Line one\nline two of one caption',
      ]);
      const first = screen.find((u) => u.kind === 'line');
      expect(first).toMatchObject({ line: { scope: PLENARY, lang: 'en-US', by: { kind: 'url', seq: 1 } } });
    }
    expect(await cart.resume()).toBe(3);
    // A screen that opens now gets the latest lines of its scope.
    const late = await recent(s.people[0]!.socket);
    expect(late.ok && late.lines.map((l) => l.text)).toHaveLength(3);

    const again = await restartServer(s.server, dataDir);
    const software = new CaptionSoftware(url.replace(s.url, again.url));
    expect(await software.resume()).toBe(3);
    const dup = await software.post('Welcome, everyone.', 1);
    expect(JSON.parse(dup.body)).toMatchObject({ duplicate: true });
    expect((await software.send('After the restart.')).status).toBe(200);
    const after = await transcript({ url: again.url, joinCode: s.joinCode }, s.hostToken);
    expect(after.text.match(/Welcome, everyone\./g)).toHaveLength(1);
    expect(after.text).toContain('After the restart.');
  });

  it('posts that overtake each other read in seq order; gaps are tolerated', async () => {
    const s = await scene(['Ada']);
    const screen = heard(s.people[0]!.socket);
    const cart = new CaptionSoftware(await captionUrl(s, 'CART'));
    await cart.post('one', 1);
    await cart.post('three', 3); // seq 2 still on its way
    await caption(s.host, { kind: 'line', text: 'typed by the host' });
    await cart.post('five', 5);
    await cart.post('two', 2); // arrives late
    await cart.post('four', 4); // arrives late
    await expect.poll(() => linesOf(screen).length).toBe(6);
    const got = (await recent(s.people[0]!.socket)) as Extract<CaptionsAck, { ok: true }>;
    expect(got.lines.map((l) => l.text)).toEqual([
      'one',
      'two',
      'three',
      'typed by the host',
      'four',
      'five',
    ]);
    const txt = await transcript(s, s.hostToken);
    expect(txt.text.indexOf('two')).toBeLessThan(txt.text.indexOf('three'));
    expect(txt.text.indexOf('four')).toBeLessThan(txt.text.indexOf('five'));
  });

  it('only the signed, unrevoked URL posts; only facilitators and captioners see URLs or make them', async () => {
    const s = await scene(['Ada', 'Cap']);
    const [ada, cap] = s.people as [(typeof s.people)[0], (typeof s.people)[0]];
    await ok(s.host, { type: 'participant.setRole', participantId: cap.id, role: 'captioner' });
    expect((await command(ada.socket, { type: 'captions.addSource', label: 'mine' })).ok).toBe(false);
    expect((await command(cap.socket, { type: 'captions.addSource', label: 'mine' })).ok).toBe(false);
    const url = await captionUrl(s, 'CART');
    expect((await sources(s.url, s.joinCode, ada.token)).status).toBe(403);
    const asCaptioner = await sources(s.url, s.joinCode, cap.token);
    expect(asCaptioner.status).toBe(200);
    expect(asCaptioner.body.sources[0]!.url).toBe(url);

    const wrongSig = new CaptionSoftware(url.replace(/sig=.{4}/, 'sig=AAAA'), 'en-US', 0);
    const refused = await wrongSig.send('injected');
    expect(refused.status).toBe(401);
    expect(codeOf(refused.body)).toBe('unauthorized');
    // The signature covers the session and the URL's id: another id with this signature is refused.
    const [, sessionId, sourceId] = new URL(url).pathname.match(/captions\/([^/]+)\/([^/]+)$/)!;
    const otherId = new CaptionSoftware(url.replace(`/${sourceId}?`, `/${sourceId}x?`), 'en-US', 0);
    expect((await otherId.send('injected')).status).toBe(401);
    expect(sessionId).toBeTruthy();

    const cart = new CaptionSoftware(url);
    expect((await cart.send('before revoking')).status).toBe(200);
    const id = asCaptioner.body.sources[0]!.id;
    await ok(s.host, { type: 'captions.revokeSource', sourceId: id });
    const revoked = await new CaptionSoftware(url, 'en-US', 0).post('after revoking', 2);
    expect(revoked.status).toBe(401);
    expect(JSON.parse(revoked.body).error.message).toMatch(/revoked/);
    expect((await sources(s.url, s.joinCode, s.hostToken)).body.sources[0]).toMatchObject({
      revoked: true,
      url: null,
    });
    const txt = await transcript(s, s.hostToken);
    expect(txt.text).toContain('before revoking');
    expect(txt.text).not.toContain('injected');
    expect(txt.text).not.toContain('after revoking');
  });

  it('bad input gets a named error and the server goes on; an empty post leaves nothing', async () => {
    const s = await scene(['Ada']);
    const url = await captionUrl(s, 'CART');
    const at = (query: string, body: string, type = 'text/plain') =>
      fetch(`${url}${query}`, { method: 'POST', headers: { 'content-type': type }, body }).then(
        async (r) => ({
          status: r.status,
          text: await r.text(),
        }),
      );
    for (const query of [
      '',
      '&seq=0',
      '&seq=abc',
      '&seq=-1',
      '&seq=1.5',
      '&seq=99999999999',
      '&seq=1&seq=2',
    ]) {
      const res = await at(query, 'words');
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(JSON.parse(res.text).error.message).toMatch(/seq/);
    }
    const badLang = await at('&seq=1&lang=not a tag', 'words');
    expect(badLang.status).toBe(400);
    expect(JSON.parse(badLang.text).error.message).toMatch(/lang/);
    expect((await at('&seq=1', 'x'.repeat(5000))).status).toBe(413);
    expect((await at('&seq=1', '   \n  ')).status).toBe(200);
    // Form-encoded or JSON content types still carry the text as it is.
    expect((await at('&seq=2', '{"a":1}', 'application/json')).status).toBe(200);
    expect((await at('&seq=3', 'a=b', 'application/x-www-form-urlencoded')).status).toBe(200);
    const lines = (await recent(s.people[0]!.socket)) as Extract<CaptionsAck, { ok: true }>;
    expect(lines.lines.map((l) => l.text)).toEqual(['{"a":1}', 'a=b']);
    expect(await new CaptionSoftware(url).resume()).toBe(3);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  });

  it('a room’s caption URL posts into that room while it is open, and only its people see the lines', async () => {
    const s = await scene(['Ada', 'Ben', 'Cai']);
    const [ada, ben, cai] = s.people as [(typeof s.people)[0], (typeof s.people)[0], (typeof s.people)[0]];
    const rooms = await roomsWith(
      s.host,
      ['Room A', 'Room B'],
      [
        [ada, 0],
        [ben, 1],
        [cai, 1],
      ],
    );
    const roomB = rooms.rooms[1]!;
    const url = await captionUrl(s, 'Room B CART', roomB.id);
    const closed = await new CaptionSoftware(url, 'nl-NL', 0).send('too early');
    expect(closed.status).toBe(409);
    await ok(s.host, { type: 'breakout.open', durationMs: 600_000 });
    const [a, b, c, h] = [heard(ada.socket), heard(ben.socket), heard(cai.socket), heard(s.host)];
    const cart = new CaptionSoftware(url, 'nl-NL');
    expect((await cart.send('Welkom in kamer B.')).status).toBe(200);
    await expect.poll(() => linesOf(b)).toEqual(['Welkom in kamer B.']);
    await expect.poll(() => linesOf(c)).toEqual(['Welkom in kamer B.']);
    // The host visits room B: from then on they see its captions.
    await ok(s.host, { type: 'breakout.visit', roomId: roomB.id });
    await cart.send('Tweede regel.');
    await expect.poll(() => linesOf(h)).toEqual(['Tweede regel.']);
    // Someone in room A, and the plenary, never get room B's words.
    await caption(s.host, { kind: 'partial', text: 'typing in room B' });
    await expect.poll(() => b.filter((u) => u.kind === 'partial').length).toBe(1);
    expect(a).toEqual([]);
    const inA = (await recent(ada.socket)) as Extract<CaptionsAck, { ok: true }>;
    expect(inA).toMatchObject({ scope: rooms.rooms[0]!.id, lines: [], partials: [] });
    // Ada's transcript download is refused; the harvest she exports carries only what she may read.
    expect((await transcript(s, ada.token)).status).toBe(403);
    await ok(s.host, { type: 'captions.setHarvest', include: true });
    await caption(s.host, { kind: 'line', text: 'Host in room B.' });
    await ok(s.host, { type: 'breakout.visit', roomId: null });
    await caption(s.host, { kind: 'line', text: 'Host in the plenary.' });
    const exportOf = async (token: string) =>
      (await fetch(`${s.url}/api/sessions/${s.joinCode}/export?format=json`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.json())) as { transcript: { text: string; room: string | null }[] | null };
    const adas = await exportOf(ada.token);
    expect(adas.transcript!.map((l) => l.text)).toEqual(['Host in the plenary.']);
    const bens = await exportOf(ben.token);
    expect(bens.transcript!.map((l) => [l.text, l.room])).toEqual([
      ['Welkom in kamer B.', 'Room B'],
      ['Tweede regel.', 'Room B'],
      ['Host in room B.', 'Room B'],
      ['Host in the plenary.', null],
    ]);
    await ok(s.host, { type: 'breakout.close' });
    expect((await cart.send('after closing')).status).toBe(409);
  });

  it('posts per URL and wrong signatures per address are limited (429 with Retry-After)', async () => {
    const server = await startKring({
      dataDir: tempDataDir(),
      port: 0,
      host: '127.0.0.1',
      log: () => {},
      limits: {
        captionPostsPerSource: { points: 3, seconds: 60 },
        lookupMissesPerAddress: { points: 4, seconds: 60 },
      },
    });
    registerCleanup(() => server.close());
    const s = await scene(['Ada']);
    // The scene runs its own server; the limits are the point here, so use a session on this one.
    await s.server.close();
    const created = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Limits' }),
    }).then((r) => r.json() as Promise<{ facilitatorToken: string; joinCode: string }>);
    const host = await connectSocket(server.url, withToken(created.facilitatorToken));
    await ok(host, { type: 'captions.addSource', label: 'CART' });
    const list = (await sources(server.url, created.joinCode, created.facilitatorToken)).body.sources;
    const cart = new CaptionSoftware(list[0]!.url!, 'en-US', 0);
    for (let i = 0; i < 3; i++) expect((await cart.send(`line ${i}`)).status).toBe(200);
    const limited = await fetch(`${list[0]!.url!}&seq=9`, { method: 'POST', body: 'one too many' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const guess = new CaptionSoftware(list[0]!.url!.replace(/sig=[^&]+/, 'sig=guess'), 'en-US', 0);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await guess.post('x', 1)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe('live captions: the console (socket.io)', () => {
  it('captioners and facilitators caption; partials stream, lines replace them; nobody else may', async () => {
    const s = await scene(['Ada', 'Cap', 'Obs']);
    const [ada, cap, obs] = s.people as [(typeof s.people)[0], (typeof s.people)[0], (typeof s.people)[0]];
    await ok(s.host, { type: 'participant.setRole', participantId: cap.id, role: 'captioner' });
    await ok(s.host, { type: 'participant.setRole', participantId: obs.id, role: 'observer' });
    const screen = heard(ada.socket);
    expect(await caption(cap.socket, { kind: 'partial', text: 'Welcome to', speaker: 'Hanna' })).toEqual({
      ok: true,
      line: null,
    });
    await expect
      .poll(() => screen.at(-1))
      .toMatchObject({
        kind: 'partial',
        partial: { participantId: cap.id, text: 'Welcome to', speaker: 'Hanna', scope: PLENARY },
      });
    // A screen that opens now shows it too (on several nodes, once its node heard of it).
    await expect
      .poll(async () => ((await recent(obs.socket)) as Extract<CaptionsAck, { ok: true }>).partials)
      .toMatchObject([{ participantId: cap.id, text: 'Welcome to' }]);
    const sent = await caption(cap.socket, {
      kind: 'line',
      text: 'Welcome to the overview.',
      speaker: 'Hanna',
    });
    expect(sent).toMatchObject({ ok: true, line: { text: 'Welcome to the overview.', speaker: 'Hanna' } });
    await expect.poll(() => linesOf(screen)).toEqual(['Welcome to the overview.']);
    await expect
      .poll(async () => ((await recent(obs.socket)) as Extract<CaptionsAck, { ok: true }>).partials)
      .toEqual([]);
    expect((await caption(s.host, { kind: 'line', text: 'Host line.' })).ok).toBe(true);

    // A client sending partials as fast as it can: the screens get at most one per 100 ms, and the
    // latest words always arrive last.
    const before = screen.filter((u) => u.kind === 'partial').length;
    for (let i = 1; i <= 30; i++) await caption(cap.socket, { kind: 'partial', text: `typing ${i}` });
    await expect
      .poll(() => screen.filter((u) => u.kind === 'partial').at(-1))
      .toMatchObject({
        partial: { text: 'typing 30' },
      });
    expect(screen.filter((u) => u.kind === 'partial').length - before).toBeLessThan(10);
    await caption(cap.socket, { kind: 'partial', text: '' });

    for (const who of [ada, obs]) {
      const refused = await caption(who.socket, { kind: 'line', text: 'not mine to write' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const bad of [
      { kind: 'line', text: '' },
      { kind: 'line', text: 'x'.repeat(501) },
      { kind: 'line', text: 'ok', speaker: 'y'.repeat(61) },
      { kind: 'shout', text: 'hi' },
      { kind: 'line', text: 'hi', lang: 'not a tag' },
      'just a string',
    ]) {
      expect(await caption(cap.socket, bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(linesOf(screen)).toEqual(['Welcome to the overview.', 'Host line.']);
  });

  it('a captioner corrects their own last line, nothing else; a new role or a disconnect clears their partial', async () => {
    const s = await scene(['Ada', 'Cap']);
    const [ada, cap] = s.people as [(typeof s.people)[0], (typeof s.people)[0]];
    await ok(s.host, { type: 'participant.setRole', participantId: cap.id, role: 'captioner' });
    const screen = heard(ada.socket);
    const first = (
      (await caption(cap.socket, { kind: 'line', text: 'teh first line' })) as { line: CaptionLine }
    ).line;
    const second = (
      (await caption(cap.socket, { kind: 'line', text: 'teh second' })) as { line: CaptionLine }
    ).line;
    const hostLine = ((await caption(s.host, { kind: 'line', text: 'host words' })) as { line: CaptionLine })
      .line;
    expect(
      await caption(cap.socket, { kind: 'correct', lineId: first.id, text: 'the first line' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await caption(cap.socket, { kind: 'correct', lineId: hostLine.id, text: 'edited' })).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
    expect(await caption(cap.socket, { kind: 'correct', lineId: 'nosuchline', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const fixed = await caption(cap.socket, { kind: 'correct', lineId: second.id, text: 'the second' });
    expect(fixed).toMatchObject({ ok: true, line: { id: second.id, text: 'the second' } });
    await expect
      .poll(() => screen.find((u) => u.kind === 'corrected'))
      .toMatchObject({
        line: { id: second.id, text: 'the second', editedAt: expect.any(Number) },
      });
    const txt = await transcript(s, s.hostToken);
    expect(txt.text).toMatch(/the second \(corrected\)/);
    expect(txt.text).not.toContain('teh second');

    await caption(cap.socket, { kind: 'partial', text: 'half a sen' });
    await expect
      .poll(() => screen.filter((u) => u.kind === 'partial').at(-1))
      .toMatchObject({
        partial: { text: 'half a sen' },
      });
    // Made a participant mid-sentence: their half-typed words leave the screens.
    const lastPartial = () => screen.filter((u) => u.kind === 'partial').at(-1);
    await ok(s.host, { type: 'participant.setRole', participantId: cap.id, role: 'participant' });
    await expect.poll(lastPartial).toMatchObject({ partial: { participantId: cap.id, text: '' } });
    await ok(s.host, { type: 'participant.setRole', participantId: cap.id, role: 'captioner' });
    await caption(cap.socket, { kind: 'partial', text: 'and again' });
    await expect.poll(lastPartial).toMatchObject({ partial: { text: 'and again' } });
    cap.socket.disconnect();
    await expect.poll(lastPartial).toMatchObject({ partial: { participantId: cap.id, text: '' } });
  });

  it('a captioner who goes to a room captions that room: its members read the lines, the plenary and the projector do not', async () => {
    const s = await scene(['Ada', 'Ben', 'Cap']);
    const [ada, ben, cap] = s.people as [(typeof s.people)[0], (typeof s.people)[0], (typeof s.people)[0]];
    await ok(s.host, { type: 'participant.setRole', participantId: cap.id, role: 'captioner' });
    const rooms = await roomsWith(
      s.host,
      ['One', 'Two'],
      [
        [ada, 0],
        [ben, 1],
      ],
    );
    await ok(s.host, { type: 'breakout.open', durationMs: 600_000 });
    await ok(cap.socket, { type: 'breakout.visit', roomId: rooms.rooms[1]!.id });
    // The projector opened with the host's token shows the plenary, even while the host visits a room.
    const projector = await connectSocket(s.url, { ...withToken(s.hostToken), screen: 'projector' });
    const [a, b, h, p] = [heard(ada.socket), heard(ben.socket), heard(s.host), heard(projector)];
    await caption(cap.socket, { kind: 'line', text: 'In room two.' });
    await expect.poll(() => linesOf(b)).toEqual(['In room two.']);
    await caption(s.host, { kind: 'line', text: 'The plenary speaks.' });
    await expect.poll(() => linesOf(h)).toEqual(['The plenary speaks.']);
    await expect.poll(() => linesOf(p)).toEqual(['The plenary speaks.']);
    await ok(s.host, { type: 'breakout.visit', roomId: rooms.rooms[1]!.id });
    await caption(cap.socket, { kind: 'line', text: 'Room two again.' });
    await expect.poll(() => linesOf(h)).toEqual(['The plenary speaks.', 'Room two again.']);
    const onProjector = (await recent(projector)) as Extract<CaptionsAck, { ok: true }>;
    expect(onProjector).toMatchObject({ scope: PLENARY, lines: [{ text: 'The plenary speaks.' }] });
    expect(linesOf(p)).toEqual(['The plenary speaks.']);
    expect(linesOf(a)).toEqual([]);
    expect(linesOf(b)).toEqual(['In room two.', 'Room two again.']);
    await ok(s.host, { type: 'breakout.visit', roomId: null });
    await ok(s.host, { type: 'breakout.close' });
    await caption(cap.socket, { kind: 'line', text: 'Back together.' });
    for (const screen of [a, b, h, p]) await expect.poll(() => linesOf(screen).at(-1)).toBe('Back together.');
  });
});

describe('live captions: the transcript', () => {
  it('facilitators download it as text, WebVTT and JSON; deleting it clears screens and leaves no trace in the file', async () => {
    const dataDir = tempDataDir();
    const s = await scene(['Ada'], dataDir);
    const screen = heard(s.people[0]!.socket);
    await caption(s.host, { kind: 'line', text: 'Zanzibar lighthouse keeper', speaker: 'Hanna' });
    await new CaptionSoftware(await captionUrl(s, 'CART')).send('Quetzalcoatl <b>bold</b> --> arrow');
    const txt = await transcript(s, s.hostToken);
    expect(txt.status).toBe(200);
    expect(txt.type).toMatch(/text\/plain/);
    expect(txt.text).toMatch(/^Transcript: Reflection/);
    expect(txt.text).toMatch(
      /== Plenary ==\n\[0:00:00\] Hanna: Zanzibar lighthouse keeper\n\[0:00:0\d\] Quetzalcoatl/,
    );
    const vtt = await transcript(s, s.hostToken, 'vtt');
    expect(vtt.type).toMatch(/text\/vtt/);
    expect(vtt.text).toMatch(
      /^WEBVTT\n\n1\n00:00:00\.000 --> 00:00:0\d\.\d{3}\n<v Hanna>Zanzibar lighthouse keeper\n\n2\n/,
    );
    expect(vtt.text).toContain('Quetzalcoatl &lt;b&gt;bold&lt;/b&gt; --&gt; arrow');
    const json = JSON.parse((await transcript(s, s.hostToken, 'json')).text) as {
      lines: Record<string, unknown>[];
    };
    expect(json.lines).toMatchObject([
      { speaker: 'Hanna', text: 'Zanzibar lighthouse keeper', source: 'console', scope: 'plenary' },
      { speaker: null, source: 'caption-url', lang: 'en-US' },
    ]);
    expect(JSON.stringify(json)).not.toContain(s.hostId);
    expect((await transcript(s, s.hostToken, 'pdf')).status).toBe(400);
    expect((await transcript(s, s.people[0]!.token)).status).toBe(403);
    // Off by default in the harvest; on when the facilitators choose it.
    const md = () =>
      fetch(`${s.url}/api/sessions/${s.joinCode}/export?format=md`, {
        headers: { authorization: `Bearer ${s.people[0]!.token}` },
      }).then((r) => r.text());
    expect(await md()).not.toContain('Zanzibar');
    await ok(s.host, { type: 'captions.setHarvest', include: true });
    expect(await md()).toMatch(/## Transcript\n\n```text\n[\s\S]*Hanna: Zanzibar lighthouse keeper/);

    const participantDelete = await fetch(`${s.url}/api/sessions/${s.joinCode}/captions/transcript`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${s.people[0]!.token}` },
    });
    expect(participantDelete.status).toBe(403);
    const deleted = await fetch(`${s.url}/api/sessions/${s.joinCode}/captions/transcript`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${s.hostToken}` },
    });
    expect(deleted.status).toBe(204);
    await expect.poll(() => screen.at(-1)).toEqual({ kind: 'cleared' });
    expect(((await recent(s.people[0]!.socket)) as Extract<CaptionsAck, { ok: true }>).lines).toEqual([]);
    expect((await transcript(s, s.hostToken)).text).toContain('No captions.');
    // Deleted means gone from disk: neither the database file nor its WAL holds the words.
    for (const file of readdirSync(dataDir).filter((f) => f.startsWith('kring.db'))) {
      const bytes = readFileSync(join(dataDir, file)).toString('latin1');
      expect({ file, found: bytes.includes('Zanzibar') || bytes.includes('Quetzalcoatl') }).toEqual({
        file,
        found: false,
      });
    }
  });
});
