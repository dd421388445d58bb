import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  command,
  connectSocket,
  createSession,
  provider,
  registerCleanup,
  snapshot,
  startServer,
  tempDataDir,
  withToken,
} from '../../test/harness';
import { type KringOptions, startKring } from '../app';
import { SqliteStore } from '../store/sqlite';

/** A server started on its own terms (host, token, store), closed after the test. */
async function start(opts: Partial<KringOptions> = {}) {
  const server = await startKring({
    dataDir: tempDataDir(),
    port: 0,
    host: '127.0.0.1',
    log: () => {},
    ...opts,
  });
  registerCleanup(() => server.close());
  return server;
}

/** The value of one sample line in the text exposition (undefined: no such line). */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

const scrape = async (base: string) => (await fetch(`${base}/metrics`)).text();

/** This machine's first address that is not loopback (to be a caller from elsewhere). */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

describe('GET /metrics', () => {
  it('counts connections, commands, board updates and store operations of this server', async () => {
    const server = await startServer();
    const base = `http://127.0.0.1:${server.port}`;
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const empty = await res.text();
    expect(sample(empty, 'kring_socket_connections')).toBe(0);
    expect(empty).toContain('nodejs_eventloop_lag_seconds');

    const session = await createSession(base);
    const host = await connectSocket(base, withToken(session.facilitatorToken));
    const boardId = (await snapshot(host)).boards[0]!.id;
    expect(await command(host, { type: 'note.add', boardId, text: 'words', color: 'green' })).toMatchObject({
      ok: true,
    });
    expect(await command(host, { type: 'no.such.command' })).toMatchObject({ ok: false });
    provider(base, boardId, session.facilitatorToken);

    await expect.poll(async () => sample(await scrape(base), 'kring_board_connections')).toBe(1);
    const text = await scrape(base);
    expect(sample(text, 'kring_socket_connections')).toBe(1);
    expect(sample(text, 'kring_commands_total{type="note.add",outcome="ok"}')).toBe(1);
    expect(sample(text, 'kring_commands_total{type="invalid",outcome="bad_request"}')).toBe(1);
    expect(sample(text, 'kring_command_duration_seconds_count{type="note.add"}')).toBe(1);
    expect(sample(text, 'kring_board_updates_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'kring_store_operation_duration_seconds_count{operation="createSession"}')).toBe(1);
    expect(text).not.toContain('words');

    // Another server in the same process counts on its own.
    const other = await startServer();
    const otherText = await scrape(`http://127.0.0.1:${other.port}`);
    expect(otherText).not.toContain('type="note.add"');
    expect(sample(otherText, 'kring_socket_connections')).toBe(0);
  });

  it('without a token, answers only this machine: a forwarded request or another address gets 404', async () => {
    const server = await start({ host: '0.0.0.0' });
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(200);
    const viaProxy = await fetch(`http://127.0.0.1:${server.port}/metrics`, {
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(viaProxy.status).toBe(404);
    const forwarded = await fetch(`http://127.0.0.1:${server.port}/metrics`, {
      headers: { forwarded: 'for=127.0.0.1' },
    });
    expect(forwarded.status).toBe(404);
    if (outside) expect((await fetch(`http://${outside}:${server.port}/metrics`)).status).toBe(404);
  });

  it('with a token, asks for it from everyone, this machine included', async () => {
    const token = 'metrics-token-for-tests-0123456789';
    const server = await start({ host: '0.0.0.0', metricsToken: token });
    const local = `http://127.0.0.1:${server.port}/metrics`;
    expect((await fetch(local)).status).toBe(401);
    expect((await fetch(local, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(local, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    if (outside) {
      const remote = `http://${outside}:${server.port}/metrics`;
      expect((await fetch(remote)).status).toBe(401);
      const res = await fetch(remote, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('kring_commands_total');
    }
  });
});

describe('GET /api/ready', () => {
  it('is ready while the store answers, and not once shutting down; /api/health stays live', async () => {
    const server = await startServer();
    const ready = () =>
      fetch(`${server.url}/api/ready`).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(await ready()).toEqual({ status: 200, body: { ready: true } });
    server.markShuttingDown();
    expect(await ready()).toEqual({ status: 503, body: { ready: false, shuttingDown: true } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('is not ready when the store does not answer', async () => {
    const store = new SqliteStore(tempDataDir());
    let broken = false;
    const answer = store.sessionExpiry.bind(store);
    store.sessionExpiry = (id) => (broken ? Promise.reject(new Error('database is locked')) : answer(id));
    const server = await start({ store });
    const ready = () =>
      fetch(`${server.url}/api/ready`).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect((await ready()).status).toBe(200);
    broken = true;
    expect(await ready()).toEqual({ status: 503, body: { ready: false, checks: { store: 'down' } } });
    broken = false;
    expect((await ready()).status).toBe(200);
  });
});
