import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { TEST_REDIS, startCluster } from './cluster-harness';
import { command, connectSocket, createSession, joinSession, withToken } from './harness';

/**
 * Issue 17: a breakout's countdown runs on every node that holds the session; when it is up, one
 * node claims the close in Redis and closes the rooms (sessions/countdown.ts), once.
 */
describe('the breakout countdown across two nodes', () => {
  it('closes the rooms once, by the node that claimed it', async () => {
    const cluster = await startCluster(2);
    const [a, b] = cluster.urls as [string, string];
    const s = await createSession(a);
    const host = await connectSocket(a, withToken(s.facilitatorToken));
    const ada = await joinSession(b, s.joinCode, 'Ada');
    // Node B holds the session too (its countdown follows it), through Ada's connection there.
    await connectSocket(b, withToken(ada.token));
    expect((await command(host, { type: 'breakout.create', rooms: { by: 'count', count: 2 } })).ok).toBe(
      true,
    );
    expect((await command(host, { type: 'breakout.open', durationMs: 1_000 })).ok).toBe(true);

    const store = cluster.nodes[0]!.store;
    const sessionId = (await store.sessionIdForJoinCode(s.joinCode))!;
    const events = () => store.loadEvents(sessionId);
    await expect
      .poll(async () => (await events()).filter((e) => e.type === 'breakout.closed').length, {
        timeout: 10_000,
      })
      .toBe(1);
    const closed = (await events()).find((e) => e.type === 'breakout.closed');
    expect(closed).toMatchObject({ by: null });

    // The claim that decided it is in Redis (it holds 4 s, longer than the close took to show).
    const redis = createClient({ url: TEST_REDIS });
    await redis.connect();
    try {
      const claims = await redis.keys(`${cluster.prefix}countdown:*`);
      expect(claims).toHaveLength(1);
    } finally {
      await redis.quit();
    }
  });
});
