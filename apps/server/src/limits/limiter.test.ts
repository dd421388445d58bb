import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RedisLink, connectRedis } from '../cluster/redis';
import { createLimits } from './index';
import { type Limiter, memoryLimiter } from './limiter';
import { redisLimiter } from './redis-limiter';
import type { Rule } from './table';
import { TEST_REDIS, deleteKeysUnder } from '../../test/redis-keys';

/**
 * What every limiter does, wherever it keeps its counts: the same cases run in memory and in Redis.
 * The windows are long, so these hold in real time too (Redis keeps its own clock).
 */
function sameSemantics(make: () => (rule: Rule) => Limiter) {
  it('allows the points of a window, refuses the next with the time until the window ends', async () => {
    const limiter = make()({ points: 3, seconds: 10 });
    for (let i = 0; i < 3; i++) expect((await limiter.consume('a')).ok).toBe(true);
    const refused = await limiter.consume('a');
    expect(refused.ok).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it('counts each key on its own', async () => {
    const limiter = make()({ points: 1, seconds: 10 });
    expect((await limiter.consume('a')).ok).toBe(true);
    expect((await limiter.consume('a')).ok).toBe(false);
    expect((await limiter.consume('b')).ok).toBe(true);
  });

  it('counts several points at once (a batch of events)', async () => {
    const limiter = make()({ points: 10, seconds: 60 });
    expect((await limiter.consume('s', 8)).ok).toBe(true);
    expect((await limiter.consume('s', 3)).ok).toBe(false);
  });

  it('check tells whether a key is over its limit without counting', async () => {
    const limiter = make()({ points: 1, seconds: 10 });
    expect((await limiter.check('a')).ok).toBe(true);
    expect((await limiter.check('a')).ok).toBe(true);
    await limiter.consume('a');
    expect((await limiter.check('a')).ok).toBe(true); // at the limit, not over it
    await limiter.consume('a');
    expect(await limiter.check('a')).toMatchObject({ ok: false });
  });

  it('block puts a key over its limit for the given time', async () => {
    const limiter = make()({ points: 1, seconds: 1 });
    await limiter.block('p', 30);
    const verdict = await limiter.check('p');
    expect(verdict.ok).toBe(false);
    expect(verdict.retryAfterMs).toBeGreaterThan(29_000);
    expect(verdict.retryAfterMs).toBeLessThanOrEqual(30_000);
    expect((await limiter.consume('p')).ok).toBe(false);
  });
}

describe('memoryLimiter', () => {
  sameSemantics(() => memoryLimiter);

  describe('over time', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('refuses with exactly the time left in the window', async () => {
      const limiter = memoryLimiter({ points: 1, seconds: 10 });
      await limiter.consume('a');
      vi.advanceTimersByTime(4000);
      expect(await limiter.consume('a')).toEqual({ ok: false, retryAfterMs: 6000 });
    });

    it('starts afresh once the window has passed', async () => {
      const limiter = memoryLimiter({ points: 2, seconds: 1 });
      await limiter.consume('a');
      await limiter.consume('a');
      expect((await limiter.consume('a')).ok).toBe(false);
      vi.advanceTimersByTime(1001);
      expect((await limiter.consume('a')).ok).toBe(true);
    });

    it('a block ends after its time', async () => {
      const limiter = memoryLimiter({ points: 1, seconds: 1 });
      await limiter.block('p', 30);
      vi.advanceTimersByTime(30_001);
      expect((await limiter.check('p')).ok).toBe(true);
    });
  });
});

describe('redisLimiter', () => {
  const prefix = `kring-test-${randomBytes(6).toString('hex')}:`;
  let link: RedisLink;
  let made = 0;
  // Each limiter its own name, so the cases never share a key.
  const inRedis = (rule: Rule) => redisLimiter(rule, link, `case${made++}`);

  beforeAll(async () => {
    link = await connectRedis({ url: TEST_REDIS, prefix });
  });
  afterAll(async () => {
    await deleteKeysUnder(prefix);
    await link.close();
  });

  sameSemantics(() => inRedis);

  it('keeps its counts in Redis under the prefix and the limit name', async () => {
    await redisLimiter({ points: 5, seconds: 10 }, link, 'joinsPerAddress').consume('203.0.113.7', 2);
    expect(await link.client.get(`${prefix}rl:joinsPerAddress:203.0.113.7`)).toBe('2');
  });

  it('two limiters on one link (two nodes) share one budget', async () => {
    const rule = { points: 2, seconds: 10 };
    const one = redisLimiter(rule, link, 'shared');
    const two = redisLimiter(rule, link, 'shared');
    expect((await one.consume('p')).ok).toBe(true);
    expect((await two.consume('p')).ok).toBe(true);
    expect((await one.consume('p')).ok).toBe(false);
    expect((await two.check('p')).ok).toBe(false);
  });

  it('starts afresh once the window has passed', async () => {
    const limiter = inRedis({ points: 1, seconds: 1 });
    await limiter.consume('a');
    expect((await limiter.consume('a')).ok).toBe(false);
    // Redis expires the window on its own clock: poll until it has.
    await vi.waitFor(async () => expect((await limiter.check('a')).ok).toBe(true), {
      timeout: 3000,
      interval: 50,
    });
    expect((await limiter.consume('a')).ok).toBe(true);
  });

  it('while Redis is unreachable, counts in memory instead of failing or waiting', async () => {
    // A client that keeps trying to reach a port nobody listens on: like Redis during an outage,
    // open but never ready, so a plain command would wait in its queue.
    const away = createClient({ url: 'redis://127.0.0.1:1', socket: { reconnectStrategy: 20 } });
    away.on('error', () => {});
    const connecting = away.connect().catch(() => {});
    try {
      const unreachable: RedisLink = { client: away, subscriber: away, prefix, close: async () => {} };
      const limiter = redisLimiter({ points: 2, seconds: 10 }, unreachable, 'away');
      expect((await limiter.consume('a')).ok).toBe(true);
      expect((await limiter.consume('a')).ok).toBe(true);
      const refused = await limiter.consume('a');
      expect(refused.ok).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThanOrEqual(1);
      expect((await limiter.check('a')).ok).toBe(false);
      await limiter.block('b', 30);
      expect((await limiter.check('b')).ok).toBe(false);
      expect((await limiter.check('c')).ok).toBe(true);
    } finally {
      away.destroy();
      await connecting;
    }
  }, 2000);
});

describe('createLimits', () => {
  it('builds one limiter per line of the table, with overrides replacing numbers', async () => {
    const limits = createLimits({ joinsPerSession: { points: 1, seconds: 5 } });
    expect(limits.joinsPerSession.rule).toEqual({ points: 1, seconds: 5 });
    expect(limits.joinsPerAddress.rule.points).toBeGreaterThan(1);
    expect((await limits.joinsPerSession.consume('s')).ok).toBe(true);
    expect((await limits.joinsPerSession.consume('s')).ok).toBe(false);
  });

  it('gives each server its own counts', async () => {
    const one = createLimits({ joinsPerSession: { points: 1, seconds: 5 } });
    const two = createLimits({ joinsPerSession: { points: 1, seconds: 5 } });
    await one.joinsPerSession.consume('s');
    expect((await two.joinsPerSession.consume('s')).ok).toBe(true);
  });
});
