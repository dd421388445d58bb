import type { RequestHandler } from 'express';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  CreateSessionResponse,
  ErrorResponse,
  type SessionEvent,
  SessionSummary,
  boardSyncProtocols,
} from '@kring/protocol';
import { startKring } from '../src/app';
import { upgradeStatus } from './boards-harness';
import {
  type ClientSocket,
  command,
  connectSocket,
  createSession,
  joinSession,
  provider,
  registerCleanup,
  sessionSummary,
  snapshot,
  startServer,
  tempDataDir,
  withToken,
} from './harness';

// Issue 9, part 4: who may come in (core J2–J5, RO8, S1), the board credential, security headers.

async function post(url: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const errorCode = (body: unknown) => ErrorResponse.parse(body).error.code;

async function join(base: string, code: string, displayName: string) {
  return post(`${base}/api/sessions/${code}/participants`, { displayName });
}

/** Every event batch a socket receives. */
function recorded(socket: ClientSocket): SessionEvent[] {
  const events: SessionEvent[] = [];
  socket.on('events', (b) => events.push(...b.events));
  return events;
}

/** The refusal a socket.io handshake gets: code and message. */
async function handshakeRefusal(base: string, token: string) {
  try {
    await connectSocket(base, withToken(token));
    return null;
  } catch (err) {
    const data = (err as { data?: { code: string; message: string } }).data;
    return { code: (err as Error).message, message: data?.message };
  }
}

/** A board connection as the browser makes it; tells its close code. */
function boardClient(base: string, room: string, token: string) {
  const conn = provider(base, room, token, { maxBackoffTime: 100 });
  let closedWith: number | null = null;
  conn.p.on('connection-close', (event: { code: number } | null) => {
    if (event) closedWith = event.code;
  });
  return { ...conn, closedWith: () => closedWith };
}

async function scene(hostName = 'Hanna') {
  const server = await startServer();
  const created = await post(`${server.url}/api/sessions`, { title: 'Doors', hostName });
  const s = CreateSessionResponse.parse(created.body);
  const host = await connectSocket(server.url, withToken(s.facilitatorToken));
  const ada = await joinSession(server.url, s.joinCode, 'Ada');
  const adaSocket = await connectSocket(server.url, withToken(ada.token), { reconnection: false });
  const summary = SessionSummary.parse((await sessionSummary(server.url, s.joinCode, ada.token)).body);
  return { server, url: server.url, s, host, ada, adaSocket, board: summary.boards[0]!.id };
}

describe('the host names themselves (S1)', () => {
  it('takes hostName on create; without it the host is "Facilitator"', async () => {
    const server = await startServer();
    const named = await post(`${server.url}/api/sessions`, { title: 'A', hostName: '  Hanna ' });
    expect(named.status).toBe(201);
    const a = CreateSessionResponse.parse(named.body);
    const you = SessionSummary.parse(
      (await sessionSummary(server.url, a.joinCode, a.facilitatorToken)).body,
    ).you;
    expect(you).toMatchObject({ displayName: 'Hanna', role: 'host' });

    const fromTemplate = await post(`${server.url}/api/sessions`, {
      title: 'B',
      templateId: 'intervision',
      hostName: 'Jo',
    });
    const b = CreateSessionResponse.parse(fromTemplate.body);
    expect(
      SessionSummary.parse((await sessionSummary(server.url, b.joinCode, b.facilitatorToken)).body).you
        .displayName,
    ).toBe('Jo');

    const c = await createSession(server.url, 'C');
    expect(
      SessionSummary.parse((await sessionSummary(server.url, c.joinCode, c.facilitatorToken)).body).you
        .displayName,
    ).toBe('Facilitator');
    expect((await post(`${server.url}/api/sessions`, { title: 'D', hostName: ' ' })).status).toBe(400);
  });

  it('RO8: nobody joins or renames themselves to a facilitator’s name (409 name_taken)', async () => {
    const { url, s, ada, adaSocket } = await scene('Hanna');
    const posing = await join(url, s.joinCode, ' HAN NA ');
    expect(posing.status).toBe(409);
    expect(errorCode(posing.body)).toBe('name_taken');
    const rename = await command(adaSocket, {
      type: 'participant.rename',
      participantId: ada.participantId,
      displayName: 'hanna',
    });
    expect(rename).toMatchObject({ ok: false, error: { code: 'name_taken' } });
    expect((await join(url, s.joinCode, 'Hannah')).status).toBe(201);
  });
});

describe('the door (J2)', () => {
  it('closed: a join is refused with door_closed (403); members already in keep coming back', async () => {
    const { url, s, host, ada, adaSocket, board } = await scene();
    expect(await command(adaSocket, { type: 'session.setDoor', open: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await command(host, { type: 'session.setDoor', open: false })).toMatchObject({ ok: true });
    expect((await snapshot(adaSocket)).doorOpen).toBe(false);

    const refused = await join(url, s.joinCode, 'Ben');
    expect(refused.status).toBe(403);
    expect(errorCode(refused.body)).toBe('door_closed');

    // Ada reloads: a new socket, her summary, her board: all still hers.
    adaSocket.disconnect();
    const again = await connectSocket(url, withToken(ada.token));
    expect((await snapshot(again)).participants[ada.participantId]?.displayName).toBe('Ada');
    expect((await sessionSummary(url, s.joinCode, ada.token)).status).toBe(200);
    const conn = boardClient(url, board, ada.token);
    await expect.poll(() => conn.p.synced).toBe(true);

    expect(await command(host, { type: 'session.setDoor', open: true })).toMatchObject({ ok: true });
    expect((await join(url, s.joinCode, 'Ben')).status).toBe(201);
  });
});

describe('a new join code (J4)', () => {
  it('the old code stops working for joins and lookups; members keep their access and learn the new code', async () => {
    const dataDir = tempDataDir();
    const server = await startServer(dataDir);
    const url = server.url;
    const s = await createSession(url, 'Rotate');
    const host = await connectSocket(url, withToken(s.facilitatorToken));
    const ada = await joinSession(url, s.joinCode, 'Ada');
    const adaSocket = await connectSocket(url, withToken(ada.token));
    const adaEvents = recorded(adaSocket);
    const old = s.joinCode;

    // Whatever code a client sends is replaced by one the server draws.
    expect(await command(host, { type: 'session.rotateJoinCode', joinCode: 'QRSTUV' })).toMatchObject({
      ok: true,
    });
    const fresh = (await snapshot(host)).joinCode;
    expect(fresh).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(fresh).not.toBe(old);
    await expect
      .poll(() => adaEvents.find((e) => e.type === 'session.joinCodeChanged'))
      .toMatchObject({ joinCode: fresh });

    expect((await join(url, old, 'Ben')).status).toBe(404);
    expect((await fetch(`${url}/api/sessions/${old}`)).status).toBe(404);
    expect((await sessionSummary(url, old, 'forged.token')).status).toBe(404);
    expect((await join(url, fresh, 'Ben')).status).toBe(201);

    // A member who reloads the old address with their token learns where the session is now.
    const moved = await sessionSummary(url, old, ada.token);
    expect(moved.status).toBe(200);
    expect(SessionSummary.parse(moved.body).joinCode).toBe(fresh);
    expect((await sessionSummary(url, fresh, ada.token)).status).toBe(200);
    expect(await command(adaSocket, { type: 'session.rotateJoinCode' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // The lookup is stored, not only cached: after a restart the new code still leads there.
    host.disconnect();
    adaSocket.disconnect();
    await server.close();
    const restarted = await startServer(dataDir);
    expect((await join(restarted.url, old, 'Cai')).status).toBe(404);
    expect((await join(restarted.url, fresh, 'Cai')).status).toBe(201);
  });
});

describe('signing everyone else out (J5)', () => {
  it('cuts their socket and board connection at once and refuses their token everywhere; the actor carries on', async () => {
    const { url, s, host, ada, adaSocket, board } = await scene();
    const adaEvents = recorded(adaSocket);
    const adaBoard = boardClient(url, board, ada.token);
    const hostBoard = boardClient(url, board, s.facilitatorToken);
    await expect.poll(() => adaBoard.p.synced && hostBoard.p.synced).toBe(true);

    expect(await command(adaSocket, { type: 'session.signOutOthers' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await command(host, { type: 'session.signOutOthers' })).toMatchObject({ ok: true });

    // Told why, then cut.
    await expect
      .poll(() => adaEvents.find((e) => e.type === 'session.signedOut'))
      .toMatchObject({ participantIds: [ada.participantId] });
    await expect.poll(() => adaSocket.connected).toBe(false);
    await expect.poll(() => adaBoard.closedWith()).toBe(4401);

    // Her token is refused at every entrance, saying she was signed out.
    expect(await handshakeRefusal(url, ada.token)).toEqual({ code: 'unauthorized', message: 'signed out' });
    const summary = await sessionSummary(url, s.joinCode, ada.token);
    expect(summary.status).toBe(401);
    expect(ErrorResponse.parse(summary.body).error.message).toBe('signed out');
    expect(await upgradeStatus(url, board, ada.token)).toBe(401);

    // The host keeps working: commands, the board connection, a new socket.
    expect(await command(host, { type: 'hand.raise' })).toMatchObject({ ok: true });
    expect(hostBoard.closedWith()).toBeNull();
    expect(hostBoard.p.wsconnected).toBe(true);
    expect(await handshakeRefusal(url, s.facilitatorToken)).toBeNull();
    expect(await upgradeStatus(url, board, s.facilitatorToken)).toBe(101);

    // Ada can come back as someone new while the door is open.
    const back = await join(url, s.joinCode, 'Ada');
    expect(back.status).toBe(201);
  });
});

describe('the board credential', () => {
  it('refuses a token in the URL (401); takes it as a subprotocol and answers kring.v1', async () => {
    const { url, s, board } = await scene();
    const wsUrl = `${url.replace(/^http/, 'ws')}/yjs/${board}`;
    const inUrl = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${wsUrl}?token=${encodeURIComponent(s.facilitatorToken)}`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => resolve(101));
      ws.on('error', () => resolve(0));
    });
    expect(inUrl).toBe(401);

    const answered = await new Promise<{ header: unknown; protocol: string }>((resolve, reject) => {
      // The token first: a server that took the first offer would echo it back.
      const ws = new WebSocket(wsUrl, boardSyncProtocols(s.facilitatorToken).reverse());
      let header: unknown;
      ws.on('upgrade', (res) => {
        header = res.headers['sec-websocket-protocol'];
      });
      ws.on('open', () => {
        resolve({ header, protocol: ws.protocol });
        ws.close();
      });
      ws.on('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    });
    // Only kring.v1 comes back: the token is never echoed into a response header.
    expect(answered).toEqual({ header: 'kring.v1', protocol: 'kring.v1' });
  });
});

/** Stands in for SvelteKit's handler: a page with its own nonce CSP, and its 404 page. */
const fakeWeb: RequestHandler = (req, res) => {
  res.setHeader('Content-Security-Policy', "script-src 'self' 'nonce-abc123'; frame-ancestors 'none'");
  res
    .status(req.path === '/' ? 200 : 404)
    .type('html')
    .send('<!doctype html><title>Kring</title>');
};

async function serverWithPages(publicUrl?: string) {
  const server = await startKring({
    dataDir: tempDataDir(),
    port: 0,
    host: '127.0.0.1',
    log: () => {},
    webHandler: fakeWeb,
    ...(publicUrl ? { publicUrl } : {}),
  });
  registerCleanup(() => server.close());
  // With a public https address `url` is that address; requests still go to the local port.
  return { server, base: `http://127.0.0.1:${server.port}` };
}

function expectCommonHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('permissions-policy')).toMatch(/(^|, )camera=\(\)/);
  expect(res.headers.get('permissions-policy')).toMatch(/microphone=\(\)/);
  expect(res.headers.get('permissions-policy')).toMatch(/geolocation=\(\)/);
  expect(res.headers.get('x-powered-by')).toBeNull();
}

describe('security headers', () => {
  it('on an API answer: nosniff, no referrer, permissions denied, no-store and a strict CSP', async () => {
    const { base } = await serverWithPages();
    for (const res of [
      await fetch(`${base}/api/health`),
      await fetch(`${base}/api/no-such-endpoint`),
      await fetch(`${base}/api/sessions/ABCDEF`),
    ]) {
      expectCommonHeaders(res);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
      expect(res.headers.get('strict-transport-security')).toBeNull(); // plain http
    }
  });

  it('on a page and a page 404: the same, and the page keeps its own nonce CSP', async () => {
    const { base } = await serverWithPages();
    for (const [path, status] of [
      ['/', 200],
      ['/no-such-page', 404],
    ] as const) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(status);
      expectCommonHeaders(res);
      expect(res.headers.get('content-security-policy')).toBe(
        "script-src 'self' 'nonce-abc123'; frame-ancestors 'none'",
      );
    }
  });

  it("on the build's hashed scripts and styles only what such files obey; anything else there keeps the full set", async () => {
    // Issue 14: HTTP/1.1 sends headers uncompressed, and a join page takes some twenty of these.
    const { base } = await serverWithPages('https://kring.example.org');
    for (const path of ['/_app/immutable/chunks/Ab1_c-D.js', '/_app/immutable/assets/0.OwclYHY8.css']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+$/);
      for (const documentOnly of [
        'permissions-policy',
        'x-frame-options',
        'referrer-policy',
        'cross-origin-opener-policy',
      ])
        expect(res.headers.get(documentOnly), `${documentOnly} on ${path}`).toBeNull();
    }
    // An SVG or page opened on its own is a document.
    for (const path of ['/_app/immutable/assets/icon.svg', '/_app/immutable/../x.js', '/_app/version.json']) {
      expectCommonHeaders(await fetch(`${base}${path}`));
    }
  });

  it('HSTS only when the public address is https', async () => {
    const { base } = await serverWithPages('https://kring.example.org');
    const res = await fetch(`${base}/api/health`);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+$/);
  });
});

describe('a malformed path', () => {
  it('answers 400 bad_request, not 500', async () => {
    const server = await startServer();
    for (const res of [
      await fetch(`${server.url}/api/sessions/%ff%fe`),
      await fetch(`${server.url}/api/sessions/%ff%fe/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ displayName: 'Ada' }),
      }),
      await fetch(`${server.url}/api/sessions/%E0%A4%A/export`),
    ]) {
      expect(res.status).toBe(400);
      expect(errorCode(await res.json())).toBe('bad_request');
    }
  });
});
