import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { listenEarly } from '../src/http/early-listen';
import { benchPort, processStats } from './ipc';

/**
 * The benchmark's server, in a process of its own so that its memory is its own and the clients
 * do not share its event loop: SQLite in a temporary directory, port 0. Talks to the driver over
 * the fork IPC channel: sends `{ port }` once serving, answers `stats` with its memory and CPU time.
 *
 * A restart benchmark starts a second one where the first was: BENCH_DATA_DIR names the directory
 * (kept on stop: it belongs to the driver) and BENCH_PORT the port.
 */
export type { ServerStats } from './ipc';

async function main(): Promise<void> {
  const ownDir = !process.env.BENCH_DATA_DIR;
  const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'kring-bench-'));
  const cleanUp = () => {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  // BENCH_LIMITS (JSON, part of the limits table): a benchmark that joins a thousand people from one
  // address raises the per-address limits it would otherwise trip.
  const limits = process.env.BENCH_LIMITS ? (JSON.parse(process.env.BENCH_LIMITS) as object) : {};
  // As the production entry (src/main.ts) does: listen, then load the server's code. The driver
  // hears of the port at once: a restart is timed from the moment it takes connections, and what
  // waits meanwhile is served once the code is there (http/early-listen.ts).
  const listening = await listenEarly(benchPort(), '127.0.0.1');
  const serving = Promise.all([import('../src/app'), import('../src/log')]).then(
    ([{ startKring }, { createLog }]) => startKring({ dataDir, listening, log: createLog('warn'), limits }),
  );
  const stop = (code: number) =>
    void serving
      .then((server) => server.close())
      .finally(() => {
        cleanUp();
        process.exit(code);
      });
  const send = (message: unknown) => process.send?.(message);
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type === 'stats') send({ type: 'stats', stats: processStats(message.gc) });
    else if (message.type === 'stop') stop(0);
  });
  // The driver is gone (it failed, or was stopped): nothing to serve any more.
  process.on('disconnect', () => stop(1));
  const { port } = listening.server.address() as AddressInfo;
  send({ type: 'listening', port });
}

void main();
