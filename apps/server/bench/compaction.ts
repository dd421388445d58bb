import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { addNote, editNoteText } from '@kring/board';
import { createSession } from '@kring/core';
import * as Y from 'yjs';
import { COMPACT_AFTER_ROWS } from '../src/boards/limits';
import { MergeThread } from '../src/store/merge-thread';
import { SqliteStore } from '../src/store/sqlite';
import { loadAverage, markdownTable, median, runMain } from './report';

/**
 * A big board's compaction and everyone else on the server (issue 14). Compaction (PR6: how
 * removed words leave the store) merges a board's stored rows into one; for a board of thousands
 * of notes that is tens of milliseconds of Yjs work, and on the event loop every session on the
 * server waits that long: floor events, timers, every other board's writes.
 *
 * For each board size: NOTES notes written one row each by 50 people, compacted once, then
 * COMPACT_AFTER_ROWS edits (the log a busy board holds when its next compaction comes), then that
 * compaction through the store (`SqliteStore.compactBoard`, a real SQLite file), timed: how long
 * it took, and the longest the event loop stood still meanwhile (a 1 ms timer's longest gap). Side
 * by side: the merge in its thread (`MergeThread`, as Kring runs) and on the event loop
 * (`MergeThread.onEventLoop()`, as compaction ran before). RUNS runs of each, alternating; medians.
 *
 *   pnpm --filter @kring/server bench:compaction     (BENCH_RUNS, BENCH_NOTES="500,2000")
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_NOTES ?? '500,2000').split(',').map(Number);
const WRITERS = 50;
/** Merges of the board's log before the timed compaction, in the thread or on the event loop. */
const WARM_UP = 10;

/** The rows a busy board of `notes` notes holds when its next compaction comes. */
function boardLog(notes: number): Uint8Array[] {
  const server = new Y.Doc();
  const rows: Uint8Array[] = [];
  server.on('update', (u: Uint8Array) => rows.push(u));
  const people = Array.from({ length: WRITERS }, () => new Y.Doc());
  const write = (person: Y.Doc, change: (doc: Y.Doc) => void) => {
    Y.applyUpdate(person, Y.encodeStateAsUpdate(server, Y.encodeStateVector(person)));
    const before = Y.encodeStateVector(server);
    change(person);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(person, before));
  };
  const ids: string[] = [];
  for (let i = 0; i < notes; i++) {
    write(people[i % WRITERS]!, (doc) => {
      const text = `Note ${i}: what stayed with me from the round was ${'the listening '.repeat(4)}`;
      ids.push(addNote(doc, { text, color: 'yellow', authorId: `person${i % WRITERS}` }).id);
    });
  }
  for (let i = 0; i < COMPACT_AFTER_ROWS; i++) {
    write(people[i % WRITERS]!, (doc) => editNoteText(doc, ids[(i * 7) % ids.length]!, `Reworded ${i}`));
  }
  return rows;
}

/**
 * How long `work` took, and the longest the event loop stood still meanwhile: the longest gap
 * between the ticks of a 1 ms interval timer (which, unlike a chain of turns, sleeps between them
 * and leaves the cores to the work it watches).
 */
async function timed(work: () => Promise<void>): Promise<{ ms: number; stallMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticks = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 5)); // ticking
  longest = 0; // only the gaps from here on
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 5)); // the tick after the work
  clearInterval(ticks);
  return { ms, stallMs: longest };
}

type Where = 'thread' | 'event loop';

async function compactOnce(rows: readonly Uint8Array[], where: Where) {
  const dir = mkdtempSync(join(tmpdir(), 'kring-bench-compaction-'));
  const merger = where === 'thread' ? new MergeThread() : MergeThread.onEventLoop();
  const store = new SqliteStore(dir, undefined, undefined, merger);
  try {
    const events = createSession({
      sessionId: 'session1',
      title: 'IPS overview',
      joinCode: 'ABCDEF',
      hostId: 'host0001',
      hostName: 'Hanna',
      boardId: 'board1',
      now: Date.now(),
    });
    await store.createSession('session1', 'ABCDEF', events, Date.now() + 86_400_000);
    // The notes, compacted once (the board's state at its last compaction), then the edits since.
    const notes = rows.length - COMPACT_AFTER_ROWS;
    let seq = 0;
    for (const row of rows.slice(0, notes)) seq = await store.appendBoardUpdate('board1', row);
    await store.compactBoard('board1', seq);
    for (const row of rows.slice(notes)) seq = await store.appendBoardUpdate('board1', row);
    // A server compacts boards all day: the merge's code is warm (a fresh thread's first merges
    // of a big board take several times as long, the thread's code not yet optimised).
    for (let i = 0; i < WARM_UP; i++) await merger.merge(rows);
    const figures = await timed(() => store.compactBoard('board1', seq));
    const [row] = await store.loadBoardUpdates('board1');
    return { ...figures, stateKiB: row!.update.length / 1024 };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`${loadAverage('before')}\n`);
  const lines: string[][] = [];
  for (const notes of SIZES) {
    const rows = boardLog(notes);
    const results: Record<Where, { ms: number[]; stallMs: number[]; stateKiB: number }> = {
      thread: { ms: [], stallMs: [], stateKiB: 0 },
      'event loop': { ms: [], stallMs: [], stateKiB: 0 },
    };
    for (let run = 0; run < RUNS; run++) {
      for (const where of ['event loop', 'thread'] as const) {
        const r = await compactOnce(rows, where);
        results[where].ms.push(r.ms);
        results[where].stallMs.push(r.stallMs);
        results[where].stateKiB = r.stateKiB;
      }
    }
    for (const where of ['thread', 'event loop'] as const) {
      const r = results[where];
      lines.push([
        String(notes),
        String(COMPACT_AFTER_ROWS),
        where,
        median(r.ms).toFixed(1),
        median(r.stallMs).toFixed(1),
        Math.max(...r.stallMs).toFixed(1),
        r.stateKiB.toFixed(0),
      ]);
    }
  }
  console.log(
    `Compacting a board's log (SQLite), merge in its thread vs on the event loop; median of ${RUNS} runs\n`,
  );
  console.log(
    markdownTable(
      ['notes', 'rows since', 'merge', 'compaction ms', 'event loop stood still ms', 'max ms', 'state KiB'],
      lines,
      3,
    ),
  );
  console.log(`\n${loadAverage('after')}`);
}

runMain(main);
