import { describe, expect, it } from 'vitest';
import { SessionSummary } from '@kring/protocol';
import { connectSocket, createSession, provider, sessionSummary, startServer, withToken } from './harness';
import { accepts } from './ports';

describe('a graceful stop (issue 14)', () => {
  it('stops accepting before it cuts anyone, so that nobody comes back to the old process', async () => {
    // A stop is one process's, also in the cluster run.
    const server = await startServer(undefined, 0, { oneProcess: true });
    const s = await createSession(server.url, 'Deploy day');
    const boardId = SessionSummary.parse(
      (await sessionSummary(server.url, s.joinCode, s.facilitatorToken)).body,
    ).boards[0]!.id;
    const socket = await connectSocket(server.url, withToken(s.facilitatorToken));
    const board = provider(server.url, boardId, s.facilitatorToken);
    await expect.poll(() => board.p.synced).toBe(true);
    expect(await accepts(server.port)).toBe(true);

    const closed = server.close();
    // Refused from the first moment of the stop, before the connections it holds are closed.
    expect(server.httpServer.listening).toBe(false);
    expect(await accepts(server.port)).toBe(false);
    await closed;
    await expect.poll(() => socket.connected).toBe(false);
    await expect.poll(() => board.p.wsconnected).toBe(false);
  });
});
