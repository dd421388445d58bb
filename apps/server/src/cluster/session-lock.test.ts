import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionService } from '../sessions/service';
import { SqliteStore } from '../store/sqlite';
import { VersionConflictError } from '../store/store';
import { type RedisLink, connectRedis } from './redis';
import { redisSessionLock } from './session-lock';
import { TEST_REDIS } from '../../test/redis-keys';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Two nodes' session services on one store, counting the races they lose. */
async function twoNodes(lock: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'kring-lock-'));
  const store = new SqliteStore(dir);
  let conflicts = 0;
  const counting = Object.create(store) as SqliteStore;
  counting.appendEvents = async (...args) => {
    try {
      return await store.appendEvents(...args);
    } catch (err) {
      if (err instanceof VersionConflictError) conflicts++;
      throw err;
    }
  };
  const link: RedisLink = await connectRedis({
    url: TEST_REDIS,
    prefix: `kring-test-${randomBytes(6).toString('hex')}:`,
  });
  cleanups.push(async () => {
    await link.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const node = (id: string) =>
    new SessionService(
      counting,
      () => [],
      Date.now,
      async () => true,
      ...(lock ? [redisSessionLock(link, id)] : []),
    );
  return { a: node('nodeA'), b: node('nodeB'), conflicts: () => conflicts };
}

async function joinsOverBoth(nodes: Awaited<ReturnType<typeof twoNodes>>, people: number) {
  const { state } = await nodes.a.create('Busy');
  await nodes.b.get(state.sessionId);
  const joined = await Promise.all(
    Array.from({ length: people }, (_, i) =>
      (i % 2 ? nodes.a : nodes.b).join(state.sessionId, `Person ${i}`),
    ),
  );
  return joined;
}

describe('one decision at a time per session across nodes (issue 17)', () => {
  it('joins spread over two nodes all land without one lost race', async () => {
    const nodes = await twoNodes(true);
    const joined = await joinsOverBoth(nodes, 40);
    expect(joined.every((j) => j.ok)).toBe(true);
    expect(nodes.conflicts()).toBe(0);
  });

  it('without the lock the same joins race (what the lock spares)', async () => {
    const nodes = await twoNodes(false);
    const joined = await joinsOverBoth(nodes, 40);
    expect(joined.every((j) => j.ok)).toBe(true);
    expect(nodes.conflicts()).toBeGreaterThan(0);
  });
});
