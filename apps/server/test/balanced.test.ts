import { describe, expect, it } from 'vitest';
import { nodesBehind, startBalanced } from './balanced';
import {
  command,
  connectSocket,
  createSession,
  joinSession,
  mirror,
  registerCleanup,
  tempDataDir,
  withToken,
  plenaryHands,
} from './harness';

/** One node's gauge from its own /metrics (loopback may read it). */
async function gauge(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

/**
 * The cluster run's set-up itself (test/balanced.ts): behind the one address, connections do
 * spread over the nodes, and the nodes act as one. It always runs on two nodes, so that the claim
 * "these suites also pass on two nodes" rests on something checked.
 */
describe('two nodes behind one address (the cluster run)', () => {
  it('puts people on both nodes, and they share one hand queue', async () => {
    const server = await startBalanced(
      { dataDir: tempDataDir(), port: 0, host: '127.0.0.1', log: () => {} },
      0,
      registerCleanup,
      2,
    );
    registerCleanup(() => server.close());
    const nodes = nodesBehind(server);
    expect(nodes).toHaveLength(2);
    const s = await createSession(server.url);
    const host = await mirror(await connectSocket(server.url, withToken(s.facilitatorToken)));
    const people = [];
    for (let i = 0; i < 4; i++) {
      const joined = await joinSession(server.url, s.joinCode, `Person ${i}`);
      people.push({ ...joined, socket: await connectSocket(server.url, withToken(joined.token)) });
    }
    for (const node of nodes) expect(await gauge(node.url, 'kring_socket_connections')).toBeGreaterThan(0);

    for (const p of people)
      expect(await command(p.socket, { type: 'hand.raise' })).toMatchObject({ ok: true });
    await expect.poll(() => plenaryHands(host)).toEqual(people.map((p) => p.participantId));
  });
});
