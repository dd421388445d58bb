import { io as ioClient } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { viewFor } from '@kring/core';
import { startKring } from '../src/app';
import { TEST_REDIS, startCluster } from './cluster-harness';
import {
  type ClientSocket,
  command,
  connectSocket,
  createSession,
  joinSession,
  mirror,
  registerCleanup,
  snapshotAck,
  tempDataDir,
  withToken,
  plenaryHands,
  type Mirror,
} from './harness';

type Box = Mirror;

const onlineAt = async (socket: ClientSocket) => {
  const snap = await snapshotAck(socket);
  return snap.ok ? snap.online : [];
};

/** Issue 17: two nodes on one PostgreSQL database and one Redis act as one for sessions. */
describe('sessions across two nodes', () => {
  it('a command on node A reaches the clients of both nodes exactly once, in order', async () => {
    const { urls } = await startCluster(2);
    const [a, b] = urls as [string, string];
    const s = await createSession(a);
    const host = await connectSocket(a, withToken(s.facilitatorToken));
    const ada = await joinSession(b, s.joinCode, 'Ada');
    const onA = await mirror(host);
    const onB = await mirror(await connectSocket(b, withToken(ada.token)));

    const texts = ['one', 'two', 'three', 'four', 'five'];
    for (const text of texts) {
      expect(await command(host, { type: 'announcement.post', text })).toMatchObject({ ok: true });
    }
    const posted = (box: Box) =>
      box.received.flatMap((e) => (e.type === 'announcement.posted' ? [e.text] : []));
    await expect.poll(() => posted(onB)).toEqual(texts);
    await expect.poll(() => posted(onA)).toEqual(texts);
    // Every batch once: versions only go up, on both nodes' clients.
    for (const box of [onA, onB]) {
      const versions = box.received.map((e) => e.v);
      expect(versions).toEqual([...versions].sort((x, y) => x - y));
      expect(new Set(versions).size).toBe(versions.length);
    }
    expect(onB.state.version).toBe(onA.state.version);
  });

  it('hands raised at once on both nodes end in one queue, the same at every client', async () => {
    const { urls } = await startCluster(2);
    const s = await createSession(urls[0]!);
    const hostBox = await mirror(await connectSocket(urls[0]!, withToken(s.facilitatorToken)));
    const people = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const url = urls[i % 2]!;
        const p = await joinSession(url, s.joinCode, `Person ${i}`);
        const socket = await connectSocket(url, withToken(p.token));
        return { socket, box: await mirror(socket) };
      }),
    );
    const acks = await Promise.all(people.map((p) => command(p.socket, { type: 'hand.raise' })));
    expect(acks.filter((ack) => !ack.ok)).toEqual([]);

    await expect.poll(() => plenaryHands(hostBox).length).toBe(6);
    const queue = plenaryHands(hostBox);
    expect(new Set(queue).size).toBe(6);
    for (const p of people) await expect.poll(() => plenaryHands(p.box)).toEqual(queue);
  });

  it('a person the host removes on node A loses their connection to node B', async () => {
    const { urls } = await startCluster(2);
    const [a, b] = urls as [string, string];
    const s = await createSession(a);
    const host = await connectSocket(a, withToken(s.facilitatorToken));
    const ada = await joinSession(b, s.joinCode, 'Ada');
    const adaSocket = await connectSocket(b, withToken(ada.token));
    const adaBox = await mirror(adaSocket);
    const cut = new Promise<string>((resolve) => adaSocket.once('disconnect', resolve));

    expect(
      await command(host, { type: 'participant.remove', participantId: ada.participantId }),
    ).toMatchObject({
      ok: true,
    });
    // Cut by node B, after the batch that told her why.
    expect(await cut).toBe('io server disconnect');
    expect(adaBox.received.some((e) => e.type === 'participant.removed')).toBe(true);
    await expect(connectSocket(b, withToken(ada.token))).rejects.toThrow();
  });

  it('a session the host deletes on node A is gone on node B too: connections cut, tokens refused', async () => {
    const { urls } = await startCluster(2);
    const [a, b] = urls as [string, string];
    const s = await createSession(a);
    const ada = await joinSession(b, s.joinCode, 'Ada');
    const adaSocket = await connectSocket(b, withToken(ada.token));
    await mirror(adaSocket); // node B holds the session's state
    const cut = new Promise<string>((resolve) => adaSocket.once('disconnect', resolve));

    const res = await fetch(`${a}/api/sessions/${s.joinCode}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    expect(res.status).toBe(204);
    expect(await cut).toBe('io server disconnect');
    // Node B forgot its cached state: coming back, she learns the session is gone.
    await expect(connectSocket(b, withToken(ada.token))).rejects.toMatchObject({ message: 'not_found' });
  });

  it('someone connected only to node B counts as present for a round started on node A', async () => {
    const { urls } = await startCluster(2);
    const [a, b] = urls as [string, string];
    const s = await createSession(a);
    const host = await connectSocket(a, withToken(s.facilitatorToken));
    const hostBox = await mirror(host);
    const ada = await joinSession(b, s.joinCode, 'Ada');
    const ben = await joinSession(b, s.joinCode, 'Ben'); // joined, never connected
    await connectSocket(b, withToken(ada.token));
    // Node A's clients are told, and node A's own answer (the snapshot's) says so too.
    await expect.poll(() => onlineAt(host)).toContain(ada.participantId);
    expect(await onlineAt(host)).not.toContain(ben.participantId);

    expect(
      await command(host, {
        type: 'floor.start',
        setup: { mode: 'round', orderBy: 'manual', participantIds: [ben.participantId, ada.participantId] },
      }),
    ).toMatchObject({ ok: true });
    await expect
      .poll(() => {
        const floor = viewFor(hostBox.state, hostBox.you).floors.plenary;
        return floor?.mode === 'round' ? (floor.speaker?.participantId ?? null) : 'no round';
      })
      .toBe(ada.participantId);
    // Ben, absent, was skipped; Ada, present on the other node, was not.
    const skipped = hostBox.received.flatMap((e) =>
      e.type === 'round.turnRecorded' && e.outcome === 'skipped' ? [e.participantId] : [],
    );
    expect(skipped).toEqual([ben.participantId]);
  });

  it('a connection cut for a moment is recovered, with what went out cluster-wide meanwhile', async () => {
    const { urls } = await startCluster(2);
    const [a, b] = urls as [string, string];
    const s = await createSession(a);
    const host = await connectSocket(a, withToken(s.facilitatorToken));
    const ada = await joinSession(b, s.joinCode, 'Ada');
    // Back after a fixed 1.5 s, so that what is said while she is away is said before she returns.
    const adaSocket: ClientSocket = ioClient(b, {
      auth: withToken(ada.token),
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 1_500,
      randomizationFactor: 0,
    });
    registerCleanup(() => void adaSocket.disconnect());
    const lines: string[] = [];
    adaSocket.on('caption', (update) => {
      if (update.kind === 'line') lines.push(update.line.text);
    });
    await new Promise((resolve) => adaSocket.once('connect', () => resolve(null)));
    const adaBox = await mirror(adaSocket);
    const say = (text: string) =>
      new Promise((resolve) => host.emit('caption', { kind: 'line', text, speaker: 'Host' }, resolve));
    // Captions go out cluster-wide (their words live on the captioner's node): they carry offsets.
    expect(await say('Welcome')).toMatchObject({ ok: true });
    await expect.poll(() => lines).toEqual(['Welcome']);

    const back = new Promise<void>((resolve) => adaSocket.once('connect', () => resolve()));
    adaSocket.io.engine.close(); // the network drops; the client comes back by itself
    expect(await say('While you were away')).toMatchObject({ ok: true });
    await back;
    // Connection state recovery (Redis Streams adapter): the same socket, and what it missed.
    expect(adaSocket.recovered).toBe(true);
    await expect.poll(() => lines).toEqual(['Welcome', 'While you were away']);
    expect(await command(host, { type: 'announcement.post', text: 'Still here?' })).toMatchObject({
      ok: true,
    });
    await expect
      .poll(() => adaBox.received.flatMap((e) => (e.type === 'announcement.posted' ? [e.text] : [])))
      .toEqual(['Still here?']);
  });

  it('refuses to start as one of several nodes on the SQLite file', async () => {
    await expect(
      startKring({ dataDir: tempDataDir(), port: 0, log: () => {}, cluster: { url: TEST_REDIS } }),
    ).rejects.toThrow(/need one shared PostgreSQL database: set DATABASE_URL/);
  });
});
