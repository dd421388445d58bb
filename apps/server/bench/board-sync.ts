import { performance } from 'node:perf_hooks';
import { NOTE_COLORS, NOTES_KEY, addNote } from '@kring/board';
import * as Y from 'yjs';
import { BoardClient, closeAll, until } from './board-clients';
import { type BoardScene, kringScene, referenceScene, startKring, startReference } from './board-scenes';
import type { ServerProcess } from './process';
import { kib, markdownTable, percentile, loadAverage, runMain, median, sortedOf } from './report';

/**
 * A big board's first sync (issue 14): a board holding `BENCH_NOTES` notes (default 2,000), then
 * `BENCH_CLIENTS` fresh clients (default 20) open it one after the other; each is timed from
 * opening its socket until its document holds the server's state (sync step 2 applied).
 *
 * The board is filled the honest way: people on board connections, 50 notes each, one note per
 * transaction as the web app writes them (Kring stores each as it comes, compacting as it goes).
 * Someone stays on the board meanwhile, so the board is loaded, as in a session. Side by side
 * with the reference y-websocket server (1.x, in memory, no auth) filled with the same notes the
 * same way; `BENCH_RUNS` (default 3) runs each, alternating.
 */

const NOTES = Number(process.env.BENCH_NOTES ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NOTES_PER_WRITER = 50;
const WRITERS = Math.ceil(NOTES / NOTES_PER_WRITER);

type Kind = 'Kring' | 'reference';

interface SyncResult {
  kind: Kind;
  run: number;
  /** Per fresh client: until its document was synced. */
  times: number[];
  /** Fresh clients whose document did not hold every note. */
  short: number;
  docBytes: number;
  fillMs: number;
  /** Server CPU time over the fresh clients' syncs. */
  serverCpuMs: number;
}

const noteCount = (doc: Y.Doc) => doc.getMap(NOTES_KEY).size;

/** A note as people write them: a sentence or two. */
const noteText = (i: number) =>
  `Idea ${i + 1}: ${'we could try a shorter stand-up and write down what we decided '.slice(0, 30 + (i % 5) * 12).trim()}`;

async function fill(scene: BoardScene): Promise<void> {
  const { room, writers } = scene.rooms[0]!;
  const clients = writers.map((w) => new BoardClient(scene.boards, room, w.token));
  await Promise.all(clients.map((c) => c.whenSynced()));
  clients.forEach((client, w) => {
    const first = w * NOTES_PER_WRITER;
    for (let i = first; i < Math.min(NOTES, first + NOTES_PER_WRITER); i++) {
      const color = NOTE_COLORS[i % NOTE_COLORS.length]!;
      client.write((doc) => addNote(doc, { text: noteText(i), color, authorId: writers[w]!.authorId }));
    }
  });
  await until('the board to hold every note', () => clients.every((c) => noteCount(c.doc) === NOTES));
  await closeAll(clients);
}

async function measure(
  kind: Kind,
  run: number,
  server: ServerProcess,
  scene: BoardScene,
): Promise<SyncResult> {
  const { room, writers } = scene.rooms[0]!;
  const keeper = new BoardClient(scene.boards, room, scene.readerToken);
  await keeper.whenSynced();
  const t0 = performance.now();
  await fill(scene);
  await until('the keeper to hold every note', () => noteCount(keeper.doc) === NOTES);
  const fillMs = performance.now() - t0;

  const times: number[] = [];
  let short = 0;
  let docBytes = 0;
  const cpuBefore = await server.cpuMs();
  for (let i = 0; i < CLIENTS; i++) {
    const start = performance.now();
    const fresh = new BoardClient(scene.boards, room, writers[i % writers.length]!.token);
    await fresh.whenSynced();
    times.push(performance.now() - start);
    if (noteCount(fresh.doc) !== NOTES) short++;
    docBytes = Y.encodeStateAsUpdate(fresh.doc).length;
    await closeAll([fresh]);
  }
  const serverCpuMs = (await server.cpuMs()) - cpuBefore;
  await closeAll([keeper]);
  return { kind, run, times, short, docBytes, fillMs, serverCpuMs };
}

async function kringRun(run: number): Promise<SyncResult> {
  const server = await startKring(WRITERS);
  try {
    return await measure('Kring', run, server, await kringScene(server.url, 1, WRITERS));
  } finally {
    await server.stop();
  }
}

async function referenceRun(run: number): Promise<SyncResult> {
  const server = await startReference();
  try {
    return await measure('reference', run, server, referenceScene(server.url, 1, WRITERS));
  } finally {
    await server.stop();
  }
}

function report(results: readonly SyncResult[]): string {
  const head = [
    'server',
    'run',
    'p50 ms',
    'p95 ms',
    'max ms',
    'server CPU ms',
    'short',
    'document',
    'fill ms',
  ];
  const rows = results.map((r) => {
    const sorted = sortedOf(r.times);
    return [
      r.kind,
      String(r.run),
      percentile(sorted, 50).toFixed(1),
      percentile(sorted, 95).toFixed(1),
      (sorted.at(-1) ?? 0).toFixed(1),
      r.serverCpuMs.toFixed(0),
      String(r.short),
      kib(r.docBytes),
      r.fillMs.toFixed(0),
    ];
  });
  const p50 = (kind: Kind) => median(results.filter((r) => r.kind === kind).map((r) => median(r.times)));
  return [
    '',
    `Board sync: ${NOTES} notes on a board, ${CLIENTS} fresh clients open it one after the other (${RUNS} runs each)`,
    '',
    markdownTable(head, rows, 2),
    '',
    `p50 (median of runs): Kring ${p50('Kring').toFixed(1)} ms, reference ${p50('reference').toFixed(1)} ms: ${(p50('Kring') / p50('reference')).toFixed(2)}×`,
    loadAverage('after'),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  process.stdout.write(loadAverage('before') + '\n');
  const results: SyncResult[] = [];
  for (let run = 1; run <= RUNS; run++) results.push(await kringRun(run), await referenceRun(run));
  process.stdout.write(report(results));
  if (results.some((r) => r.short > 0)) process.exitCode = 1;
}

runMain(main);
