import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ClientSocket, connect, welcome } from './clients';
import { createCrowd, crowdLimits } from './crowd';
import { type ServerProcess, startServer } from './process';
import { kib, markdownTable, percentile, loadAverage, runMain, median } from './report';

/**
 * The join storm (issue 14): a thousand people whose tokens are ready all connect at once, each
 * taking its first state from the server's welcome, the way the web app does. Measured: from the first
 * connect until every one holds its state, per person and for the last one; the server's CPU; how
 * many messages reached the clients meanwhile; the size of a state.
 *
 * Side by side with a bare socket.io server (`bare-server.ts`: its own process, same version) that
 * welcomes each connection with the same bytes (a Kring participant's state from the run before)
 * and sends nothing else: what a thousand
 * connects cost before any app. Each repeated `BENCH_RUNS` times, alternating.
 * Run with `pnpm --filter @kring/server bench:join-storm` (`BENCH_PEOPLE`, default 1000, hosts included).
 */

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STORM_TIMEOUT_MS = 120_000;

interface StormResult {
  kind: 'bare socket.io' | 'Kring';
  run: number;
  /** Per person: from the storm's start until their first state arrived. */
  times: number[];
  serverCpuMs: number;
  /** Messages (other than the welcomes) the clients received during the storm. */
  messages: number;
  /** Bytes of the first state a participant (and the host) received. */
  participantBytes: number;
  hostBytes: number;
  /** A participant's first state as JSON: the bytes the bare server then answers with. */
  participantState: string;
}

/** Everyone connects at once; each takes the state the server sends on connecting (its welcome). */
async function storm(
  server: ServerProcess,
  tokens: readonly string[],
): Promise<Omit<StormResult, 'kind' | 'run'>> {
  let messages = 0;
  const states: string[] = [];
  const sockets: ClientSocket[] = [];
  const cpuBefore = await server.cpuMs();
  const t0 = performance.now();
  const times = await Promise.all(
    tokens.map(async (token, i) => {
      const socket = await connect(server.url, token);
      sockets.push(socket);
      socket.onAny((event) => {
        if (event !== 'welcome') messages++;
      });
      const snap = await welcome(socket);
      if (i < 2) states[i] = JSON.stringify(snap.state);
      return performance.now() - t0;
    }),
  );
  const serverCpuMs = (await server.cpuMs()) - cpuBefore;
  for (const s of sockets) s.disconnect();
  const participantState = states[1] ?? '';
  const hostBytes = Buffer.byteLength(states[0] ?? '');
  return {
    times,
    serverCpuMs,
    messages,
    hostBytes,
    participantBytes: Buffer.byteLength(participantState),
    participantState,
  };
}

/** A Kring server with one session of `PEOPLE` (a host and participants who joined over HTTP). */
async function kringRun(run: number): Promise<StormResult> {
  const server = await startServer('./server-process.ts', [], { BENCH_LIMITS: crowdLimits(PEOPLE) });
  try {
    const crowd = await createCrowd(server.url, PEOPLE, 'Join storm');
    const result = await withTimeout(storm(server, crowd.tokens));
    return { kind: 'Kring', run, ...result };
  } finally {
    await server.stop();
  }
}

/**
 * The bare server welcomes everyone with the very bytes of a Kring participant's state, so the
 * clients (all in this one driver process, on the cores the servers use) parse the same structure
 * in both runs and the difference left is the servers'.
 */
async function bareRun(run: number, state: string): Promise<StormResult> {
  const file = join(mkdtempSync(join(tmpdir(), 'kring-storm-')), 'state.json');
  writeFileSync(file, state);
  const server = await startServer('./bare-server.ts', [], { BENCH_STATE_FILE: file });
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
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('storm timed out')), STORM_TIMEOUT_MS)),
  ]);
}

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
    `Join storm: ${PEOPLE} people connect at once and each is welcomed with its first state (${RUNS} runs each)`,
    '',
    markdownTable(head, rows, 2),
    '',
    `all have their state (median of runs): Kring ${all('Kring').toFixed(0)} ms, bare socket.io ${all('bare socket.io').toFixed(0)} ms: ${(all('Kring') / all('bare socket.io')).toFixed(2)}× (target ≤ 2×)`,
    `first state: ${kib(kring[0]?.participantBytes ?? 0)} for a participant, ${kib(kring[0]?.hostBytes ?? 0)} for the host`,
    loadAverage('after'),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const results: StormResult[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const kring = await kringRun(run);
    results.push(kring, await bareRun(run, kring.participantState));
  }
  process.stdout.write(report(results));
}

runMain(main);
