import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** An HTTP server listening before the app exists; `open(app)` hands it what came and what comes. */
export interface EarlyServer {
  /** The listening server: it owns the connections (close it, read its address). */
  server: Server;
  /**
   * From now on every request and upgrade goes to `app`'s handlers (express, socket.io, boards),
   * which are on a server of their own that never listens; those that waited go first, in order.
   */
  open(app: Server): void;
}

type Held =
  | { kind: 'request'; req: IncomingMessage; res: ServerResponse }
  | { kind: 'upgrade'; req: IncomingMessage; socket: Duplex; head: Buffer };

/**
 * Listens on `port` at once and keeps every request and upgrade that arrives until `open()`.
 *
 * Why (issue 14): after a restart people's clients try again 125–375 ms after the old process went
 * down. Loading the server's code and opening its store takes longer than that, and a try that finds
 * the port closed costs a person a longer backoff (up to 750 ms more). Listening first, the way a
 * socket handed over by the system waits in the kernel's queue, their first try connects and is
 * answered as soon as the app is there. Nothing is answered early: health and readiness wait too.
 *
 * The app's handlers stay on a server of their own (socket.io wraps the 'request' handlers it finds
 * on the server it attaches to); this one only passes each event on to it.
 */
export function listenEarly(port: number, host: string): Promise<EarlyServer> {
  const server = createServer();
  let app: Server | undefined;
  const held: Held[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (app) app.emit('request', req, res);
    else held.push({ kind: 'request', req, res });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (app) app.emit('upgrade', req, socket, head);
    else held.push({ kind: 'upgrade', req, socket, head });
  });
  const open = (to: Server) => {
    for (const h of held.splice(0)) {
      if (h.kind === 'request') to.emit('request', h.req, h.res);
      else if (!h.socket.destroyed) to.emit('upgrade', h.req, h.socket, h.head);
    }
    app = to;
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({ server, open });
    });
  });
}
