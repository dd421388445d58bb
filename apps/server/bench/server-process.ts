import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKring } from '../src/app';
import { createLog } from '../src/log';
import { benchPort, processStats } from './ipc';

/**
 * The benchmark's server, in a process of its own so that its memory is its own and the clients
 * do not share its event loop: SQLite in a temporary directory, port 0. Talks to the driver over
 * the fork IPC channel: sends `{ port }` once listening, answers `stats` with its memory and CPU time.
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
  const server = await startKring({
    dataDir,
    port: benchPort(),
    host: '127.0.0.1',
    log: createLog('warn'),
    limits,
  });
  const send = (message: unknown) => process.send?.(message);
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type === 'stats') {
      send({ type: 'stats', stats: processStats(message.gc) });
    } else if (message.type === 'stop') {
      void server.close().finally(() => {
        cleanUp();
        process.exit(0);
      });
    }
  });
  // The driver is gone (it failed, or was stopped): nothing to serve any more.
  process.on('disconnect', () => {
    void server.close().finally(() => {
      cleanUp();
      process.exit(1);
    });
  });
  send({ type: 'listening', port: server.port });
}

void main();
