import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ServerStats, nextMessage } from './ipc';

/**
 * A server in its own process (Kring's `server-process.ts`, or a baseline): the driver's handle on
 * it. The child sends `{ type: 'listening', port }`, answers `stats`, and exits on `stop`.
 */
export async function startServer(file: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}) {
  const proc = fork(fileURLToPath(new URL(file, import.meta.url)), [...args], {
    // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (`--cpu-prof`).
    execArgv: [
      ...process.execArgv,
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage<{ port: number }>(proc, 'listening');
  return {
    url: `http://127.0.0.1:${port}`,
    async stats(): Promise<ServerStats> {
      const reply = nextMessage<{ stats: ServerStats }>(proc, 'stats');
      proc.send({ type: 'stats' });
      return (await reply).stats;
    },
    async cpuMs(): Promise<number> {
      return (await this.stats()).cpuMs;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        proc.removeAllListeners('exit');
        proc.once('exit', () => resolve());
        proc.send({ type: 'stop' });
      }),
  };
}
export type ServerProcess = Awaited<ReturnType<typeof startServer>>;
