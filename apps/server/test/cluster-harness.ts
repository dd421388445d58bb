import { randomBytes } from 'node:crypto';
import { type KringOptions, type KringServer, startKring } from '../src/app';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { type ScratchDatabase, scratchDatabase } from '../src/store/postgres/testing';
import { registerCleanup, tempDataDir } from './harness';
import { TEST_REDIS, deleteKeysUnder } from './redis-keys';

export { TEST_REDIS };

export interface Cluster {
  /** The nodes, each with its own data directory and store connection, on one database and one Redis. */
  nodes: KringServer[];
  /** Their base URLs, in the order of `nodes`. */
  urls: string[];
  /** This cluster's Redis key and channel prefix (unique per call). */
  prefix: string;
  database: ScratchDatabase;
  /** Closes every node, drops the database and deletes the prefix's Redis keys; also runs after the test. */
  close(): Promise<void>;
}

/** What a test may set on every node; the store, cluster, secret and data directory are the harness's. */
export type NodeOptions = Omit<KringOptions, 'dataDir' | 'store' | 'cluster' | 'secret'>;

export interface ClusterOptions {
  /** Another Redis than the shared one (a test that stops it: test/own-redis.ts). */
  redisUrl?: string;
}

/**
 * `n` Kring nodes that act as one installation (issue 17): one fresh PostgreSQL database, one Redis
 * prefix, one token secret, as an operator runs them behind a load balancer. Nodes start one after
 * the other so that only the first migrates the empty database.
 */
export async function startCluster(
  n = 2,
  options: NodeOptions = {},
  { redisUrl = TEST_REDIS }: ClusterOptions = {},
): Promise<Cluster> {
  const database = await scratchDatabase();
  const prefix = `kring-test-${randomBytes(6).toString('hex')}:`;
  const secret = randomBytes(32).toString('hex');
  const nodes: KringServer[] = [];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await Promise.allSettled(nodes.map((node) => node.close()));
      await database.drop();
      // A test's own Redis goes away with the test.
      if (redisUrl === TEST_REDIS) await deleteKeysUnder(prefix);
    })());
  registerCleanup(close);
  for (let i = 0; i < n; i++) {
    const store = await PostgresStore.open(database.url, { max: 4 });
    nodes.push(
      await startKring({
        host: '127.0.0.1',
        port: 0,
        log: () => {},
        ...options,
        dataDir: tempDataDir(),
        store,
        secret,
        cluster: { url: redisUrl, prefix },
      }),
    );
  }
  return { nodes, urls: nodes.map((node) => node.url), prefix, database, close };
}
