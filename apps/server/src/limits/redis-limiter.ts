import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RedisLink } from '../cluster/redis';
import { type Limiter, limiterOver } from './limiter';
import type { Rule } from './table';

/**
 * A limiter whose counts live in Redis, so that every node of a cluster (issue 17) counts against
 * one budget: someone spreading requests over nodes gets no more than from one node.
 *
 * When Redis is away the library hands each call to the `insuranceLimiter`, an in-memory counter
 * with the same rule: limits degrade to per node (at most n times the budget on n nodes) instead of
 * refusing everyone or failing requests. `rejectIfRedisNotReady` is what makes that immediate: the
 * node-redis client otherwise queues commands while it reconnects, and every limited request would
 * wait for Redis to come back.
 */
export function redisLimiter(rule: Rule, link: RedisLink, name: string): Limiter {
  const counter = new RateLimiterRedis({
    storeClient: link.client,
    // node-redis v4 and later have their own command API (not ioredis's); the library needs telling.
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    keyPrefix: `${link.prefix}rl:${name}`,
    points: rule.points,
    duration: rule.seconds,
    insuranceLimiter: new RateLimiterMemory({ points: rule.points, duration: rule.seconds }),
  });
  return limiterOver(rule, counter);
}
