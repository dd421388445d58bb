import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { CreateSessionResponse, JoinSessionResponse, type SnapshotAck, readSnapshot } from '@kring/protocol';
import { type ClientSocket, connect, post } from './clients';
import { pooled, processStats } from './ipc';
import { type ServerProcess, startServer } from './process';
import { kib, markdownTable, percentile } from './report';

/**
 * The join storm (issue 14): a thousand people whose tokens are ready all connect at once, each
 * asking for its first state the way the web app does on `connect`. Measured: from the first
 * connect until every one holds its state, per person and for the last one; the server's CPU; how
 * many messages reached the clients meanwhile; the size of a state.
 *
 * Side by side with a bare socket.io server (its own process, same version) that answers each
 * connection's request with the same number of bytes and sends nothing else: what a thousand
 * connects cost before any app. Each repeated `BENCH_RUNS` times, alternating.
 * Run with `pnpm --filter @kring/server bench:join-storm` (`BENCH_PEOPLE`, default 1000, hosts included).
 */

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STORM_TIMEOUT_MS = 120_000;

// ——— The baseline server (this file with --baseline-server) ———

async function baselineServer(): Promise<void> {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  const bytes = Number(process.argv[3] ?? 1000);
  // A state-like answer of the given size, built once (the bare server does no per-person work).
  const state = JSON.stringify({ people: 'x'.repeat(Math.max(0, bytes - 14)) });
  io.on('connection', (socket) => {
    void socket.join('session');
    socket.on('snapshot', (ack: (res: unknown) => void) => ack({ ok: true, state }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') process.send?.({ type: 'stats', stats: processStats() });
    else if (message.type === 'stop') void io.close(() => process.exit(0));
  });
  process.on('disconnect', () => process.exit(1));
  process.send?.({ type: 'listening', port });
}

// ——— The driver ———

interface StormResult {
  kind: 'bare socket.io' | 'Kring';
  run: number;
  /** Per person: from the storm's start until their first state arrived. */
  times: number[];
  serverCpuMs: number;
  /** Messages (other than the state answers) the clients received during the storm. */
  messages: number;
  /** Bytes of the first state a participant (and the host) received. */
  participantBytes: number;
  hostBytes: number;
}

/** Everyone connects at once; each asks for its state on connect. */
async function storm(
  server: ServerProcess,
  tokens: readonly string[],
): Promise<Omit<StormResult, 'kind' | 'run'>> {
  let messages = 0;
  const sizes: number[] = [];
  const sockets: ClientSocket[] = [];
  const cpuBefore = await server.cpuMs();
  const t0 = performance.now();
  const times = await Promise.all(
    tokens.map(async (token, i) => {
      const socket = await connect(server.url, token);
      sockets.push(socket);
      socket.onAny(() => messages++);
      const snap = await new Promise<SnapshotAck>((resolve) =>
        socket.emit('snapshot', (wire) => resolve(readSnapshot(wire))),
      );
      if (!snap.ok) throw new Error(`snapshot refused: ${snap.error.message}`);
      if (i < 2) sizes[i] = JSON.stringify(snap.state).length;
      return performance.now() - t0;
    }),
  );
  const serverCpuMs = (await server.cpuMs()) - cpuBefore;
  for (const s of sockets) s.disconnect();
  return { times, serverCpuMs, messages, hostBytes: sizes[0] ?? 0, participantBytes: sizes[1] ?? 0 };
}

/** A Kring server with one session of `PEOPLE` (a host and participants who joined over HTTP). */
async function kringRun(run: number): Promise<StormResult> {
  const server = await startServer('./server-process.ts', [], {
    BENCH_LIMITS: JSON.stringify({
      joinsPerAddress: { points: 10 * PEOPLE, seconds: 600 },
      joinsPerSession: { points: 10 * PEOPLE, seconds: 600 },
      handshakesPerAddress: { points: 10 * PEOPLE, seconds: 60 },
    }),
  });
  try {
    const session = await post(`${server.url}/api/sessions`, { title: 'Join storm' }, (j) =>
      CreateSessionResponse.parse(j),
    );
    const joined = await pooled(
      Array.from({ length: PEOPLE - 1 }, (_, i) => i),
      25,
      (i) =>
        post(
          `${server.url}/api/sessions/${session.joinCode}/participants`,
          { displayName: `Person ${i + 1}` },
          (j) => JoinSessionResponse.parse(j),
        ),
    );
    const result = await withTimeout(
      storm(server, [session.facilitatorToken, ...joined.map((j) => j.token)]),
    );
    return { kind: 'Kring', run, ...result };
  } finally {
    await server.stop();
  }
}

async function bareRun(run: number, bytes: number): Promise<StormResult> {
  const server = await startServer('./join-storm.ts', ['--baseline-server', String(bytes)]);
  try {
    const result = await withTimeout(
      storm(
        server,
        Array.from({ length: PEOPLE }, () => 'none'),
      ),
    );
    return { kind: 'bare socket.io', run, ...result };
  } finally {
    await server.stop();
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('storm timed out')), STORM_TIMEOUT_MS)),
  ]);
}

const median = (xs: readonly number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

function report(results: readonly StormResult[]): string {
  const head = [
    'server',
    'run',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'all ms',
    'server CPU ms',
    'messages',
    'state',
  ];
  const rows = results.map((r) => {
    const sorted = [...r.times].sort((a, b) => a - b);
    return [
      r.kind,
      String(r.run),
      percentile(sorted, 50).toFixed(0),
      percentile(sorted, 95).toFixed(0),
      percentile(sorted, 99).toFixed(0),
      (sorted.at(-1) ?? 0).toFixed(0),
      r.serverCpuMs.toFixed(0),
      String(r.messages),
      kib(r.participantBytes),
    ];
  });
  const all = (kind: StormResult['kind']) =>
    median(results.filter((r) => r.kind === kind).map((r) => Math.max(...r.times)));
  const kring = results.filter((r) => r.kind === 'Kring');
  return [
    '',
    `Join storm: ${PEOPLE} people connect at once and ask for their first state (${RUNS} runs each)`,
    '',
    markdownTable(head, rows, 2),
    '',
    `all have their state (median of runs): Kring ${all('Kring').toFixed(0)} ms, bare socket.io ${all('bare socket.io').toFixed(0)} ms: ${(all('Kring') / all('bare socket.io')).toFixed(2)}× (target ≤ 2×)`,
    `first state: ${kib(kring[0]?.participantBytes ?? 0)} for a participant, ${kib(kring[0]?.hostBytes ?? 0)} for the host`,
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const results: StormResult[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const kring = await kringRun(run);
    results.push(kring, await bareRun(run, kring.participantBytes));
  }
  process.stdout.write(report(results));
}

if (process.argv[2] === '--baseline-server') {
  void baselineServer();
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
