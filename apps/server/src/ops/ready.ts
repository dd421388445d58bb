import type { RequestHandler } from 'express';
import type { Store } from '../store/store';

/** A dependency's check: resolves when it answers, rejects (or hangs) when it does not. */
export type ReadinessCheck = () => Promise<void>;

export interface Readiness {
  /** `GET /api/ready`. */
  handler: RequestHandler;
  /** From now on the answer is 503, so a load balancer moves people away before the process stops. */
  shuttingDown(): void;
}

/** A check that has not answered by then counts as down (a probe must not hang with it). */
const CHECK_TIMEOUT_MS = 2000;

function within(check: ReadinessCheck, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const answer = Promise.resolve()
    .then(check)
    .then(
      () => true,
      () => false,
    );
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Readiness, apart from liveness (`/api/health`): 200 `{ready:true}` when every check answers,
 * else 503 `{ready:false, checks:{name:'up'|'down'}}`; 503 `{ready:false, shuttingDown:true}`
 * once the server is closing. Which dependency failed is named, never why (no error text leaves).
 */
export function readiness(
  checks: Record<string, ReadinessCheck>,
  timeoutMs: number = CHECK_TIMEOUT_MS,
): Readiness {
  let closing = false;
  const handler: RequestHandler = async (_req, res) => {
    res.set('Cache-Control', 'no-store');
    if (closing) {
      res.status(503).json({ ready: false, shuttingDown: true });
      return;
    }
    const names = Object.keys(checks);
    const results = await Promise.all(names.map((name) => within(checks[name]!, timeoutMs)));
    if (results.every(Boolean)) {
      res.json({ ready: true });
      return;
    }
    const states = Object.fromEntries(names.map((name, i) => [name, results[i] ? 'up' : 'down']));
    res.status(503).json({ ready: false, checks: states });
  };
  return {
    handler,
    shuttingDown() {
      closing = true;
    },
  };
}

/**
 * The store's check: its `ping()` once the Store interface has one, until then a look-up by
 * primary key of a session that does not exist (one cheap indexed read, no rows).
 */
export function storeCheck(store: Store): ReadinessCheck {
  const pingable = store as Store & { ping?: () => Promise<void> };
  return async () => {
    if (typeof pingable.ping === 'function') await pingable.ping();
    else await store.sessionExpiry('readiness-probe');
  };
}
