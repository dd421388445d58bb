import { type Limiter, memoryLimiter } from './limiter';
import { LIMIT_TABLE, type LimitName, type LimitTable, type Rule } from './table';

export type { Limiter, Verdict } from './limiter';
export { LIMIT_TABLE, type LimitName, type LimitTable, type Rule } from './table';
export { clientAddress } from './address';

/** One limiter per line of the limits table, for one server. */
export type Limits = Record<LimitName, Limiter>;

/**
 * The limiters of one server (each server its own, so tests and restarts start empty). `overrides`
 * replaces numbers of the table (tests use small ones); `make` builds a limiter from a rule, in
 * memory unless a shared store is given.
 */
export function createLimits(
  overrides: Partial<LimitTable> = {},
  make: (rule: Rule, name: LimitName) => Limiter = memoryLimiter,
): Limits {
  const table: LimitTable = { ...LIMIT_TABLE, ...overrides };
  return Object.fromEntries(
    (Object.keys(table) as LimitName[]).map((name) => [name, make(table[name], name)]),
  ) as Limits;
}

/** Seconds for a Retry-After header: whole seconds, at least one. */
export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
