import { addNote, readNotes } from '@kring/board';
import { SessionSummary } from '@kring/protocol';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import type { KringServer } from '../src/app';
import { COMMAND_FAILED } from '../src/realtime/socket';
import { TEST_SERVER } from '../src/store/postgres/testing';
import { startCluster } from './cluster-harness';
import {
  type ClientSocket,
  command,
  connectSocket,
  createSession,
  joinSession,
  mirror,
  provider,
  registerCleanup,
  sessionSummary,
  withToken,
  plenaryHands,
  storedDoc,
} from './harness';
import { ownRedis } from './own-redis';

/**
 * Issue 17: Redis or PostgreSQL going away under two nodes. The app says so (readiness), keeps
 * doing what it can, and once the service is back every node and client is current again with no
 * acknowledged work lost. Real services: a Redis server of the test's own that is killed and
 * started again; the machine's PostgreSQL with this test's database cut off and let back in.
 */

const readiness = (base: string) =>
  fetch(`${base}/api/ready`).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));

const announcements = (box: Awaited<ReturnType<typeof mirror>>) =>
  box.received.flatMap((e) => (e.type === 'announcement.posted' ? [e.text] : []));

const noteTexts = (doc: Parameters<typeof readNotes>[0]) =>
  readNotes(doc)
    .map((n) => n.text)
    .sort();

const storedNoteTexts = async (node: KringServer, boardId: string) =>
  noteTexts(await storedDoc(node, boardId));

/** A session made on node A with a host there and Ada on node B, each with their board open on their node. */
async function scene(a: string, b: string) {
  const s = await createSession(a);
  const ada = await joinSession(b, s.joinCode, 'Ada');
  const host: ClientSocket = await connectSocket(a, withToken(s.facilitatorToken));
  const adaSocket: ClientSocket = await connectSocket(b, withToken(ada.token));
  const onA = await mirror(host);
  const onB = await mirror(adaSocket);
  const summary = SessionSummary.parse((await sessionSummary(a, s.joinCode, s.facilitatorToken)).body);
  const boardId = summary.boards[0]!.id;
  const hostBoard = provider(a, boardId, s.facilitatorToken, { maxBackoffTime: 200 });
  const adaBoard = provider(b, boardId, ada.token, { maxBackoffTime: 200 });
  await expect.poll(() => hostBoard.p.synced && adaBoard.p.synced, { timeout: 10_000 }).toBe(true);
  return { s, hostId: summary.you.id, ada, host, adaSocket, onA, onB, boardId, hostBoard, adaBoard };
}

describe('Redis goes away and comes back', () => {
  it('nodes report it, go on taking commands and board edits, and everyone is current once it is back', async () => {
    const redis = await ownRedis();
    const { urls } = await startCluster(2, {}, { redisUrl: redis.url });
    const [a, b] = urls as [string, string];
    const x = await scene(a, b);
    addNote(x.hostBoard.doc, { id: 'before', text: 'Before', color: 'yellow', authorId: x.hostId });
    await expect.poll(() => noteTexts(x.adaBoard.doc)).toEqual(['Before']);

    await redis.kill();
    for (const base of [a, b]) {
      await expect
        .poll(() => readiness(base))
        .toEqual({ status: 503, body: { ready: false, checks: { store: 'up', redis: 'down' } } });
      expect((await fetch(`${base}/api/health`)).status).toBe(200);
    }

    // Each node goes on deciding for its own clients: answered, not left waiting for Redis.
    expect(await command(x.host, { type: 'announcement.post', text: 'During the outage' })).toMatchObject({
      ok: true,
    });
    expect(await command(x.adaSocket, { type: 'hand.raise' })).toMatchObject({ ok: true });
    await expect.poll(() => announcements(x.onA)).toEqual(['During the outage']);
    await expect.poll(() => plenaryHands(x.onB)).toEqual([x.ada.participantId]);
    addNote(x.adaBoard.doc, { id: 'during', text: 'During', color: 'pink', authorId: x.ada.participantId });

    await redis.start();
    for (const base of [a, b]) {
      await expect
        .poll(() => readiness(base), { timeout: 15_000 })
        .toEqual({ status: 200, body: { ready: true } });
    }
    // What the other node decided or stored meanwhile reaches everyone.
    await expect.poll(() => announcements(x.onB), { timeout: 15_000 }).toEqual(['During the outage']);
    await expect.poll(() => plenaryHands(x.onA), { timeout: 15_000 }).toEqual([x.ada.participantId]);
    await expect.poll(() => noteTexts(x.hostBoard.doc), { timeout: 15_000 }).toEqual(['Before', 'During']);
    // And the cluster works as before.
    expect(await command(x.host, { type: 'announcement.post', text: 'After' })).toMatchObject({ ok: true });
    await expect.poll(() => announcements(x.onB)).toEqual(['During the outage', 'After']);
    addNote(x.adaBoard.doc, { id: 'after', text: 'After', color: 'blue', authorId: x.ada.participantId });
    await expect.poll(() => noteTexts(x.hostBoard.doc)).toEqual(['After', 'Before', 'During']);
    expect(x.onA.state.version).toBe(x.onB.state.version);
  });
});

/**
 * Cuts one test database off the machine's PostgreSQL, as a restart does to its clients: every
 * connection to it is terminated and new ones are refused until `restore`. Other databases (the
 * tests running beside this one) are not touched.
 */
async function cutOff(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = postgres(TEST_SERVER, { max: 1, onnotice: () => {} });
  registerCleanup(() => admin.end());
  // The name is the harness's own (hex), not input.
  await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
  await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name}`;
  return {
    async restore() {
      await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    },
  };
}

describe('PostgreSQL goes away and comes back', () => {
  it('nodes report it, refuse what they cannot store with a clear error, and go on once it is back', async () => {
    const { nodes, urls, database } = await startCluster(2);
    const [a, b] = urls as [string, string];
    const x = await scene(a, b);
    expect(await command(x.host, { type: 'announcement.post', text: 'Before' })).toMatchObject({ ok: true });
    addNote(x.hostBoard.doc, { id: 'before', text: 'Before', color: 'yellow', authorId: x.hostId });
    await expect.poll(() => noteTexts(x.adaBoard.doc)).toEqual(['Before']);

    const outage = await cutOff(database.url);
    for (const base of [a, b]) {
      await expect
        .poll(() => readiness(base), { timeout: 10_000 })
        .toEqual({ status: 503, body: { ready: false, checks: { store: 'down', redis: 'up' } } });
    }
    // What cannot be stored is refused, named, at once; nothing half-done stays behind.
    expect(await command(x.host, { type: 'announcement.post', text: 'Not stored' })).toEqual({
      ok: false,
      error: { code: 'internal', message: COMMAND_FAILED },
    });
    // A board edit meanwhile stays with its writer's provider, which sends it again once the
    // node can store it.
    addNote(x.adaBoard.doc, { id: 'during', text: 'During', color: 'pink', authorId: x.ada.participantId });

    await outage.restore();
    for (const base of [a, b]) {
      await expect
        .poll(() => readiness(base), { timeout: 15_000 })
        .toEqual({ status: 200, body: { ready: true } });
    }
    expect(await command(x.host, { type: 'announcement.post', text: 'After' })).toMatchObject({ ok: true });
    await expect.poll(() => announcements(x.onB), { timeout: 15_000 }).toEqual(['Before', 'After']);
    await expect.poll(() => noteTexts(x.hostBoard.doc), { timeout: 15_000 }).toEqual(['Before', 'During']);
    await expect
      .poll(() => storedNoteTexts(nodes[1]!, x.boardId), { timeout: 15_000 })
      .toEqual(['Before', 'During']);
    // Stored: what a newcomer reads is what everyone holds, without the refused command.
    const fresh = await mirror(await connectSocket(b, withToken(x.ada.token)));
    expect(fresh.state.version).toBe(x.onA.state.version);
    expect(announcements(x.onA)).toEqual(['Before', 'After']);
  });
});
