import { addNote } from '@kring/board';
import { PROTOCOL_VERSION, SessionSummary, WS_CLOSE, boardSyncProtocols } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { type KringServer, startKring } from '../src/app';
import { encodeUpdate } from '../src/boards/messages';
import type { LimitTable } from '../src/limits';
import {
  type ClientSocket,
  command,
  connectSocket,
  createSession,
  joinSession,
  provider,
  registerCleanup,
  sessionSummary,
  snapshotAck,
  tempDataDir,
  withToken,
} from './harness';

/** A real server on port 0 with some numbers of the limits table replaced by small ones. */
async function serverWith(limits: Partial<LimitTable> = {}, trustProxy = false): Promise<KringServer> {
  const server = await startKring({
    dataDir: tempDataDir(),
    port: 0,
    host: '127.0.0.1',
    log: () => {},
    limits,
    trustProxy,
  });
  registerCleanup(() => server.close());
  return server;
}

const per = (points: number, seconds = 600) => ({ points, seconds });

async function people(server: KringServer, names: string[]) {
  const s = await createSession(server.url);
  const host = await connectSocket(server.url, withToken(s.facilitatorToken));
  const joined = [];
  for (const name of names) {
    const j = await joinSession(server.url, s.joinCode, name);
    joined.push({ ...j, socket: await connectSocket(server.url, withToken(j.token)) });
  }
  return { s, host, joined };
}

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(await res.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.any(String) } });
}

const disconnected = (socket: ClientSocket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('socket.io commands', () => {
  it('a flooding client gets rate_limited, then is disconnected, while another in the session keeps getting ok', async () => {
    const server = await serverWith({
      commandsPerParticipant: per(10),
      refusalsPerSocket: per(3),
    });
    const { host, joined } = await people(server, ['Ada']);
    const ada = joined[0]!.socket;
    const gone = disconnected(ada);

    const hostAcks = [];
    const adaAcks = [];
    // Junk on purpose: while under the limit zod answers it; over the limit it is refused before zod.
    for (let i = 0; i < 14; i++) {
      adaAcks.push(await command(ada, { type: 'no.such.command' }));
      if (i % 2 === 0) hostAcks.push(await command(host, { type: i % 4 ? 'hand.lower' : 'hand.raise' }));
    }
    expect(adaAcks.slice(0, 10).map((a) => !a.ok && a.error.code)).toEqual(Array(10).fill('bad_request'));
    expect(adaAcks.slice(10).map((a) => !a.ok && a.error.code)).toEqual(Array(4).fill('rate_limited'));
    expect(await gone).toBe('io server disconnect');
    expect(hostAcks.every((a) => a.ok)).toBe(true);

    // Reconnecting right away is refused with a named reason (the cooldown), the host is still fine.
    await expect(connectSocket(server.url, withToken(joined[0]!.token))).rejects.toThrow('rate_limited');
    expect(await command(host, { type: 'hand.raise' })).toMatchObject({ ok: true });
  });

  it('snapshot and clock have a limit of their own, answered with rate_limited', async () => {
    const server = await serverWith({ readsPerParticipant: per(3) });
    const { joined } = await people(server, ['Ada']);
    const ada = joined[0]!.socket;
    expect(await snapshotAck(ada)).toMatchObject({ ok: true });
    await ada.emitWithAck('clock');
    await ada.emitWithAck('clock');
    expect(await snapshotAck(ada)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // Commands are counted apart: reading too much does not stop someone from acting.
    expect(await command(ada, { type: 'hand.raise' })).toMatchObject({ ok: true });
  });

  it('socket.io handshakes are limited per address', async () => {
    const server = await serverWith({ handshakesPerAddress: per(3, 60) });
    const { s } = await people(server, []); // the host's handshake is the first
    await connectSocket(server.url, withToken(s.facilitatorToken));
    await connectSocket(server.url, withToken(s.facilitatorToken));
    await expect(connectSocket(server.url, withToken(s.facilitatorToken))).rejects.toThrow('rate_limited');
  });
});

describe('per-session event cap', () => {
  it('refuses commands once the session stored its events for this minute, still lets people join', async () => {
    const server = await serverWith({ eventsPerSession: per(4, 60) });
    const { s, host, joined } = await people(server, ['Ada']);
    const ada = joined[0]!.socket;
    expect(await command(host, { type: 'hand.raise' })).toMatchObject({ ok: true });
    expect(await command(ada, { type: 'hand.raise' })).toMatchObject({ ok: true });
    expect(await command(host, { type: 'hand.lower' })).toMatchObject({ ok: true });
    expect(await command(ada, { type: 'hand.lower' })).toMatchObject({ ok: true });
    expect(await command(ada, { type: 'hand.raise' })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    expect(await command(host, { type: 'hand.raise' })).toMatchObject({ ok: false });
    // Another session is not affected, and joining is not a command.
    const other = await people(server, []);
    expect(await command(other.host, { type: 'hand.raise' })).toMatchObject({ ok: true });
    await joinSession(server.url, s.joinCode, 'Ben');
  });
});

/** A bare board client that sends what it is told. */
async function rawBoard(url: string, boardId: string, token: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/yjs/${boardId}`, boardSyncProtocols(token));
  let code: number | null = null;
  ws.on('close', (c) => {
    code = c;
  });
  ws.on('error', () => {});
  registerCleanup(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
  });
  return { ws, closeCode: () => code };
}

describe('board connections', () => {
  it("a board flooder's connection is closed with 4429, a normal writer on that board is unaffected", async () => {
    // The person's limit trips with the connection's (the 21st message), so the refusal at the door
    // below does not depend on how many messages the closing connection still read.
    const server = await serverWith({
      boardMessagesPerConnection: per(20, 60),
      boardMessagesPerParticipant: per(20, 60),
    });
    const { s, joined } = await people(server, ['Ada', 'Ben']);
    const summary = SessionSummary.parse(
      (await sessionSummary(server.url, s.joinCode, s.facilitatorToken)).body,
    );
    const boardId = summary.boards[0]!.id;
    const [ada, ben] = joined as [(typeof joined)[0], (typeof joined)[0]];

    const hostView = provider(server.url, boardId, s.facilitatorToken);
    const benView = provider(server.url, boardId, ben.token);
    await expect.poll(() => hostView.p.synced && benView.p.synced).toBe(true);
    let benClosed: number | null = null;
    benView.p.on('connection-close', (event) => {
      benClosed = event?.code ?? 0;
    });

    const flooder = await rawBoard(server.url, boardId, ada.token);
    const local = new Y.Doc();
    const updates: Uint8Array[] = [];
    local.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 60; i++)
      addNote(local, { id: `flood${i}`, text: `f${i}`, color: 'yellow', authorId: ada.participantId });
    for (const u of updates) flooder.ws.send(encodeUpdate(u));
    await expect.poll(() => flooder.closeCode()).toBe(WS_CLOSE.rateLimited);

    // Ben writes as usual, and everyone sees it; his connection was never closed.
    addNote(benView.doc, { id: 'ben', text: 'still here', color: 'blue', authorId: ben.participantId });
    await expect.poll(() => hostView.doc.getMap('notes').has('ben')).toBe(true);
    expect(benClosed).toBeNull();
    // Not every flooded update got in: the connection was cut at its limit.
    const flooded = [...hostView.doc.getMap('notes').keys()].filter((k) => k.startsWith('flood')).length;
    expect(flooded).toBeLessThanOrEqual(20);
    // While over the limit, the flooder's next connection is refused at the door.
    await expect(rawBoard(server.url, boardId, ada.token)).rejects.toThrow('429');
  });

  it('board connections are limited per address (HTTP 429 on the upgrade)', async () => {
    const server = await serverWith({ boardUpgradesPerAddress: per(2, 60) });
    const { s } = await people(server, []);
    const summary = SessionSummary.parse(
      (await sessionSummary(server.url, s.joinCode, s.facilitatorToken)).body,
    );
    const boardId = summary.boards[0]!.id;
    await rawBoard(server.url, boardId, s.facilitatorToken);
    await rawBoard(server.url, boardId, s.facilitatorToken);
    await expect(rawBoard(server.url, boardId, s.facilitatorToken)).rejects.toThrow('429');
  });
});

describe('HTTP', () => {
  it('session creation answers 429 with Retry-After past the limit per address', async () => {
    const server = await serverWith({ sessionCreationsPerAddress: per(3) });
    for (let i = 0; i < 3; i++)
      expect((await post(`${server.url}/api/sessions`, { title: 'T' })).status).toBe(201);
    await expectRateLimited(await post(`${server.url}/api/sessions`, { title: 'T' }));
  });

  it('joins are limited per address and per session', async () => {
    const server = await serverWith({ joinsPerAddress: per(3), joinsPerSession: per(2) }, true);
    const a = await createSession(server.url);
    const b = await createSession(server.url);
    const join = (code: string, from: string) =>
      post(
        `${server.url}/api/sessions/${code}/participants`,
        { displayName: 'P' },
        { 'x-forwarded-for': from },
      );
    // Per session: two people from two places, the third is asked to wait.
    expect((await join(a.joinCode, '198.51.100.1')).status).toBe(201);
    expect((await join(a.joinCode, '198.51.100.2')).status).toBe(201);
    await expectRateLimited(await join(a.joinCode, '198.51.100.3'));
    // Per address: three joins, the fourth waits (also into another session).
    expect((await join(b.joinCode, '198.51.100.9')).status).toBe(201);
    expect((await join(b.joinCode, '198.51.100.9')).status).toBe(201);
    await expectRateLimited(await join(b.joinCode, '198.51.100.9'));
  });

  it('join-code look-ups that miss are limited per address; then hits are refused too', async () => {
    const server = await serverWith({ lookupMissesPerAddress: per(3) });
    const s = await createSession(server.url);
    const missing = s.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    for (let i = 0; i < 3; i++) {
      const res = await post(`${server.url}/api/sessions/${missing}/participants`, { displayName: 'P' });
      expect(res.status).toBe(404);
    }
    await expectRateLimited(
      await post(`${server.url}/api/sessions/${missing}/participants`, { displayName: 'P' }),
    );
    // A blocked address cannot tell a hit from a miss.
    await expectRateLimited(
      await post(`${server.url}/api/sessions/${s.joinCode}/participants`, { displayName: 'P' }),
    );
    await expectRateLimited(await fetch(`${server.url}/api/sessions/${s.joinCode}`));
  });

  it('exports are limited per person', async () => {
    const server = await serverWith({ exportsPerParticipant: per(2) });
    const s = await createSession(server.url);
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const exportAs = (token: string) =>
      fetch(`${server.url}/api/sessions/${s.joinCode}/export?format=json`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await exportAs(ada.token)).status).toBe(200);
    expect((await exportAs(ada.token)).status).toBe(200);
    await expectRateLimited(await exportAs(ada.token));
    expect((await exportAs(s.facilitatorToken)).status).toBe(200);
  });

  it('without TRUST_PROXY, X-Forwarded-For cannot buy a fresh address', async () => {
    const server = await serverWith({ sessionCreationsPerAddress: per(1) });
    const from = (ip: string) =>
      post(`${server.url}/api/sessions`, { title: 'T' }, { 'x-forwarded-for': ip });
    expect((await from('203.0.113.1')).status).toBe(201);
    await expectRateLimited(await from('203.0.113.2'));
  });

  it('with TRUST_PROXY, each client behind the proxy is counted on its own', async () => {
    const server = await serverWith({ sessionCreationsPerAddress: per(1) }, true);
    const from = (ip: string) =>
      post(`${server.url}/api/sessions`, { title: 'T' }, { 'x-forwarded-for': ip });
    expect((await from('203.0.113.1')).status).toBe(201);
    await expectRateLimited(await from('203.0.113.1'));
    expect((await from('203.0.113.2')).status).toBe(201);
  });
});

describe('real use stays below the default limits', () => {
  it('40 people joining from one address within seconds, each connecting and acting at once', async () => {
    const server = await serverWith();
    const s = await createSession(server.url);
    const joins = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(`${server.url}/api/sessions/${s.joinCode}/participants`, { displayName: `Person ${i}` }),
      ),
    );
    expect(joins.map((r) => r.status)).toEqual(Array(40).fill(201));
    const tokens = await Promise.all(joins.map(async (r) => ((await r.json()) as { token: string }).token));
    const sockets = await Promise.all(
      tokens.map((t) => connectSocket(server.url, { token: t, protocolVersion: PROTOCOL_VERSION })),
    );
    const acks = await Promise.all(sockets.map((socket) => command(socket, { type: 'hand.raise' })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    // A facilitator clicking fast: twenty commands in a burst.
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => command(host, { type: i % 2 ? 'hand.lower' : 'hand.raise' })),
    );
    expect(burst.filter((a) => !a.ok && a.error.code === 'rate_limited')).toEqual([]);
  });
});
