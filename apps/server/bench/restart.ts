import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { SessionSummary, boardSyncProtocols } from '@kring/protocol';
import { createCrowd, crowdLimits, quiet, snapshot, stateSize, until } from './crowd';
import { type ServerProcess, startServer } from './process';
import { BoardClient, Person } from './reconnecting';
import { markdownTable, percentile, median } from './report';

/**
 * Restart with everyone connected (issue 14): `BENCH_PEOPLE` (900) people on socket.io clients and
 * `BENCH_BOARD_CLIENTS` (100) board connections on one board of `BENCH_NOTES` (200) notes. The
 * server goes down (`SIGKILL`: a crash; then a graceful stop: a deploy) and a new process starts on
 * the same data directory and the same port. Measured from the moment it went down until every
 * person has their state from the new process (its welcome, as the web app takes it) and every
 * board connection is synced with it again; the clients come back with their own reconnect
 * backoff (the web app's socket.io options, `CONTROL_RECONNECT`; the stock y-websocket provider's),
 * as in the browser. The baselines' clients are the same clients with the same backoff.
 *
 * Side by side with the baselines, restarted the same way at the same moment: a bare socket.io
 * server (`bare-server.ts`, as many people, each getting a same-sized first state) and the
 * reference y-websocket 1.x server (`ywebsocket-reference.ts`, in memory: it comes back empty and
 * the providers send it their copies). `BENCH_RUNS` runs, alternating.
 * Run with `pnpm --filter @kring/server bench:restart`.
 */

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 900);
const BOARD_CLIENTS = Number(process.env.BENCH_BOARD_CLIENTS ?? 100);
const NOTES = Number(process.env.BENCH_NOTES ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TIMEOUT_MS = 120_000;
/**
 * Every server bundled and run with plain `node`, as Kring runs in production: a restart's time
 * includes the new process's start, and under tsx that would mostly be tsx's (see `bundle.ts`).
 */
const PRODUCTION = { bundle: true };

type Kind = 'Kring' | 'baselines';
type Way = 'SIGKILL' | 'graceful stop';
const WAYS: readonly Way[] = ['SIGKILL', 'graceful stop'];

interface RestartResult {
  kind: Kind;
  run: number;
  way: Way;
  /** From going down until the old process(es) had exited. */
  downMs: number;
  /** From going down until the new process(es) listened. */
  listeningMs: number;
  /** Per person: until their welcome from the new process arrived. */
  people: number[];
  /** Per person: until they were connected to it (the rest is the welcome's way). */
  connected: number[];
  /** Per board connection: until it was synced with the new process. */
  boards: number[];
  /** CPU time the new process(es) used from start until everyone was current. */
  serverCpuMs: number;
}

/** A server the benchmark restarts: its current process, how to start it on a port, its clients. */
interface Restartable {
  proc: ServerProcess;
  start(port: number): Promise<ServerProcess>;
  /** They only know this server's address: they come back to it alone. */
  clients: () => readonly { currentAt: number }[];
}

/** Brings `servers` down together (`way`), starts them again on their ports, waits for everyone. */
async function restart(
  servers: readonly Restartable[],
  way: Way,
  people: readonly Person[],
  boards: readonly BoardClient[],
): Promise<Omit<RestartResult, 'kind' | 'run'>> {
  await Promise.all(servers.map((s) => quiet(s.proc)));
  const t0 = performance.now();
  await Promise.all(servers.map((s) => (way === 'SIGKILL' ? s.proc.kill() : s.proc.stop())));
  const downAt = performance.now();
  const back = await Promise.all(
    servers.map(async (s) => {
      const port = s.proc.port;
      s.proc = await s.start(port);
      if (s.proc.port !== port) throw new Error(`restarted on port ${s.proc.port}, not ${port} (BENCH_PORT)`);
      return { clients: s.clients(), listeningAt: performance.now() };
    }),
  );
  // Nothing reaches a process before it listens: what a client got after that came from the new one.
  const behind = () =>
    back.reduce((n, b) => n + b.clients.filter((c) => c.currentAt <= b.listeningAt).length, 0);
  await until('everyone current after the restart', () => behind() === 0, TIMEOUT_MS).catch((err: Error) => {
    throw new Error(
      `${err.message} (${way}): ${behind()} of ${people.length + boards.length} clients are not`,
    );
  });
  const cpu = await Promise.all(servers.map((s) => s.proc.cpuMs()));
  return {
    way,
    downMs: downAt - t0,
    listeningMs: Math.max(...back.map((b) => b.listeningAt)) - t0,
    people: people.map((p) => p.currentAt - t0),
    connected: people.map((p) => p.connectedAt - t0),
    boards: boards.map((b) => b.currentAt - t0),
    serverCpuMs: cpu.reduce((a, b) => a + b, 0),
  };
}

/** One writer adds the notes in one go; everyone (the writer first) holds them all. */
async function fillBoard(boards: readonly BoardClient[], authorId: string): Promise<void> {
  await until('the writer to sync', () => boards[0]!.currentAt > 0, TIMEOUT_MS);
  const doc = boards[0]!.doc;
  doc.transact(() => {
    for (let i = 0; i < NOTES; i++) {
      const note = new Y.Map<unknown>();
      note.set('text', `Note ${i + 1}: what we heard in the round`);
      note.set('authorId', authorId);
      doc.getMap('notes').set(`n${i}`, note);
    }
  });
  await until(
    'every board connection to hold the notes',
    () => boards.every((b) => b.currentAt > 0 && b.doc.getMap('notes').size === NOTES),
    TIMEOUT_MS,
  );
}

/** Waits for every person's first state. */
const everyoneIn = (people: readonly Person[]) =>
  until('everyone to connect', () => people.every((p) => p.currentAt > 0), TIMEOUT_MS);

async function kringRun(run: number): Promise<{ results: RestartResult[]; stateBytes: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kring-restart-'));
  const env = { BENCH_LIMITS: crowdLimits(PEOPLE + BOARD_CLIENTS), BENCH_DATA_DIR: dataDir };
  const people: Person[] = [];
  const boards: BoardClient[] = [];
  const kring: Restartable = {
    proc: await startServer('./server-process.ts', [], env, PRODUCTION),
    start: (port) => startServer('./server-process.ts', [], { ...env, BENCH_PORT: String(port) }, PRODUCTION),
    clients: () => [...people, ...boards],
  };
  const url = kring.proc.url;
  try {
    const crowd = await createCrowd(url, PEOPLE, 'Restart');
    people.push(...crowd.tokens.map((token) => new Person(url, token)));
    await everyoneIn(people);
    const host = await snapshot(people[0]!.socket);
    const boardId = await firstBoard(url, crowd.session.joinCode, crowd.session.facilitatorToken);
    // The host writes; participants (who are also among the people) read.
    for (let i = 0; i < BOARD_CLIENTS; i++) {
      const token = crowd.tokens[i % crowd.tokens.length]!;
      boards.push(new BoardClient(`${url.replace(/^http/, 'ws')}/yjs`, boardId, boardSyncProtocols(token)));
    }
    await fillBoard(boards, host.you);
    const stateBytes = await stateSize(people.at(-1)!.socket);
    const results: RestartResult[] = [];
    for (const way of WAYS)
      results.push({ kind: 'Kring', run, ...(await restart([kring], way, people, boards)) });
    return { results, stateBytes };
  } finally {
    for (const c of [...people, ...boards]) c.close();
    await kring.proc.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function baselineRun(run: number, stateBytes: number): Promise<RestartResult[]> {
  const people: Person[] = [];
  const boards: BoardClient[] = [];
  const bare: Restartable = {
    proc: await startServer('./bare-server.ts', [String(stateBytes)], {}, PRODUCTION),
    start: (port) =>
      startServer('./bare-server.ts', [String(stateBytes)], { BENCH_PORT: String(port) }, PRODUCTION),
    clients: () => people,
  };
  const reference: Restartable = {
    proc: await startServer('./ywebsocket-reference.ts', [], {}, PRODUCTION),
    start: (port) => startServer('./ywebsocket-reference.ts', [], { BENCH_PORT: String(port) }, PRODUCTION),
    clients: () => boards,
  };
  try {
    people.push(...Array.from({ length: PEOPLE }, () => new Person(bare.proc.url, 'none')));
    await everyoneIn(people);
    const wsUrl = reference.proc.url.replace(/^http/, 'ws');
    for (let i = 0; i < BOARD_CLIENTS; i++) boards.push(new BoardClient(wsUrl, 'board'));
    await fillBoard(boards, 'host');
    const results: RestartResult[] = [];
    for (const way of WAYS) {
      results.push({ kind: 'baselines', run, ...(await restart([bare, reference], way, people, boards)) });
    }
    return results;
  } finally {
    for (const c of [...people, ...boards]) c.close();
    await Promise.all([bare.proc.stop(), reference.proc.stop()]);
  }
}

async function firstBoard(url: string, joinCode: string, token: string): Promise<string> {
  const res = await fetch(`${url}/api/sessions/${joinCode}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const board = SessionSummary.parse(await res.json()).boards[0];
  if (!board) throw new Error('the session has no board');
  return board.id;
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const everyone = (r: RestartResult) => Math.max(...r.people, ...r.boards);

function report(results: readonly RestartResult[]): string {
  const head = [
    'server',
    'run',
    'restart',
    'exited ms',
    'listening ms',
    'people connected p50 ms',
    'people p50 ms',
    'people all ms',
    'boards p50 ms',
    'boards all ms',
    'everyone ms',
    'server CPU ms',
  ];
  const rows = results.map((r) => [
    r.kind,
    String(r.run),
    r.way,
    r.downMs.toFixed(0),
    r.listeningMs.toFixed(0),
    percentile(sorted(r.connected), 50).toFixed(0),
    percentile(sorted(r.people), 50).toFixed(0),
    Math.max(...r.people).toFixed(0),
    percentile(sorted(r.boards), 50).toFixed(0),
    Math.max(...r.boards).toFixed(0),
    everyone(r).toFixed(0),
    r.serverCpuMs.toFixed(0),
  ]);
  const all = (kind: Kind, way: Way) =>
    median(results.filter((r) => r.kind === kind && r.way === way).map(everyone));
  const ratio = (way: Way) =>
    `${way}: Kring ${all('Kring', way).toFixed(0)} ms, baselines ${all('baselines', way).toFixed(0)} ms: ` +
    `${(all('Kring', way) / all('baselines', way)).toFixed(2)}× (target ≤ 1.5×)`;
  return [
    '',
    `Restart: ${PEOPLE} people on socket.io and ${BOARD_CLIENTS} board connections (${NOTES} notes), ` +
      `the server killed or stopped and started again on the same port and data (${RUNS} runs each)`,
    '',
    markdownTable(head, rows, 3),
    '',
    'everyone current again (median of runs):',
    ...WAYS.map(ratio),
    `baselines: bare socket.io (${PEOPLE} people) and the reference y-websocket 1.x server ` +
      `(${BOARD_CLIENTS} board connections, in memory), two processes restarted together`,
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  // Each board provider listens for this process's exit (y-websocket): a hundred are expected here.
  process.setMaxListeners(BOARD_CLIENTS + 10);
  const results: RestartResult[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const kring = await kringRun(run);
    results.push(...kring.results, ...(await baselineRun(run, kring.stateBytes)));
  }
  process.stdout.write(report(results));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
