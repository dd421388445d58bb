import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { benchPort, processStats } from './ipc';

/**
 * The bare socket.io baseline (same socket.io version as Kring, a process of its own, the same IPC
 * as `server-process.ts`): what the benchmarks' workloads cost before any app. Everyone who
 * connects joins one room and is sent a `welcome` holding the state below, as Kring sends its
 * state on connecting. It answers
 * - `snapshot` with a state-like answer of `argv[2]` bytes of JSON (1000 if left out), or with the
 *   very bytes of the file BENCH_STATE_FILE names (a Kring state, so clients parse the same
 *   structure), built once: the bare server does no per-person work;
 * - `command` (`{ bytes }`) by sending an `events` message of that many bytes of JSON to everyone
 *   in the room, then acknowledging, the way Kring fans a session event out.
 * BENCH_PORT: listen there (a restart on the same port); otherwise any free port.
 */

const STATE_BYTES = Number(process.argv[2] ?? 1000);

/** JSON text of exactly `bytes` (when `bytes` ≥ the wrapper's own length) in the given shape. */
const padded = (bytes: number, wrap: (pad: string) => unknown) =>
  wrap('x'.repeat(Math.max(0, bytes - JSON.stringify(wrap('')).length)));

// JSON bytes, a binary attachment, as Kring's snapshots travel (`SnapshotWire`).
const state = process.env.BENCH_STATE_FILE
  ? readFileSync(process.env.BENCH_STATE_FILE)
  : Buffer.from(JSON.stringify(padded(STATE_BYTES, (pad) => ({ people: pad }))));
/** One message per size, built once: a broadcast encodes its message once for everyone too. */
const batches = new Map<number, unknown>();
const batchOf = (bytes: number) => {
  let batch = batches.get(bytes);
  if (!batch) {
    batch = padded(bytes, (pad) => ({ events: [{ pad }] }));
    batches.set(bytes, batch);
  }
  return batch;
};

async function main(): Promise<void> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    void socket.join('session');
    socket.emit('welcome', { ok: true, kind: 'snapshot', state });
    socket.on('snapshot', (ack: (res: unknown) => void) => ack({ ok: true, state }));
    socket.on('command', (cmd: { bytes?: number }, ack: (res: unknown) => void) => {
      io.to('session').emit('events', batchOf(Number(cmd?.bytes ?? 0)));
      if (typeof ack === 'function') ack({ ok: true, version: 0, serverTime: Date.now() });
    });
  });
  await new Promise<void>((resolve) => http.listen(benchPort(), '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type === 'stats') process.send?.({ type: 'stats', stats: processStats(message.gc) });
    else if (message.type === 'stop') void io.close(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(1));
  process.send?.({ type: 'listening', port });
}

void main();
