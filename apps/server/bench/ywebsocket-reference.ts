import { type IncomingMessage, createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { benchPort, processStats } from './ipc';

/**
 * The board benchmarks' baseline: the reference y-websocket server (`y-websocket` 1.x,
 * `bin/utils`), as someone would run it instead of Kring: documents in memory, nothing stored, no
 * authentication, the room name is the URL path (`ws://host:port/<room>`). Started by the driver
 * through `startServer()` and speaking the same IPC as `server-process.ts`: `{ type: 'listening',
 * port }` once listening, `stats` answered with `processStats()`, exits on `stop`. BENCH_PORT: listen
 * there (a restart on the same port).
 */

// The 1.x package is CommonJS only; its documents live in this process, as in its own bin/server.js.
const require = createRequire(import.meta.url);
const { setupWSConnection } = require('y-websocket-v1/bin/utils') as {
  setupWSConnection(
    conn: WebSocket,
    req: IncomingMessage,
    options?: { docName?: string; gc?: boolean },
  ): void;
};

function main(): void {
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => setupWSConnection(ws, req));
  http.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  const stop = (code: number) => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    http.close(() => process.exit(code));
  };
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type === 'stats') process.send?.({ type: 'stats', stats: processStats(message.gc) });
    else if (message.type === 'stop') stop(0);
  });
  // The driver is gone (it failed, or was stopped): nothing to serve any more.
  process.on('disconnect', () => stop(1));
  // BENCH_PORT: the same port again after a restart (bench:restart); otherwise any free one.
  http.listen(benchPort(), '127.0.0.1', () => {
    process.send?.({ type: 'listening', port: (http.address() as AddressInfo).port });
  });
}

main();
