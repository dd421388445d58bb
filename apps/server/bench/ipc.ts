import type { ChildProcess } from 'node:child_process';

/** What the benchmarks share: the server process's figures, its IPC replies, and a bounded pool. */

export interface ServerStats {
  rss: number;
  heapUsed: number;
  /** CPU time the server process used so far (user + system), in ms. */
  cpuMs: number;
}

/**
 * This process's memory and CPU time, as a server process reports them to the driver. With `gc`
 * (and the process started with `--expose-gc`) garbage is collected first, so the heap is what is
 * still held, not what was last allocated.
 */
export function processStats(gc = false): ServerStats {
  if (gc) collectGarbage();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { rss: memory.rss, heapUsed: memory.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('stats with gc: start the server with --expose-gc');
  // Twice: the first pass runs finalizers whose objects the second can then free.
  gc();
  gc();
}

/** A server process's port: 0 (any free one) unless the driver asks for one with BENCH_PORT. */
export const benchPort = () => Number(process.env.BENCH_PORT ?? 0);

/** The child's next IPC message of `type` (rejects if the child exits first). */
export function nextMessage<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code}`));
    const onMessage = (m: { type: string } & T) => {
      if (m.type !== type) return;
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(m);
    };
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function pooled<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
