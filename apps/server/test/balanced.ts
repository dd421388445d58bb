import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type KringOptions, type KringServer, startKring } from '../src/app';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { type ScratchDatabase, scratchDatabase } from '../src/store/postgres/testing';
import { TEST_REDIS, deleteKeysUnder } from './redis-keys';
import { tcpBalancer } from './tcp-balancer';

/**
 * The integration suites on several nodes (issue 17): with `KRING_TEST_NODES=2` (`pnpm
 * test:cluster`), the harness's `startServer` starts that many nodes on one PostgreSQL database
 * and one Redis prefix behind a round-robin TCP balancer, and hands the test the balancer's address
 * in place of one server's. Every new connection goes to the next node, as behind a load balancer
 * without sticky sessions: one person's socket lands on node A, the next person's on node B, a
 * board connection wherever it falls. The suites themselves do not change.
 */
export const TEST_NODES = Number(process.env.KRING_TEST_NODES ?? '1');

/** One installation per data directory, so a restart on the same directory finds its data again. */
interface Installation {
  database: ScratchDatabase;
  prefix: string;
  secret: string;
}
const installations = new Map<string, Installation>();

async function installationFor(dataDir: string, cleanup: (fn: () => Promise<void>) => void) {
  let found = installations.get(dataDir);
  if (!found) {
    found = {
      database: await scratchDatabase(),
      prefix: `kring-test-${randomBytes(6).toString('hex')}:`,
      secret: randomBytes(32).toString('hex'),
    };
    installations.set(dataDir, found);
    const made = found;
    // Registered before the nodes: cleanups run last-in first-out, so after they closed.
    cleanup(async () => {
      installations.delete(dataDir);
      await made.database.drop();
      await deleteKeysUnder(made.prefix);
    });
  }
  return found;
}

/**
 * `TEST_NODES` nodes behind one address, shaped as one `KringServer`: `url` and `port` are the
 * balancer's, `close` closes every node and the balancer; the rest (its store, its services) is
 * the first node's, which shares the database with the others.
 */
export async function startBalanced(
  options: KringOptions,
  port: number,
  cleanup: (fn: () => Promise<void>) => void,
  count = TEST_NODES,
): Promise<KringServer> {
  const { database, prefix, secret } = await installationFor(options.dataDir, cleanup);
  const nodes: KringServer[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const dataDir = join(options.dataDir, `node-${i}`);
      mkdirSync(dataDir, { recursive: true });
      nodes.push(
        await startKring({
          ...options,
          dataDir,
          port: 0,
          store: await PostgresStore.open(database.url, { max: 4 }),
          secret,
          cluster: { url: TEST_REDIS, prefix },
        }),
      );
    }
  } catch (err) {
    await Promise.allSettled(nodes.map((node) => node.close()));
    throw err;
  }
  const balancer = await tcpBalancer(
    nodes.map((node) => node.port),
    { port },
  );
  let closing: Promise<void> | undefined;
  const balanced: KringServer = Object.assign(Object.create(nodes[0]!) as KringServer, {
    url: `http://127.0.0.1:${balancer.port}`,
    port: balancer.port,
    close: () =>
      (closing ??= (async () => {
        live.delete(nodes); // a closed node's copies are no one's to wait for
        await balancer.close();
        await Promise.allSettled(nodes.map((node) => node.close()));
      })()),
  });
  live.add(nodes);
  return balanced;
}

/** The nodes behind a balanced installation (none for a single server). */
export const nodesBehind = (server: KringServer): readonly KringServer[] =>
  [...live].find((nodes) => nodes.includes(Object.getPrototypeOf(server) as KringServer)) ?? [];

/** The nodes of every balanced installation of the running test. */
const live = new Set<KringServer[]>();

/**
 * Whether, in every installation, each node that holds a session holds the same version of it
 * (the latest: the node that stored it updated its own copy first). Always true on one server.
 */
export function caughtUp(): boolean {
  return [...live].every(nodesCaughtUp);
}

function nodesCaughtUp(nodes: readonly KringServer[]): boolean {
  const ids = new Set(nodes.flatMap((node) => node.sessions.cachedIds()));
  return [...ids].every((id) => {
    const versions = new Set(
      nodes.map((node) => node.sessions.peek(id)?.version).filter((v) => v !== undefined),
    );
    return versions.size <= 1;
  });
}
