import type { RedisLink } from '../cluster/redis';
import { type Limiter, memoryLimiter } from './limiter';
import { redisLimiter } from './redis-limiter';
import { LIMIT_TABLE, type LimitName, type LimitTable } from './table';

export type { Limiter, Verdict } from './limiter';
export { LIMIT_TABLE, type LimitName, type LimitTable, type Rule } from './table';
export { clientAddress } from './address';

/** One limiter per line of the limits table, for one server. */
export type Limits = Record<LimitName, Limiter>;

/**
 * The limiters of one server (each server its own, so tests and restarts start empty). `overrides`
 * replaces numbers of the table (tests use small ones). With a Redis link (several nodes) every
 * limiter counts in Redis, shared by all nodes; without one, in this process's memory.
 */
export function createLimits(overrides: Partial<LimitTable> = {}, redis?: RedisLink): Limits {
  const table: LimitTable = { ...LIMIT_TABLE, ...overrides };
  const make = (name: LimitName): Limiter =>
    redis ? redisLimiter(table[name], redis, name) : memoryLimiter(table[name]);
  return Object.fromEntries((Object.keys(table) as LimitName[]).map((name) => [name, make(name)])) as Limits;
}

/** Seconds for a Retry-After header: whole seconds, at least one. */
export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
