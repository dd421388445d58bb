import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io as ioClient } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { bytesBehind, sweepSlowReaders } from './slow-readers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real socket.io server (the version Kring runs) and one real client whose reading we can stop. */
async function pair() {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        // A client that stopped reading never finishes a closing handshake: end its TCP connection.
        http.closeAllConnections();
        void io.close(() => resolve());
      }),
  );
  const connected = new Promise<ServerSocket>((resolve) => io.once('connection', resolve));
  const client = ioClient(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
    transports: ['websocket'],
    reconnection: false,
  });
  cleanups.push(() => client.disconnect());
  const server = await connected;
  return { io, server, client };
}

describe('connections that stop reading (issue 14)', () => {
  it('measures what waits for a real connection, and cuts it once it is too far behind', async () => {
    const { io, server, client } = await pair();
    expect(bytesBehind(server.conn)).toBe(0);
    // The client stops reading its TCP socket (a phone asleep, a hostile client).
    const engine = client.io.engine as unknown as { transport: { ws: { _socket: { pause(): void } } } };
    engine.transport.ws._socket.pause();
    const cut = new Promise<string>((resolve) => server.once('disconnect', resolve));
    const stop = sweepSlowReaders(
      () => io.of('/').sockets.values(),
      () => {},
      {
        everyMs: 20,
        maxBytes: 4 * 1024 * 1024,
      },
    );
    cleanups.push(stop);
    const megabyte = 'x'.repeat(1024 * 1024);
    let sent = 0;
    // Keep writing until the kernel's buffers are full and the server holds the rest.
    while (server.connected && sent < 200) {
      server.emit('news', megabyte);
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await cut).toBe('forced close');
    // It was cut for being behind, long before everything was sent.
    expect(sent).toBeLessThan(200);
  });

  it('leaves alone connections that keep up', async () => {
    const { io, server, client } = await pair();
    let received = 0;
    client.on('news', () => received++);
    const stop = sweepSlowReaders(
      () => io.of('/').sockets.values(),
      () => {},
      { everyMs: 10, maxBytes: 1024 },
    );
    cleanups.push(stop);
    for (let i = 0; i < 50; i++) server.emit('news', 'a short line');
    await expect.poll(() => received).toBe(50);
    await new Promise((resolve) => setTimeout(resolve, 50)); // several sweeps
    expect(server.connected).toBe(true);
  });
});
