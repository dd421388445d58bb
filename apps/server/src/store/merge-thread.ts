import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

/**
 * The one update that replaces a document's stored rows at compaction: the rows applied in order to
 * a fresh, garbage-collected Y.Doc in one transaction, then encoded. Not `Y.mergeUpdates`: that
 * keeps the content of deleted items, and compaction is how removed and edited-away text leaves
 * the store (PR6). Structs whose dependencies are missing stay in the result (`encodeStateAsUpdate`
 * includes pending ones).
 *
 * Self-contained on purpose: its source text is also the merge thread's program (see `PROGRAM`),
 * where that thread's own Yjs is passed in. It may use its parameters only.
 */
export function mergeRows(yjs: typeof Y, updates: readonly Uint8Array[]): Uint8Array {
  const doc = new yjs.Doc(); // gc is on by default
  try {
    doc.transact(() => {
      for (const update of updates) yjs.applyUpdate(doc, update);
    });
    return yjs.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The thread's program, CommonJS as a worker evaluates it: `mergeRows` on each batch of rows. */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const mergeRows = ${mergeRows.toString()};
const loaded = import(workerData.yjs);
parentPort.on('message', async ({ id, updates }) => {
  const yjs = await loaded;
  let state;
  try {
    state = mergeRows(yjs, updates);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err) });
    return;
  }
  parentPort.postMessage({ id, state }, [state.buffer]);
});
`;

interface Waiting {
  updates: readonly Uint8Array[];
  resolve: (state: Uint8Array) => void;
  reject: (error: Error) => void;
}

/**
 * Compaction's Yjs work in a thread of its own (issue 14). Merging a board's rows is the slowest
 * thing a board does: ~30 ms for a 2,000-note board after 300 writes, during which, on the event
 * loop, every session on the server would wait (floor events, timers, other boards' writes). The
 * store reads the rows and swaps the result in; only the merge happens here.
 *
 * Started at the first merge (most stores never compact a big board). If the thread cannot start
 * or dies, its merges are made on the event loop as before, and `onError` says so once: erasure
 * (PR6) must not wait on a thread.
 */
export class MergeThread {
  private worker: Worker | null = null;
  /** Merges are made on the event loop from now on: the thread failed, or none was wanted. */
  private threadless = false;
  private closed = false;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly onError: (error: string) => void = () => {},
    /**
     * The Yjs the thread loads, as a URL: its ES module build, as the server's own (the CommonJS
     * build merges at half the speed). Tests name one that does not exist.
     */
    private readonly yjsModule: string = import.meta.resolve('yjs'),
  ) {}

  /** One that never starts its thread: merges on the event loop (the benchmark's before). */
  static onEventLoop(): MergeThread {
    const here = new MergeThread();
    here.threadless = true;
    return here;
  }

  /** `mergeRows` of `updates`, made in the thread. */
  async merge(updates: readonly Uint8Array[]): Promise<Uint8Array> {
    const worker = this.running();
    if (worker === null) return mergeRows(Y, updates);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { updates, resolve, reject });
      // Kept alive while a merge is under way, not when idle (it must not hold the process).
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ id, updates });
    });
  }

  /** Stops the thread; a merge still under way is finished here. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.ref(); // as WalCheckpointer.stop: the process must not end before the thread did
      await worker.terminate();
    }
    this.mergeHere();
  }

  private running(): Worker | null {
    if (this.worker || this.threadless || this.closed) return this.worker;
    const worker = new Worker(PROGRAM, { eval: true, workerData: { yjs: this.yjsModule } });
    worker.unref();
    worker.on('message', (m: { id: number; state?: Uint8Array; error?: string }) => {
      const waiting = this.waiting.get(m.id);
      if (!waiting) return;
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) worker.unref();
      if (m.state) waiting.resolve(m.state);
      else waiting.reject(new Error(m.error ?? 'merge failed'));
    });
    worker.on('error', (err) => this.fail(`merge thread: ${String(err)}`));
    worker.on('exit', (code) => this.fail(`merge thread exited (${code})`));
    this.worker = worker;
    return worker;
  }

  private fail(error: string): void {
    this.worker = null;
    if (!this.closed && !this.threadless) this.onError(error);
    this.threadless = true;
    this.mergeHere();
  }

  /** What the thread left unanswered, merged on the event loop. */
  private mergeHere(): void {
    const left = [...this.waiting.values()];
    this.waiting.clear();
    for (const waiting of left) {
      try {
        waiting.resolve(mergeRows(Y, waiting.updates));
      } catch (err) {
        waiting.reject(err as Error);
      }
    }
  }
}
