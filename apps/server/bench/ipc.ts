import type { ChildProcess } from 'node:child_process';

/** What the benchmarks share: the server process's figures, its IPC replies, and a bounded pool. */

export interface ServerStats {
  rss: number;
  heapUsed: number;
  /** CPU time the server process used so far (user + system), in ms. */
  cpuMs: number;
}

/** This process's memory and CPU time, as a server process reports them to the driver. */
export function processStats(): ServerStats {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { rss: memory.rss, heapUsed: memory.heapUsed, cpuMs: (cpu.user + cpu.system) / 1000 };
}

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
