import { type ChildProcess, spawn } from 'node:child_process';
import { registerCleanup } from './harness';
import { accepts, freePort } from './ports';

/**
 * A Redis server of the test's own (Debian's `redis-server`, no persistence) on a free loopback
 * port, for tests that stop and restart Redis: the shared one on 6379 serves other tests in
 * parallel and must never go away. Restarted on the same port, it comes back empty, as a Redis
 * without persistence does after a crash.
 */
export interface OwnRedis {
  url: string;
  /** Kills it (`SIGKILL`: no goodbye to its clients) and waits until the port refuses. */
  kill(): Promise<void>;
  /** Starts it again on the same port and waits until it answers. */
  start(): Promise<void>;
}

const BINARY = process.env.KRING_TEST_REDIS_SERVER ?? 'redis-server';

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`redis-server: ${what} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function ownRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      BINARY,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    await until(() => accepts(port), 'not listening');
  };
  const kill = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
    await until(async () => !(await accepts(port)), 'still accepting');
  };
  await start();
  registerCleanup(kill);
  return { url: `redis://127.0.0.1:${port}`, kill, start };
}
