import { LIMITS } from '@kring/protocol';
import type { ClientSocket } from './clients';
import { connectAll, createSession, crowdLimits, joinPeople, quiet, stateSize } from './crowd';
import type { ServerStats } from './ipc';
import { type ServerProcess, startServer } from './process';
import { kib, markdownTable, mib, loadAverage, runMain, median } from './report';

/**
 * Memory per idle participant (issue 14): the server process's heap and RSS, after garbage
 * collection (`--expose-gc`), with nobody and with `BENCH_PEOPLE` idle connected participants
 * (default 999: with the host, the session's cap) who each took their first snapshot; per
 * participant = (with − without) / N. Kring's
 * figure is split in two: the person in the session (joined over HTTP, not connected) and their
 * open connection.
 *
 * Side by side with a bare socket.io server (`bare-server.ts`) with as many connected clients that
 * took a same-sized first state. `BENCH_RUNS` runs of each, alternating; medians.
 * Run with `pnpm --filter @kring/server bench:memory`.
 */

// A session takes 1,000 people (LIMITS.participantsMax), its host among them.
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? LIMITS.participantsMax - 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GC = { execArgv: ['--expose-gc'] };

type Kind = 'Kring' | 'bare socket.io';

interface MemoryResult {
  kind: Kind;
  run: number;
  empty: ServerStats;
  /** Kring only: everyone joined over HTTP, nobody connected. */
  joined?: ServerStats;
  connected: ServerStats;
  /** Bytes of the first state a participant took. */
  stateBytes: number;
}

/** The server's memory once it is quiet and its garbage collected. */
async function settled(server: ServerProcess): Promise<ServerStats> {
  await quiet(server);
  return server.stats({ gc: true });
}

async function kringRun(run: number): Promise<MemoryResult> {
  const server = await startServer('./server-process.ts', [], { BENCH_LIMITS: crowdLimits(PEOPLE) }, GC);
  const sockets: ClientSocket[] = [];
  try {
    // The session exists with its host (who stays away): only the participants differ.
    const session = await createSession(server.url, 'Memory');
    const empty = await settled(server);
    const tokens = await joinPeople(server.url, session, PEOPLE);
    const joined = await settled(server);
    sockets.push(...(await connectAll(server.url, tokens)));
    const connected = await settled(server);
    return { kind: 'Kring', run, empty, joined, connected, stateBytes: await stateSize(sockets[0]!) };
  } finally {
    for (const s of sockets) s.disconnect();
    await server.stop();
  }
}

async function bareRun(run: number, bytes: number): Promise<MemoryResult> {
  const server = await startServer('./bare-server.ts', [String(bytes)], {}, GC);
  const sockets: ClientSocket[] = [];
  try {
    const empty = await settled(server);
    sockets.push(
      ...(await connectAll(
        server.url,
        Array.from({ length: PEOPLE }, () => 'none'),
      )),
    );
    const connected = await settled(server);
    return { kind: 'bare socket.io', run, empty, connected, stateBytes: await stateSize(sockets[0]!) };
  } finally {
    for (const s of sockets) s.disconnect();
    await server.stop();
  }
}

const perPerson = (from: ServerStats, to: ServerStats, key: 'heapUsed' | 'rss') =>
  (to[key] - from[key]) / PEOPLE;

function report(results: readonly MemoryResult[]): string {
  const head = [
    'server',
    'run',
    'heap, nobody',
    `heap, ${PEOPLE} idle`,
    'heap / participant',
    'of which joining',
    'RSS, nobody',
    `RSS, ${PEOPLE} idle`,
    'RSS / participant',
  ];
  const rows = results.map((r) => [
    r.kind,
    String(r.run),
    mib(r.empty.heapUsed),
    mib(r.connected.heapUsed),
    kib(perPerson(r.empty, r.connected, 'heapUsed')),
    r.joined ? kib(perPerson(r.empty, r.joined, 'heapUsed')) : '—',
    mib(r.empty.rss),
    mib(r.connected.rss),
    kib(perPerson(r.empty, r.connected, 'rss')),
  ]);
  const per = (kind: Kind, key: 'heapUsed' | 'rss') =>
    median(results.filter((r) => r.kind === kind).map((r) => perPerson(r.empty, r.connected, key)));
  const line = (key: 'heapUsed' | 'rss', name: string) =>
    `${name} per idle participant (median of runs): Kring ${kib(per('Kring', key))}, bare socket.io ` +
    `${kib(per('bare socket.io', key))}: ${(per('Kring', key) / per('bare socket.io', key)).toFixed(2)}×`;
  const kring = results.find((r) => r.kind === 'Kring');
  return [
    '',
    `Memory: the server with nobody and with ${PEOPLE} idle connected participants, after GC (${RUNS} runs each)`,
    '',
    markdownTable(head, rows, 2),
    '',
    line('heapUsed', 'heap'),
    line('rss', 'RSS'),
    `first state a participant took: ${kib(kring?.stateBytes ?? 0)}`,
    loadAverage('after'),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const results: MemoryResult[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const kring = await kringRun(run);
    results.push(kring, await bareRun(run, kring.stateBytes));
  }
  process.stdout.write(report(results));
}

runMain(main);
