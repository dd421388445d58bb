import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { scratchDatabase } from '../src/store/postgres/testing';
import { TEST_REDIS, deleteKeysUnder } from '../test/redis-keys';
import { type KringNode, startNode } from './kring-node';

/**
 * One Kring installation for the cluster benchmark: `nodes` processes of the built server on one
 * fresh PostgreSQL database (the tests' scratch databases, dropped on close) and, with more than
 * one node, one Redis key prefix (deleted on close) and one token secret, as docs/operations.md
 * sets up several nodes. A single node gets the same database and no Redis.
 *
 * TRUST_PROXY is on, as behind the load balancer that spreads people over the nodes: the driver
 * sends each simulated person's own address in X-Forwarded-For, so the per-address limits count
 * people, not the driver (see `personHeaders`).
 */

export interface Deployment {
  label: string;
  nodes: KringNode[];
  urls: string[];
  /** CPU time of all its nodes together, ms. */
  cpuMs(): number;
  /** Until its nodes are quiet (presence windows, catching up after the last event). */
  quiet(): Promise<void>;
  close(): Promise<void>;
}

export async function startDeployment(label: string, nodeCount: number): Promise<Deployment> {
  const database = await scratchDatabase();
  const prefix = `kring-bench-${randomBytes(6).toString('hex')}:`;
  const secret = randomBytes(32).toString('hex');
  const nodes: KringNode[] = [];
  const close = async () => {
    await Promise.allSettled(nodes.map((node) => node.stop()));
    await database.drop();
    if (nodeCount > 1) await deleteKeysUnder(prefix);
  };
  try {
    // One after the other: only the first migrates the empty database.
    for (let i = 0; i < nodeCount; i++) {
      nodes.push(
        await startNode({
          DATABASE_URL: database.url,
          KRING_SECRET: secret,
          TRUST_PROXY: 'true',
          ...(nodeCount > 1 ? { REDIS_URL: TEST_REDIS, REDIS_PREFIX: prefix } : {}),
        }),
      );
    }
  } catch (err) {
    await close();
    throw err;
  }
  const cpuMs = () => nodes.reduce((sum, node) => sum + node.cpuMs(), 0);
  return {
    label,
    nodes,
    urls: nodes.map((node) => node.url),
    cpuMs,
    quiet: () => quiet(cpuMs, nodeCount),
    close,
  };
}

/**
 * Under 2% of a core per node over 500 ms (/proc counts in 10 ms ticks; a cluster node's Redis
 * heartbeats stay below that), or gives up after 60 s.
 */
async function quiet(cpuMs: () => number, nodes: number): Promise<void> {
  const deadline = performance.now() + 60_000;
  let before = cpuMs();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuMs();
    if (now - before <= 10 * nodes) return;
    if (performance.now() > deadline) throw new Error('the nodes did not become quiet');
    before = now;
  }
}

/** Person `n`'s address as the load balancer would forward it: 10.x.y.z, one per person. */
export const personHeaders = (n: number): Record<string, string> => ({
  'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
});
