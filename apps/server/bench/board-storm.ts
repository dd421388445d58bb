import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NOTE_COLORS, addNote, editNoteText } from '@kring/board';
// Seeded (mulberry32), so both servers get the same schedule in the same run.
import { seeded } from '@kring/core/testing';
import {
  BoardClient,
  type BoardServer,
  closeAll,
  kringBoards,
  missingNotes,
  onRemoteNoteText,
  until,
} from './board-clients';
import { type BoardScene, kringScene, referenceScene, startKring, startReference } from './board-scenes';
import type { ServerProcess } from './process';
import { markdownTable, percentile, loadAverage, runMain, median, sortedOf } from './report';

/**
 * Board storms (issue 14): many people writing on boards at once, each on a real board connection
 * (board-clients.ts: the y-protocols messages the stock provider sends) writing straight into the
 * board document with the board package's helpers, as the web app's board connection does. Each
 * writer adds a note, then rewords it, then adds the next…, one write per interval (each writer
 * starting at a random moment of the first one) for `BENCH_SECONDS` (default 30 s). Measured per
 * write: from the writer's local change until the last other client on that board received it
 * (its Y.Doc then shows it).
 *
 * Default workloads: one board with 200 writers, one write each every 10 s (20 notes a second on
 * one board: several times a busy brainstorm); and 60 boards with 300 writers, 5 per board (a
 * breakout), one write each every 2 s. `BENCH_BOARDS` / `BENCH_WRITERS` / `BENCH_INTERVAL_MS`
 * run one workload of that size instead.
 *
 * Side by side with the reference y-websocket server (1.x, in memory, stores nothing, no auth) on
 * the same writes; Kring stores every update in SQLite before anyone else sees it. Each repeated
 * `BENCH_RUNS` times (default 3), alternating, with the same random schedule for both servers.
 * After each storm every client's document, and a fresh client's copy of every board after all
 * writers left, must hold every note with its last text; for Kring that fresh client is served by
 * a second server started on the first one's data directory, so what it gets was read back from
 * SQLite. "lost" counts the writes that did not arrive and the notes missing or stale.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1000;
const SETTLE_TIMEOUT_MS = 60_000;

interface Workload {
  boards: number;
  writers: number;
  /** Each writer writes once per interval. */
  intervalMs: number;
}

const intervalOr = (ms: number) => Number(process.env.BENCH_INTERVAL_MS ?? ms);
const WORKLOADS: readonly Workload[] =
  process.env.BENCH_BOARDS || process.env.BENCH_WRITERS
    ? [
        {
          boards: Number(process.env.BENCH_BOARDS ?? 1),
          writers: Number(process.env.BENCH_WRITERS ?? 200),
          intervalMs: intervalOr(10_000),
        },
      ]
    : [
        { boards: 1, writers: 200, intervalMs: intervalOr(10_000) },
        { boards: 60, writers: 300, intervalMs: intervalOr(2000) },
      ];

type Kind = 'Kring' | 'reference';

interface StormResult {
  kind: Kind;
  run: number;
  /** Per write: until the last other client on its board had it. */
  latencies: number[];
  /** Writes that had not reached every other client when the wait ended. */
  undelivered: number;
  /** Notes missing or stale in some writer's document after the storm. */
  lostLive: number;
  /** Notes missing or stale in a fresh client's copy after everyone left (Kring: after a restart). */
  lostKept: number;
  /** Per board: note id → its last text. */
  expected: Map<string, string>[];
  /** Connections that closed during the storm. */
  drops: number;
  serverCpuMs: number;
  /** CPU time of this process (all clients) during the storm: near the wall time, it was the bottleneck. */
  clientCpuMs: number;
  /** Wall time from the first write until every write arrived. */
  wallMs: number;
}

/** Writes on their way: each note text is unique, so the text says which write arrived. */
class Deliveries {
  readonly latencies: number[] = [];
  private readonly pending = new Map<string, { t0: number; waiting: number; last: number }>();

  sent(text: string, receivers: number): void {
    if (receivers > 0) this.pending.set(text, { t0: performance.now(), waiting: receivers, last: 0 });
  }

  arrived(text: string, at: number): void {
    const write = this.pending.get(text);
    if (!write) return;
    write.last = Math.max(write.last, at);
    if (--write.waiting === 0) {
      this.latencies.push(write.last - write.t0);
      this.pending.delete(text);
    }
  }

  get outstanding(): number {
    return this.pending.size;
  }
}

/** One writer's part of the storm: add, edit, add, … with unique texts. */
class Writing {
  private step = 0;
  private noteId = '';
  constructor(
    private readonly client: BoardClient,
    private readonly who: { index: number; authorId: string },
    /** Note id → its last text, shared by the writers of a board. */
    private readonly expected: Map<string, string>,
    private readonly deliveries: Deliveries,
    private readonly receivers: number,
  ) {}

  write(): void {
    const n = this.step++;
    const text = `Person ${this.who.index}, thought ${n >> 1}${n % 2 ? ' (reworded)' : ''}: more time for questions`;
    this.deliveries.sent(text, this.receivers);
    if (n % 2 === 0) {
      const color = NOTE_COLORS[this.who.index % NOTE_COLORS.length]!;
      this.client.write((doc) => {
        this.noteId = addNote(doc, { text, color, authorId: this.who.authorId }).id;
      });
    } else {
      this.client.write((doc) => editNoteText(doc, this.noteId, text));
    }
    this.expected.set(this.noteId, text);
  }
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function storm(
  kind: Kind,
  run: number,
  w: Workload,
  server: ServerProcess,
  scene: BoardScene,
): Promise<StormResult> {
  const deliveries = new Deliveries();
  const expected = scene.rooms.map(() => new Map<string, string>());
  let index = 0;
  const writers = scene.rooms.flatMap(({ room, writers: people }, b) =>
    people.map((who) => {
      const client = new BoardClient(scene.boards, room, who.token);
      onRemoteNoteText(client, (text, at) => deliveries.arrived(text, at));
      const writing = new Writing(
        client,
        { index: index++, authorId: who.authorId },
        expected[b]!,
        deliveries,
        people.length - 1,
      );
      return { client, writing, board: b };
    }),
  );
  const clients = writers.map((w) => w.client);
  await until('every writer to sync', () => clients.every((c) => c.synced));

  const rand = seeded(run);
  const cpuBefore = await server.cpuMs();
  const interval = w.intervalMs;
  const clientCpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    writers.map(
      ({ writing }) =>
        new Promise<void>((done) => {
          const start = rand() * interval;
          let slot = 0;
          const tick = () => {
            writing.write();
            // Slots counted from the storm's start, not from the last write: a late write does not
            // push the later ones back, and every server gets the same writes.
            const next = start + ++slot * interval;
            if (next < DURATION_MS) setTimeout(tick, Math.max(0, next - (performance.now() - t0)));
            else done();
          };
          setTimeout(tick, start);
        }),
    ),
  );
  await until('every write to arrive', () => deliveries.outstanding === 0, SETTLE_TIMEOUT_MS).catch(() => {});
  const wallMs = performance.now() - t0;
  const clientCpuMs = cpuMs(process.cpuUsage(clientCpu0));
  const serverCpuMs = (await server.cpuMs()) - cpuBefore;

  const lostLive = writers.reduce((n, w) => n + missingNotes(w.client.doc, expected[w.board]!), 0);
  const drops = clients.reduce((n, c) => n + c.drops, 0);
  await closeAll(clients);
  return {
    kind,
    run,
    expected,
    latencies: deliveries.latencies,
    undelivered: deliveries.outstanding,
    lostLive,
    lostKept: 0,
    drops,
    serverCpuMs,
    clientCpuMs,
    wallMs,
  };
}

/** Notes of the storm that a fresh client on each board lacks or sees with an older text. */
async function lostOn(boards: BoardServer, scene: BoardScene, result: StormResult): Promise<number> {
  let lost = 0;
  for (const [b, { room }] of scene.rooms.entries()) {
    const fresh = new BoardClient(boards, room, scene.readerToken);
    await fresh.whenSynced();
    lost += missingNotes(fresh.doc, result.expected[b]!);
    await closeAll([fresh]);
  }
  return lost;
}

/**
 * Kring's storm, then what it kept: a second server on the same data directory (so every board is
 * read back from SQLite) serves a fresh client per board.
 */
async function kringRun(w: Workload, run: number): Promise<StormResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kring-storm-'));
  try {
    let scene: BoardScene;
    let result: StormResult;
    const server = await startKring(w.writers, dataDir);
    try {
      scene = await kringScene(server.url, w.boards, w.writers);
      result = await storm('Kring', run, w, server, scene);
    } finally {
      await server.stop();
    }
    const again = await startKring(w.writers, dataDir);
    try {
      result.lostKept = await lostOn(kringBoards(again.url), scene, result);
    } finally {
      await again.stop();
    }
    return result;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The reference keeps nothing: what it still holds in memory once everyone left. */
async function referenceRun(w: Workload, run: number): Promise<StormResult> {
  const server = await startReference();
  try {
    const scene = referenceScene(server.url, w.boards, w.writers);
    const result = await storm('reference', run, w, server, scene);
    result.lostKept = await lostOn(scene.boards, scene, result);
    return result;
  } finally {
    await server.stop();
  }
}

const PERCENTILES = [50, 95, 99, 100] as const;
const label = (p: number) => (p === 100 ? 'max' : `p${p}`);

function report(w: Workload, results: readonly StormResult[]): string {
  const head = [
    'server',
    'run',
    'writes',
    ...PERCENTILES.map((p) => `${label(p)} ms`),
    'server CPU ms',
    'clients CPU ms',
    'wall ms',
    'undelivered',
    'lost (clients)',
    'lost (kept)',
    'drops',
  ];
  const rows = results.map((r) => {
    const sorted = sortedOf(r.latencies);
    return [
      r.kind,
      String(r.run),
      String(r.latencies.length + r.undelivered),
      ...PERCENTILES.map((p) => percentile(sorted, p).toFixed(1)),
      r.serverCpuMs.toFixed(0),
      r.clientCpuMs.toFixed(0),
      r.wallMs.toFixed(0),
      String(r.undelivered),
      String(r.lostLive),
      String(r.lostKept),
      String(r.drops),
    ];
  });
  const of = (kind: Kind, p: number) =>
    median(results.filter((r) => r.kind === kind).map((r) => percentile(sortedOf(r.latencies), p)));
  const cpu = (kind: Kind) => median(results.filter((r) => r.kind === kind).map((r) => r.serverCpuMs));
  const ratios = PERCENTILES.map(
    (p) =>
      `${label(p)} ${of('Kring', p).toFixed(1)} vs ${of('reference', p).toFixed(1)} ms: ${(of('Kring', p) / of('reference', p)).toFixed(2)}×`,
  );
  const lost = results.reduce((n, r) => n + r.undelivered + r.lostLive + r.lostKept, 0);
  return [
    '',
    `Board storm: ${w.writers} writers on ${w.boards} board${w.boards === 1 ? '' : 's'}, one write each every ${w.intervalMs} ms for ${DURATION_MS / 1000} s (${RUNS} runs each)`,
    '',
    markdownTable(head, rows, 2),
    '',
    `Kring vs reference (median of runs): ${ratios.join('; ')} (target p99 ≤ 1.0×)`,
    `server CPU (median): Kring ${cpu('Kring').toFixed(0)} ms, reference ${cpu('reference').toFixed(0)} ms`,
    `${lost} lost`,
    loadAverage('after'),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  process.stdout.write(loadAverage('before') + '\n');
  let failed = false;
  for (const w of WORKLOADS) {
    const results: StormResult[] = [];
    for (let run = 1; run <= RUNS; run++) {
      results.push(await kringRun(w, run), await referenceRun(w, run));
    }
    process.stdout.write(report(w, results));
    failed ||= results.some((r) => r.undelivered + r.lostLive + r.lostKept > 0);
  }
  if (failed) process.exitCode = 1;
}

runMain(main);
