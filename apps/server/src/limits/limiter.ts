import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Rule } from './table';

/**
 * Our own small interface over the counting library. Call sites only see this, so the in-memory
 * limiter can be replaced by a Redis-backed one (RateLimiterRedis, same library, same calls) when
 * Kring runs on several nodes, without touching them. It is asynchronous for that reason too.
 *
 * Why rate-limiter-flexible: maintained, typed, small with no dependencies, and it has both the
 * memory backend we need now and the Redis backend a multi-node setup needs, behind one API.
 */
export interface Verdict {
  ok: boolean;
  /** When the key may be counted again (0 when ok). */
  retryAfterMs: number;
}

export interface Limiter {
  readonly rule: Rule;
  /** Counts `points` against `key`; not ok once the key is over its limit in this window. */
  consume(key: string, points?: number): Promise<Verdict>;
  /** Whether `key` is over its limit now, without counting. */
  check(key: string): Promise<Verdict>;
  /** Puts `key` over its limit for `seconds` (for example a cooldown after a flood). */
  block(key: string, seconds: number): Promise<void>;
}

const OK: Verdict = { ok: true, retryAfterMs: 0 };

const refused = (res: RateLimiterRes): Verdict => ({
  ok: false,
  // Never 0: a caller turns this into Retry-After, and "retry now" would invite the next flood.
  retryAfterMs: Math.max(1, res.msBeforeNext),
});

/** A limiter kept in this process's memory. */
export function memoryLimiter(rule: Rule): Limiter {
  return limiterOver(rule, new RateLimiterMemory({ points: rule.points, duration: rule.seconds }));
}

/** Our interface over one of the library's counters (in memory or in a shared store). */
export function limiterOver(rule: Rule, counter: RateLimiterAbstract): Limiter {
  return {
    rule,
    async consume(key, points = 1) {
      try {
        await counter.consume(key, points);
        return OK;
      } catch (res) {
        // The library rejects with its result when over the limit. Anything else is a failure of
        // the store (only possible with a remote one): let the request through rather than refuse
        // everyone while the store is away.
        if (res instanceof RateLimiterRes) return refused(res);
        return OK;
      }
    },
    async check(key) {
      const res = await counter.get(key);
      return res && res.consumedPoints > rule.points ? refused(res) : OK;
    },
    async block(key, seconds) {
      await counter.block(key, seconds);
    },
  };
}
