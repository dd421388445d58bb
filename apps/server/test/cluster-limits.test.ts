import { describe, expect, it } from 'vitest';
import { startCluster } from './cluster-harness';
import { command, connectSocket, createSession, joinSession, withToken } from './harness';

const per = (points: number, seconds = 600) => ({ points, seconds });

function join(base: string, code: string) {
  return fetch(`${base}/api/sessions/${code}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'P' }),
  });
}

/**
 * Rate limits on several nodes (issue 17): the nodes count in Redis, so spreading requests over
 * them buys nothing. Per-node memory limits would allow each node the whole budget (twice as many
 * here); these tests refuse past the one shared budget.
 */
describe('rate limits across nodes', () => {
  it('join attempts from one address, alternating nodes, share one budget', async () => {
    const { urls } = await startCluster(2, { limits: { joinsPerAddress: per(4) } });
    const s = await createSession(urls[0]!);
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await join(urls[i % 2]!, s.joinCode)).status);
    // Four in all (two on each node), then both nodes refuse: not four on each.
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429, 429, 429]);
  });

  it("one person's commands over sockets on both nodes count against one budget", async () => {
    const { urls } = await startCluster(2, { limits: { commandsPerParticipant: per(6, 60) } });
    const s = await createSession(urls[0]!);
    const ada = await joinSession(urls[0]!, s.joinCode, 'Ada');
    const onOne = await connectSocket(urls[0]!, withToken(ada.token));
    const onTwo = await connectSocket(urls[1]!, withToken(ada.token));
    const codes = [];
    // Junk on purpose: under the limit it reaches zod (bad_request), over it the limit answers first.
    for (let i = 0; i < 10; i++) {
      const ack = await command(i % 2 ? onTwo : onOne, { type: 'no.such.command' });
      codes.push(!ack.ok && ack.error.code);
    }
    expect(codes).toEqual([...Array(6).fill('bad_request'), ...Array(4).fill('rate_limited')]);
  });
});
