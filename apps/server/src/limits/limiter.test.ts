import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLimits } from './index';
import { memoryLimiter } from './limiter';

describe('memoryLimiter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('allows the points of a window, refuses the next with the time until the window ends', async () => {
    const limiter = memoryLimiter({ points: 3, seconds: 10 });
    for (let i = 0; i < 3; i++) expect((await limiter.consume('a')).ok).toBe(true);
    vi.advanceTimersByTime(4000);
    const refused = await limiter.consume('a');
    expect(refused.ok).toBe(false);
    expect(refused.retryAfterMs).toBe(6000);
  });

  it('counts each key on its own', async () => {
    const limiter = memoryLimiter({ points: 1, seconds: 10 });
    expect((await limiter.consume('a')).ok).toBe(true);
    expect((await limiter.consume('a')).ok).toBe(false);
    expect((await limiter.consume('b')).ok).toBe(true);
  });

  it('starts afresh once the window has passed', async () => {
    const limiter = memoryLimiter({ points: 2, seconds: 1 });
    await limiter.consume('a');
    await limiter.consume('a');
    expect((await limiter.consume('a')).ok).toBe(false);
    vi.advanceTimersByTime(1001);
    expect((await limiter.consume('a')).ok).toBe(true);
  });

  it('counts several points at once (a batch of events)', async () => {
    const limiter = memoryLimiter({ points: 10, seconds: 60 });
    expect((await limiter.consume('s', 8)).ok).toBe(true);
    expect((await limiter.consume('s', 3)).ok).toBe(false);
  });

  it('check tells whether a key is over its limit without counting', async () => {
    const limiter = memoryLimiter({ points: 1, seconds: 10 });
    expect((await limiter.check('a')).ok).toBe(true);
    expect((await limiter.check('a')).ok).toBe(true);
    await limiter.consume('a');
    expect((await limiter.check('a')).ok).toBe(true); // at the limit, not over it
    await limiter.consume('a');
    expect(await limiter.check('a')).toMatchObject({ ok: false });
  });

  it('block puts a key over its limit for the given time', async () => {
    const limiter = memoryLimiter({ points: 1, seconds: 1 });
    await limiter.block('p', 30);
    expect(await limiter.check('p')).toMatchObject({ ok: false, retryAfterMs: 30_000 });
    vi.advanceTimersByTime(30_001);
    expect((await limiter.check('p')).ok).toBe(true);
  });
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
