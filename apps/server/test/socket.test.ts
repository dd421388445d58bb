import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '@kring/protocol';
import { PROTOCOL_VERSION } from '@kring/protocol';
import {
  command,
  connectSocket,
  createSession,
  joinSession,
  snapshotAck,
  startServer,
  withToken,
} from './harness';

describe('control plane (socket.io)', () => {
  it('refuses a handshake without token, with a forged token, or with another protocol version', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    await expect(connectSocket(server.url, {})).rejects.toThrow('unauthorized');
    await expect(connectSocket(server.url, withToken(s.facilitatorToken + 'x'))).rejects.toThrow(
      'unauthorized',
    );
    await expect(
      connectSocket(server.url, { token: s.facilitatorToken, protocolVersion: PROTOCOL_VERSION + 1 }),
    ).rejects.toThrow('protocol_mismatch');
  });

  it('gives a snapshot and tells others who arrives and who leaves, also many at once', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const presence: { participantId: string; online: boolean }[] = [];
    host.on('presence', (p) => {
      for (const id of p.online) presence.push({ participantId: id, online: true });
      for (const id of p.offline) presence.push({ participantId: id, online: false });
    });

    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const adaSocket = await connectSocket(server.url, withToken(ada.token));
    const snap = await snapshotAck(adaSocket);
    if (!snap.ok) throw new Error(snap.error.message);
    expect(snap.you).toBe(ada.participantId);
    expect(snap.state.participants[ada.participantId]?.displayName).toBe('Ada');
    expect(snap.online.sort()).toEqual(Object.keys(snap.state.participants).sort());

    await expect.poll(() => presence).toContainEqual({ participantId: ada.participantId, online: true });
    adaSocket.disconnect();
    await expect.poll(() => presence).toContainEqual({ participantId: ada.participantId, online: false });

    // Twenty people arriving together: gathered into fewer updates (presence-broadcast.test.ts),
    // and every one of them is there.
    const arriving = await Promise.all(
      Array.from({ length: 20 }, (_, i) => joinSession(server.url, s.joinCode, `Guest ${i + 1}`)),
    );
    await Promise.all(arriving.map((p) => connectSocket(server.url, withToken(p.token))));
    const ids = arriving.map((p) => p.participantId);
    await expect
      .poll(() => ids.filter((id) => presence.some((p) => p.participantId === id && p.online)).length)
      .toBe(20);
  });

  it('lets the host lock the board, broadcasts the event, and refuses participants', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const adaSocket = await connectSocket(server.url, withToken(ada.token));
    const seen: SessionEvent[] = [];
    adaSocket.on('events', (b) => seen.push(...b.events));

    const snap = await snapshotAck(host);
    if (!snap.ok) throw new Error('no snapshot');
    const boardId = snap.state.boards[0]!.id;

    const refused = await command(adaSocket, { type: 'board.setLock', boardId, locked: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const ok = await command(host, { type: 'board.setLock', boardId, locked: true });
    expect(ok).toMatchObject({ ok: true, version: snap.state.version + 1 });
    await expect.poll(() => seen.map((e) => e.type)).toEqual(['board.lockChanged']);
  });

  it('answers malformed commands with a named error and keeps serving', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    for (const bad of [
      null,
      42,
      'lock',
      {},
      { type: 'board.setLock' },
      { type: 'nope' },
      { type: 'board.setLock', boardId: 'x', locked: 'yes' },
    ]) {
      const ack = await command(host, bad);
      expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    // An event without an ack callback and an unknown event are ignored, not fatal.
    (host as unknown as { emit: (...a: unknown[]) => void }).emit('command', { type: 'board.setLock' });
    (host as unknown as { emit: (...a: unknown[]) => void }).emit('whatever', 1, 2, 3);
    const snap = await snapshotAck(host);
    expect(snap.ok).toBe(true);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('orders concurrent lock commands identically at every client', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const snap = await snapshotAck(host);
    if (!snap.ok) throw new Error('no snapshot');
    const boardId = snap.state.boards[0]!.id;
    const watchers = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const p = await joinSession(server.url, s.joinCode, `P${i}`);
        const sock = await connectSocket(server.url, withToken(p.token));
        const log: number[] = [];
        sock.on('events', (b) => log.push(...b.events.map((e) => e.v)));
        return log;
      }),
    );
    const acks = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        command(host, { type: 'board.setLock', boardId, locked: i % 2 === 0 }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const versions = acks.map((a) => (a.ok ? a.version : 0));
    const final = Math.max(...versions);
    for (const log of watchers) await expect.poll(() => log.at(-1)).toBe(final);
    // The locks' events, in one order everywhere. (What each watcher saw of the others' joins
    // depends on when it connected, on several nodes the more so.)
    const locks = (log: number[]) => log.filter((v) => v >= Math.min(...versions));
    const first = locks(watchers[0]!);
    expect(first).toHaveLength(10);
    for (const log of watchers) expect(locks(log)).toEqual(first);
  });
});
