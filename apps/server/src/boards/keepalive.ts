import type { Connection } from './connection';

/**
 * Pings every connection each interval; one that did not answer the previous ping (nor send
 * anything) is cut. Catches clients that vanished without a TCP close (sleeping laptops, lost
 * Wi-Fi), which would otherwise keep their board loaded and their cursor shown forever.
 */
export function startKeepalive(
  connections: () => Iterable<Connection>,
  intervalMs: number,
): { stop(): void } {
  const timer = setInterval(() => {
    for (const conn of connections()) {
      if (!conn.alive) {
        conn.closed = true;
        conn.ws.terminate(); // its 'close' event runs the normal leave
        continue;
      }
      conn.alive = false;
      try {
        conn.ws.ping();
      } catch {
        conn.ws.terminate();
      }
    }
  }, intervalMs);
  timer.unref(); // never what keeps the process alive
  return { stop: () => clearInterval(timer) };
}
