import { createServer } from 'node:net';

/**
 * A loopback port nobody listens on now, for a process that must be told its port before it starts
 * (the built server takes PORT from its environment, so port 0 would hide it; nginx likewise).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
