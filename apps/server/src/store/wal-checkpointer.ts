import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the thread copies the WAL back into the database file. */
export const WAL_CHECKPOINT_INTERVAL_MS = 1000;

/** What the thread reports after each checkpoint: SQLite's [busy, frames in the WAL, frames copied]. */
export type CheckpointResult = [number, number, number];

/**
 * The thread's program, CommonJS as a worker evaluates it. Its own connection to the same file;
 * PASSIVE never waits for the writers (nor they for it): it copies what it can and returns.
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ done: [row.busy, row.log, row.checkpointed] });
  } catch (err) {
    parentPort.postMessage({ error: String(err) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints a SQLite database's write-ahead log from a thread of its own (issue 14). SQLite's
 * automatic checkpoint runs inside whichever write makes the WAL cross 1,000 pages: it copies some
 * 4 MB back into the database file and syncs it, about 11 ms on this machine kind, during which the
 * event loop stands still and every board write and command behind it waits (the board storms'
 * slowest writes). With the owner's automatic checkpoints off (`wal_autocheckpoint = 0`), this
 * thread does that work beside it; the WAL is then reused from its start by the next write.
 */
export class WalCheckpointer {
  private stopped = false;
  private readonly exited: Promise<void>;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
  }

  /**
   * Starts the thread for the database at `file` (already in WAL mode). `onError`: the thread
   * failed or stopped by itself; the owner must checkpoint again (turn its automatic ones back on).
   */
  static start(
    file: string,
    options: {
      onError: (error: string) => void;
      onCheckpoint?: (result: CheckpointResult) => void;
      intervalMs?: number;
    },
  ): WalCheckpointer {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(PROGRAM, {
      eval: true,
      workerData: { driver, file, intervalMs: options.intervalMs ?? WAL_CHECKPOINT_INTERVAL_MS },
    });
    const checkpointer = new WalCheckpointer(worker);
    let failed = false;
    const fail = (error: string) => {
      if (failed || checkpointer.stopped) return;
      failed = true;
      options.onError(error);
    };
    worker.on('message', (m: { done?: CheckpointResult; error?: string }) => {
      if (m.error !== undefined) fail(m.error);
      else if (m.done) options.onCheckpoint?.(m.done);
    });
    worker.on('error', (err) => fail(String(err)));
    worker.on('exit', (code) => fail(`checkpoint thread exited (${code})`));
    // A thread that only checkpoints must not keep the process alive.
    worker.unref();
    return checkpointer;
  }

  /** Stops the thread and closes its connection; resolves once it has exited. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Held until it exited: when closing the store is the last thing a process does, an unref'd
    // thread would let the process end here, before the store's last checkpoint and close.
    this.worker.ref();
    this.worker.postMessage('stop');
    await this.exited;
  }
}
