import { newId } from '../ids';
import type { SessionLock } from '../sessions/service';
import type { RedisLink } from './redis';

/** Longer than a decision and its append take; a node that dies holding it frees it by then. */
const HOLD_MS = 5_000;
/** How long a node waits for the lock before deciding without it (the versions still protect). */
const WAIT_MS = 3_000;

/** Deletes the lock only while it is still ours (it may have lapsed and been taken since). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Issue 17: one decision at a time per session across nodes. Without it nodes race to append to a
 * busy session and the losers decide again and again (at 3,000 joins over three nodes some lost
 * six times in a row). A Redis key per session, taken with SET NX PX and given back with a
 * compare-and-delete; a node that cannot take it within `WAIT_MS`, or cannot reach Redis (at
 * once, not after a wait: test/cluster-outages.test.ts), decides without it: optimistic versions
 * keep the log right either way, the lock only spares the retries.
 */
export function redisSessionLock(link: RedisLink, nodeId: string): SessionLock {
  const take = async (key: string, token: string): Promise<boolean> => {
    const until = Date.now() + WAIT_MS;
    for (let round = 0; ; round++) {
      // Redis away (or reconnecting): node-redis would queue the SET until it is back, and every
      // command of the session would wait with it. Decide without the lock instead.
      if (!link.client.isReady) return false;
      try {
        if ((await link.client.set(key, token, { NX: true, PX: HOLD_MS })) === 'OK') return true;
      } catch {
        return false; // Redis away: decide without it
      }
      if (Date.now() >= until) return false;
      // Short at first (a decision takes milliseconds), a little longer while it stays busy.
      await pause(Math.min(1 + round, 10) * (0.5 + Math.random()));
    }
  };
  return async (sessionId, work) => {
    const key = `${link.prefix}lock:session:${sessionId}`;
    const token = `${nodeId}:${newId()}`;
    const held = await take(key, token);
    try {
      return await work();
    } finally {
      // Not awaited: the answer must not wait for Redis, should it go away right now (the key
      // lapses by itself). One connection runs commands in order, so the next SET on this node
      // comes after this release.
      if (held) void link.client.eval(RELEASE, { keys: [key], arguments: [token] }).catch(() => undefined);
    }
  };
}
