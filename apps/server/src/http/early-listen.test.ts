import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { type EarlyServer, listenEarly } from './early-listen';

/** The app a process builds after listening: a plain handler and a WebSocket endpoint. */
function appServer() {
  const app = createServer((req, res) => res.end(`app saw ${req.method} ${req.url}`));
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws) => ws.send('hello from the app'));
  app.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws)),
  );
  return { app, wss };
}

const open: EarlyServer[] = [];
afterEach(async () => {
  for (const e of open.splice(0)) {
    e.server.closeAllConnections();
    await new Promise((r) => e.server.close(r));
  }
});

async function early(): Promise<{ e: EarlyServer; url: string }> {
  const e = await listenEarly(0, '127.0.0.1');
  open.push(e);
  return { e, url: `127.0.0.1:${(e.server.address() as AddressInfo).port}` };
}

describe('listenEarly (issue 14: the port takes connections while the server code loads)', () => {
  it('holds a request until the app is there, then the app answers it', async () => {
    const { e, url } = await early();
    const arrived = new Promise((r) => e.server.once('request', r));
    const res = fetch(`http://${url}/api/health`).then((r) => r.text());
    // The request has reached the listening server before there is an app; only the app answers it.
    await arrived;
    const { app, wss } = appServer();
    e.open(app);
    expect(await res).toBe('app saw GET /api/health');
    // After opening, requests go straight to the app.
    expect(await (await fetch(`http://${url}/x`, { method: 'POST', body: 'b' })).text()).toBe(
      'app saw POST /x',
    );
    wss.close();
  });

  it('refuses a port already taken (main.ts then exits 2 and says so)', async () => {
    const { url } = await early();
    const port = Number(url.split(':')[1]);
    await expect(listenEarly(port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
  });

  it('holds a WebSocket upgrade until the app is there, and keeps their order', async () => {
    const { e, url } = await early();
    const arrivals: string[] = [];
    const upgraded = new Promise((r) =>
      e.server.once('upgrade', (req) => r(arrivals.push(`upgrade ${req.url}`))),
    );
    const requested = new Promise((r) =>
      e.server.once('request', (req) => r(arrivals.push(`request ${req.url}`))),
    );
    const ws = new WebSocket(`ws://${url}/yjs/board`);
    const first = new Promise<string>((resolve, reject) => {
      ws.once('message', (m) => resolve(String(m)));
      ws.once('error', reject);
    });
    const later = fetch(`http://${url}/after-the-socket`).then((r) => r.text());
    const { app, wss } = appServer();
    const seen: string[] = [];
    app.prependListener('request', (req) => seen.push(`request ${req.url}`));
    app.prependListener('upgrade', (req) => seen.push(`upgrade ${req.url}`));
    // Opened once both have arrived and wait.
    await Promise.all([upgraded, requested]);
    e.open(app);
    expect(await first).toBe('hello from the app');
    expect(await later).toBe('app saw GET /after-the-socket');
    expect(seen).toEqual(arrivals);
    expect(seen).toHaveLength(2);
    ws.close();
    wss.close();
  });
});
