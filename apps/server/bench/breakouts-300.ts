import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type SessionState, evolveCopy } from '@kring/core';
import {
  CreateSessionResponse,
  JoinSessionResponse,
  type SessionEvent,
  type SnapshotAck,
  readSnapshot,
} from '@kring/protocol';
import { type StepResult, kib, mib, table, runMain } from './report';
import { type ClientSocket, command, connect, post } from './clients';
import { type ServerStats, pooled } from './ipc';

/**
 * Breakout rooms at scale: a real server (its own process, SQLite in a temporary directory,
 * port 0), one session, 300 participants each on a real socket.io client that keeps its copy of
 * the session the way the web app does (snapshot, then `evolveCopy` per event, a fresh snapshot
 * when core says so). Then: create 60 rooms, assign at random, open, broadcast, close, open the
 * gallery; for each step, how long from sending the command until each client received its
 * event. Run with `pnpm bench:breakouts` (BENCH_PEOPLE and BENCH_ROOMS change the sizes).
 *
 * All clients share one process (and the machine's cores with the server), so the figures are
 * upper bounds of what one browser per person would see on a local network.
 */

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 300);
const ROOMS = Number(process.env.BENCH_ROOMS ?? 60);
const JOIN_CONCURRENCY = 25;
const STEP_TIMEOUT_MS = 60_000;

/** One person's client: a socket, its cut copy of the session, and when each event type arrived. */
class Client {
  state!: SessionState;
  you = '';
  readonly seen = new Map<SessionEvent['type'], number>();
  snapshots = 0;
  private inFlight = 0;
  private queued = 0;
  /** Events that came while a snapshot was on its way (or before the first); applied after it. */
  private buffered: SessionEvent[] | null = [];

  constructor(readonly socket: ClientSocket) {
    socket.on('events', ({ events }) => {
      // The arrival time first; the copy is updated after the other sockets' messages are read,
      // so one client's work does not count as another's latency.
      const at = performance.now();
      for (const e of events) if (!this.seen.has(e.type)) this.seen.set(e.type, at);
      this.queued++;
      setImmediate(() => {
        this.queued--;
        if (this.buffered) this.buffered.push(...events);
        else this.apply(events);
      });
    });
  }

  async start(): Promise<void> {
    const snap = await snapshotOf(this.socket);
    this.you = snap.you;
    this.state = snap.state;
    const buffered = this.buffered ?? [];
    this.buffered = null;
    this.apply(buffered);
  }

  /** No events waiting and no snapshot on its way: the copy is as current as the server. */
  idle(): boolean {
    return this.inFlight === 0 && this.queued === 0;
  }

  private apply(events: readonly SessionEvent[]): void {
    for (const e of events) {
      if (e.v <= this.state.version) continue;
      const next = evolveCopy(this.state, e, this.you);
      this.state = next.state;
      if (next.snapshot) {
        void this.refresh();
        return; // the snapshot is taken after this batch was stored: it holds the rest of it
      }
    }
  }

  private async refresh(): Promise<void> {
    this.buffered = [];
    this.snapshots++;
    this.inFlight++;
    this.state = (await snapshotOf(this.socket)).state;
    this.inFlight--;
    const buffered = this.buffered;
    this.buffered = null;
    this.apply(buffered);
  }
}

async function snapshotOf(socket: ClientSocket): Promise<Extract<SnapshotAck, { ok: true }>> {
  const snap = await new Promise<SnapshotAck>((resolve) =>
    socket.emit('snapshot', (wire) => resolve(readSnapshot(wire))),
  );
  if (!snap.ok) throw new Error(`snapshot refused: ${snap.error.message}`);
  return snap;
}

async function until(what: string, done: () => boolean): Promise<void> {
  const deadline = performance.now() + STEP_TIMEOUT_MS;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** The server process and a way to ask it for its memory. */
async function startServerProcess(): Promise<{
  url: string;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.on('message', (m: { type: string; port?: number }) => {
      if (m.type === 'listening' && m.port) resolve(m.port);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () =>
      new Promise((resolve) => {
        const onMessage = (m: { type: string; stats?: ServerStats }) => {
          if (m.type !== 'stats' || !m.stats) return;
          child.off('message', onMessage);
          resolve(m.stats);
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' });
      }),
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

async function main(): Promise<void> {
  const server = await startServerProcess();
  const { url } = server;
  const session = await post(`${url}/api/sessions`, { title: 'Breakout benchmark' }, (j) =>
    CreateSessionResponse.parse(j),
  );
  const host = new Client(await connect(url, session.facilitatorToken));
  await host.start();

  const joinStart = performance.now();
  const clients = await pooled(
    Array.from({ length: PEOPLE }, (_, i) => i),
    JOIN_CONCURRENCY,
    async (i) => {
      const joined = await post(
        `${url}/api/sessions/${session.joinCode}/participants`,
        { displayName: `Person ${i + 1}` },
        (j) => JoinSessionResponse.parse(j),
      );
      const client = new Client(await connect(url, joined.token));
      await client.start();
      return client;
    },
  );
  const joinMs = performance.now() - joinStart;
  await until('everyone to be current', () => [host, ...clients].every((c) => c.idle()));
  const before = await server.stats();

  const results: StepResult[] = [];
  const step = async (name: string, event: SessionEvent['type'], cmd: unknown) => {
    const snapshotsBefore = clients.reduce((n, c) => n + c.snapshots, 0);
    const cpuBefore = (await server.stats()).cpuMs;
    const t0 = performance.now();
    const ack = await command(host.socket, cmd);
    const ackMs = performance.now() - t0;
    if (!ack.ok) throw new Error(`${name} refused: ${ack.error.code} ${ack.error.message}`);
    await until(`${event} at every client`, () => clients.every((c) => c.seen.has(event)));
    await until(`every client current after ${name}`, () => [host, ...clients].every((c) => c.idle()));
    const settledMs = performance.now() - t0;
    const serverCpuMs = (await server.stats()).cpuMs - cpuBefore;
    results.push({
      serverCpuMs,
      step: name,
      ackMs,
      latencies: clients.map((c) => c.seen.get(event)! - t0),
      snapshots: clients.reduce((n, c) => n + c.snapshots, 0) - snapshotsBefore,
      settledMs,
    });
  };

  await step(`create ${ROOMS} rooms`, 'breakout.created', {
    type: 'breakout.create',
    rooms: { by: 'count', count: ROOMS },
  });
  await step('assign random', 'breakout.assigned', {
    type: 'breakout.assign',
    assign: { mode: 'random', groups: [] },
  });
  await step('open', 'breakout.opened', { type: 'breakout.open', durationMs: 30 * 60_000 });
  await step('broadcast', 'breakout.broadcast', { type: 'breakout.broadcast', text: 'Ten minutes left' });
  await step('close', 'breakout.closed', { type: 'breakout.close' });
  await step('open gallery', 'breakout.galleryChanged', { type: 'breakout.gallery', open: true });
  const after = await server.stats();

  // Every copy ends where the server is, and the rooms were balanced and placed everyone.
  const version = host.state.version;
  const behind = clients.filter((c) => c.state.version !== version).length;
  const last = host.state.breakouts.history.at(-1);
  const sizes = (last?.groups ?? []).map((g) => g.length);
  const placed = sizes.reduce((a, b) => a + b, 0);

  const out = [
    '',
    `Breakout rooms: ${PEOPLE} participants on real socket.io clients, ${ROOMS} rooms`,
    '',
    table(results),
    '',
    `join + connect + first snapshot, ${PEOPLE} people: ${joinMs.toFixed(0)} ms`,
    `server RSS before the breakout: ${mib(before.rss)} (heap ${mib(before.heapUsed)})`,
    `server RSS after the gallery:   ${mib(after.rss)} (heap ${mib(after.heapUsed)})`,
    `snapshot requests during the steps: ${results.reduce((n, r) => n + r.snapshots, 0)}` +
      ` (one now: ${kib(JSON.stringify(clients[0]!.state).length)} for a participant, ` +
      `${kib(JSON.stringify(host.state).length)} for the host)`,
    `room sizes: ${Math.min(...sizes)}–${Math.max(...sizes)} (${placed} of ${PEOPLE} placed); copies behind the server: ${behind}`,
    '',
  ];
  process.stdout.write(out.join('\n'));
  for (const c of [host, ...clients]) c.socket.disconnect();
  await server.stop();
  if (behind > 0 || placed !== PEOPLE || Math.max(...sizes) - Math.min(...sizes) > 1) process.exitCode = 1;
}

runMain(main);
