import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/ports';

/**
 * A Kring node as an operator runs it: the built server (`dist/main.js`) under plain `node`,
 * configured by its environment only (docs/operations.md), so the cluster benchmark measures the
 * very binary and settings production uses. It has no IPC channel: the driver reads its CPU time
 * from /proc and waits for `/api/ready`.
 */

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(SERVER_DIR, 'dist/main.js');

/** Builds dist/main.js from the current source (esbuild, about a second): a stale build measures old code. */
export function buildServer(): void {
  const built = spawnSync('node', ['build.mjs'], { cwd: SERVER_DIR, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building dist/main.js failed');
}

const CLOCK_TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout;
  return Number(out?.trim()) || 100;
})();

/** CPU time (user + system) a process used so far, in ms (resolution: one clock tick, 10 ms). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After "pid (comm) " come the fields from `state` on; utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

export interface KringNode {
  url: string;
  cpuMs(): number;
  /** SIGTERM (a graceful stop, no drain), SIGKILL if it has not exited after 15 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever way the driver ends (a failure exits at once), it leaves no node behind.
process.once('exit', () => {
  for (const proc of running) proc.kill('SIGKILL');
});

/** Starts a node with `env` on top of a loopback port and a data directory of its own. */
export async function startNode(env: Record<string, string>): Promise<KringNode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kring-cluster-'));
  const port = await freePort();
  const proc = spawn('node', [MAIN], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      // No web app: the pages' module would only cost each node memory and start-up CPU here.
      WEB_BUILD_DIR: dataDir,
      LOG_LEVEL: 'error',
      ...env,
    },
    // Its stdout (the start banner) would end up in the benchmark's printout; errors still show.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(proc);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const gone = () => proc.exitCode !== null || proc.signalCode !== null;
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (gone()) throw new Error(`a Kring node exited at start (${proc.exitCode ?? proc.signalCode})`);
    if (performance.now() > deadline) throw new Error('a Kring node did not become ready in 30 s');
    const ok = await fetch(`${url}/api/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    cpuMs: () => processCpuMs(proc.pid!),
    async stop() {
      if (!gone()) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(proc);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
