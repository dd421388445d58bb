import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ClusterPresence } from './presence';
import { connectRedis } from './redis';
import { TEST_REDIS, deleteKeysUnder } from '../../test/redis-keys';

/** Short, so that a dead node is noticed within a test's patience. */
const FAST = { beatMs: 50, ttlMs: 250 };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
});

/** Two nodes' presences on one fresh prefix, with their links; all removed after the test. */
async function twoNodes() {
  const prefix = `kring-test-${randomBytes(6).toString('hex')}:`;
  const node = async (id: string) => {
    const link = await connectRedis({ url: TEST_REDIS, prefix });
    const presence = await ClusterPresence.start(link, id, () => {}, FAST);
    const changes: string[] = [];
    presence.onChange((sessionId, participantId, online) =>
      changes.push(`${sessionId}/${participantId}/${online ? 'on' : 'off'}`),
    );
    cleanups.push(
      () => link.close(),
      () => presence.close(),
    );
    return { link, presence, changes };
  };
  const one = await node('node1');
  const two = await node('node2');
  cleanups.unshift(() => deleteKeysUnder(prefix));
  return { prefix, one, two };
}

describe('presence across nodes', () => {
  it('counts a person once, wherever and however often they are connected', async () => {
    const { one, two } = await twoNodes();
    expect(two.presence.connect('s1', 'ben')).toBe(true);
    expect(one.presence.connect('s1', 'ada')).toBe(true);
    await expect.poll(() => two.presence.online('s1').sort()).toEqual(['ada', 'ben']);
    await expect.poll(() => one.presence.online('s1').sort()).toEqual(['ada', 'ben']);

    // Ada opens a tab on the other node too, then closes the first: present all along.
    expect(two.presence.connect('s1', 'ada')).toBe(true);
    expect(one.presence.disconnect('s1', 'ada')).toBe(true);
    await expect.poll(() => one.changes).toContain('s1/ada/on');
    expect(two.changes.filter((c) => c.startsWith('s1/ada'))).toEqual(['s1/ada/on']);
    expect(two.presence.disconnect('s1', 'ada')).toBe(true);
    await expect.poll(() => one.presence.online('s1')).toEqual(['ben']);
    await expect
      .poll(() => two.changes.filter((c) => c.startsWith('s1/ada')))
      .toEqual(['s1/ada/on', 's1/ada/off']);
  });

  it('a node that serves a session later reads who is connected elsewhere already', async () => {
    const { one, two } = await twoNodes();
    one.presence.connect('s2', 'ada');
    await expect.poll(() => two.presence.online('s2')).toEqual(['ada']);
  });

  it('a node that dies stops counting once its heartbeat expires, and its entries go', async () => {
    const { prefix, one, two } = await twoNodes();
    two.presence.connect('s3', 'ben');
    one.presence.connect('s3', 'ada');
    await expect.poll(() => two.presence.online('s3').sort()).toEqual(['ada', 'ben']);
    await one.link.close(); // no goodbye: as a kill -9 looks to the others
    await expect.poll(() => two.presence.online('s3')).toEqual(['ben']);
    expect(two.changes).toContain('s3/ada/off');
    await expect.poll(() => two.link.client.hGetAll(`${prefix}presence:s3`)).toEqual({ 'node2:ben': '1' });
  });

  it('nodes whose heartbeats were lost (Redis restarted empty) say again who is connected to them', async () => {
    const { prefix, one, two } = await twoNodes();
    one.presence.connect('s4', 'ada');
    two.presence.connect('s4', 'ben');
    await expect.poll(() => two.presence.online('s4').sort()).toEqual(['ada', 'ben']);
    await two.link.client.del([`${prefix}node:node1`, `${prefix}node:node2`, `${prefix}presence:s4`]);
    await expect
      .poll(() => two.link.client.hGetAll(`${prefix}presence:s4`))
      .toEqual({ 'node1:ada': '1', 'node2:ben': '1' });
    await expect.poll(() => two.presence.online('s4').sort()).toEqual(['ada', 'ben']);
  });
});
