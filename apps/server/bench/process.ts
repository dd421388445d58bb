import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundled } from './bundle';
import { type ServerStats, nextMessage } from './ipc';

export interface StartOptions {
  /** Node flags the server needs on top of the driver's (e.g. `--expose-gc` for `stats({ gc })`). */
  execArgv?: readonly string[];
  /**
   * Run the file bundled with plain `node`, as production runs Kring, instead of under tsx (the
   * driver's loader): for benchmarks that time a server's start (see `bundle.ts`).
   */
  bundle?: boolean;
}

/**
 * A server in its own process (Kring's `server-process.ts`, or a baseline): the driver's handle on
 * it. The child sends `{ type: 'listening', port }`, answers `stats` (collecting garbage first when
 * asked to), and exits on `stop`.
 */
export async function startServer(
  file: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
  options: StartOptions = {},
) {
  const source = fileURLToPath(new URL(file, import.meta.url));
  const proc = fork(options.bundle ? await bundled(source) : source, [...args], {
    // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (`--cpu-prof`).
    execArgv: [
      ...(options.bundle ? [] : process.execArgv),
      ...(options.execArgv ?? []),
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await nextMessage<{ port: number }>(proc, 'listening');
  const exited = () => proc.exitCode !== null || proc.signalCode !== null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async stats(opts: { gc?: boolean } = {}): Promise<ServerStats> {
      const reply = nextMessage<{ stats: ServerStats }>(proc, 'stats');
      proc.send({ type: 'stats', gc: opts.gc ?? false });
      return (await reply).stats;
    },
    async cpuMs(): Promise<number> {
      return (await this.stats()).cpuMs;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited()) return resolve();
        proc.removeAllListeners('exit');
        proc.once('exit', () => resolve());
        proc.send({ type: 'stop' });
      }),
    /** A crash: the process dies at once, closing nothing (no CPU profile is written either). */
    kill: () =>
      new Promise<void>((resolve) => {
        if (exited()) return resolve();
        proc.removeAllListeners('exit');
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      }),
  };
}
export type ServerProcess = Awaited<ReturnType<typeof startServer>>;
