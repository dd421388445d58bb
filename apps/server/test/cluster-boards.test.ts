import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type net from 'node:net';
import { fileURLToPath } from 'node:url';
import { addNote, deleteNote, readNotes } from '@kring/board';
import { SessionSummary } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type KringServer, startKring } from '../src/app';
import { PostgresStore } from '../src/store/postgres/postgres-store';
import { scratchDatabase } from '../src/store/postgres/testing';
import { type NodeOptions, startCluster } from './cluster-harness';
import { TEST_REDIS, deleteKeysUnder } from './redis-keys';
import { freePort } from './ports';
import { tcpBalancer } from './tcp-balancer';
import {
  createSession,
  joinSession,
  provider,
  registerCleanup,
  sessionSummary,
  tempDataDir,
  storedDoc,
} from './harness';

/**
 * Issue 17, the board plane: one board served by two nodes (one PostgreSQL database, one Redis
 * prefix) stays one document. Real PostgreSQL and Redis (see cluster-harness.ts).
 */

/** Storms are the point here: the per-connection message limits are not. */
const UNLIMITED: NodeOptions['limits'] = {
  boardMessagesPerConnection: { points: 1_000_000, seconds: 10 },
  boardMessagesPerParticipant: { points: 1_000_000, seconds: 10 },
};
/** No compaction and no unload during a test: every accepted update stays its own row. */
const KEEP_ROWS: NodeOptions['boardOptions'] = {
  compactAfterRows: 1_000_000,
  compactWithinMs: 3_600_000,
  idleUnloadMs: 3_600_000,
};

type Client = ReturnType<typeof provider> & { participantId: string; written: string[] };

/** A session made on one node and `people` who joined it there (before any node serves its board). */
async function boardScene(base: string, people: number) {
  const s = await createSession(base, 'Cluster boards');
  const joined = [];
  for (let i = 0; i < people; i++) joined.push(await joinSession(base, s.joinCode, `Person number ${i}`));
  const summary = SessionSummary.parse((await sessionSummary(base, s.joinCode, s.facilitatorToken)).body);
  return { boardId: summary.boards[0]!.id, people: joined };
}

/** A stock provider on the board through `base`, synced. */
async function connect(
  base: string,
  boardId: string,
  person: { participantId: string; token: string },
): Promise<Client> {
  const conn = provider(base, boardId, person.token, { maxBackoffTime: 200 });
  await expect.poll(() => conn.p.synced, { timeout: 10_000 }).toBe(true);
  return { ...conn, participantId: person.participantId, written: [] };
}

/** `count` notes by `client`, each its own transaction (so its own update and, stored, its own row). */
function write(client: Client, count: number, tag: string): void {
  for (let i = 0; i < count; i++) {
    const id = `note-${tag}-${client.participantId}-${client.written.length}`;
    addNote(client.doc, { id, text: `Words ${id}`, color: 'yellow', authorId: client.participantId });
    client.written.push(id);
  }
}

const noteIds = (doc: Y.Doc) =>
  readNotes(doc)
    .map((n) => n.id)
    .sort();

/**
 * Resolves once the client's provider has lost its connection and is synced again over a new one
 * (asked before the kill: polling `synced` right after it can still read the dead connection's).
 */
function reconnected(client: Client): Promise<void> {
  return new Promise((resolve) => {
    let dropped = false;
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'disconnected') dropped = true;
    };
    const onSync = (synced: boolean) => {
      if (!dropped || !synced) return;
      client.p.off('status', onStatus);
      client.p.off('sync', onSync);
      resolve();
    };
    client.p.on('status', onStatus);
    client.p.on('sync', onSync);
  });
}

/** Under a loaded CI machine, convergence after a kill takes seconds: patience, not a race. */
const AFTER_KILL = { timeout: 30_000 };

/** The notes of a stored log, loaded as a fresh client would. */
const storedNotes = async (node: KringServer, boardId: string) => noteIds(await storedDoc(node, boardId));

const storedText = async (node: KringServer, boardId: string) =>
  Buffer.concat((await node.store.loadBoardUpdates(boardId)).map((r) => Buffer.from(r.update))).toString(
    'utf8',
  );

/**
 * "kill -9" of an in-process node, as near as one process gets: it stops accepting and every TCP
 * connection it has (HTTP, socket.io, board WebSockets) is cut without a close frame, so clients see
 * a dropped connection. Unlike a real kill, what it already received may still be stored (that is
 * the "crashed right after storing" case, which must lose nothing either).
 */
function killable(node: KringServer): () => void {
  const sockets = new Set<net.Socket>();
  node.httpServer.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () => {
    node.httpServer.close();
    for (const socket of sockets) socket.destroy();
  };
}

/**
 * A node in its own process (`src/main.ts` through tsx, configured by environment as an operator
 * would), so that it can really be killed with SIGKILL; resolves once it answers /api/health.
 */
async function childNode(
  env: Record<string, string>,
): Promise<{ url: string; port: number; child: ChildProcess }> {
  const port = await freePort();
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      WEB_BUILD_DIR: cwd,
    },
    stdio: 'ignore',
  });
  registerCleanup(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      () =>
        fetch(`${url}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000, interval: 200 },
    )
    .toBe(200);
  return { url, port, child };
}

/**
 * The scenario both kill tests share: six writers on one board, three through a balancer that
 * sends them to node A (while it lives), three straight on B. Some of A's writes are stored, then
 * more are in flight when `kill` takes A down; its clients come back through the balancer to B and
 * write on. Every client and B's store end up with every note, and what was stored when A died
 * stays.
 */
async function killMidStorm(
  a: { port: number },
  b: KringServer,
  boardId: string,
  people: { participantId: string; token: string }[],
  kill: () => void,
) {
  const lb = await tcpBalancer([a.port, b.port], { pick: 'first' });
  registerCleanup(() => lb.close());
  const viaA = await Promise.all(people.slice(0, 3).map((p) => connect(lb.url, boardId, p)));
  const onB = await Promise.all(people.slice(3).map((p) => connect(b.url, boardId, p)));
  const clients = [...viaA, ...onB];

  for (const client of clients) write(client, 5, 'early');
  // Some of what A's clients wrote is stored (acknowledged: others see it from now on) ...
  const early = viaA.flatMap((c) => c.written);
  await expect.poll(async () => (await storedNotes(b, boardId)).some((id) => early.includes(id))).toBe(true);
  const storedAtKill = await storedNotes(b, boardId);
  // ... and A is killed mid-storm: these are on the wire, in A's queue or being stored.
  for (const client of clients) write(client, 5, 'before');
  const back = viaA.map(reconnected);
  lb.down(a.port);
  kill();

  // A's clients find B through the balancer and go on writing there.
  await Promise.all(back);
  for (const client of clients) write(client, 10, 'after');
  const all = clients.flatMap((c) => c.written).sort();
  expect(all).toHaveLength(120);
  for (const client of clients) await expect.poll(() => noteIds(client.doc), AFTER_KILL).toEqual(all);
  await expect.poll(() => storedNotes(b, boardId), AFTER_KILL).toEqual(all);
  // What was stored when A died is there (as is everything its clients had).
  const final = await storedNotes(b, boardId);
  for (const id of storedAtKill) expect(final).toContain(id);
}

describe('cluster: one board served by two nodes', () => {
  it('edited through both nodes at once, it converges on every client and each update is stored once', async () => {
    const cluster = await startCluster(2, { limits: UNLIMITED, boardOptions: KEEP_ROWS });
    const [a, b] = cluster.nodes as [KringServer, KringServer];
    const { boardId, people } = await boardScene(cluster.urls[0]!, 6);
    const clients = await Promise.all(people.map((p, i) => connect(i % 2 === 0 ? a.url : b.url, boardId, p)));
    const before = (await a.store.loadBoardUpdates(boardId)).length;

    for (const client of clients) write(client, 15, 'storm');
    const all = clients.flatMap((c) => c.written).sort();
    expect(all).toHaveLength(90);

    for (const client of clients)
      await expect.poll(() => noteIds(client.doc), { timeout: 15_000 }).toEqual(all);
    await expect.poll(() => storedNotes(b, boardId)).toEqual(all);
    // One row per accepted update: neither node stored what the other relayed to it.
    const rows = await a.store.loadBoardUpdates(boardId);
    expect(rows.length - before).toBe(90);
    // A client arriving afterwards on either node gets it all.
    for (const node of [a, b]) {
      const late = await connect(node.url, boardId, people[0]!);
      await expect.poll(() => noteIds(late.doc)).toEqual(all);
    }
  });

  it(
    'kill -9 of a node process mid-storm: its clients move to the other node, no stored update is lost',
    { timeout: 90_000 },
    async () => {
      // One node in a child process (killed for real), one in this process, as one installation.
      const database = await scratchDatabase();
      const prefix = `kring-test-${randomBytes(6).toString('hex')}:`;
      const secret = randomBytes(32).toString('hex');
      registerCleanup(async () => {
        await database.drop();
        await deleteKeysUnder(prefix);
      });
      const a = await childNode({
        DATA_DIR: tempDataDir(),
        KRING_SECRET: secret,
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS,
        REDIS_PREFIX: prefix,
      });
      const b = await startKring({
        host: '127.0.0.1',
        port: 0,
        log: () => {},
        limits: UNLIMITED,
        dataDir: tempDataDir(),
        secret,
        store: await PostgresStore.open(database.url, { max: 4 }),
        cluster: { url: TEST_REDIS, prefix },
      });
      registerCleanup(() => b.close());
      const { boardId, people } = await boardScene(b.url, 6);
      await killMidStorm(a, b, boardId, people, () => a.child.kill('SIGKILL'));
      expect(a.child.signalCode).toBe('SIGKILL');
    },
  );

  it(
    'a node killed mid-storm: its clients reconnect to the other one and no stored update is lost',
    { timeout: 90_000 },
    async () => {
      const cluster = await startCluster(2, { limits: UNLIMITED, boardOptions: KEEP_ROWS });
      const [a, b] = cluster.nodes as [KringServer, KringServer];
      const { boardId, people } = await boardScene(cluster.urls[0]!, 6);
      await killMidStorm(a, b, boardId, people, killable(a));
    },
  );

  it('cursors (awareness) cross nodes, and leave with their connection', async () => {
    const cluster = await startCluster(2, { limits: UNLIMITED });
    const [a, b] = cluster.nodes as [KringServer, KringServer];
    const { boardId, people } = await boardScene(cluster.urls[0]!, 2);
    const onA = await connect(a.url, boardId, people[0]!);
    const onB = await connect(b.url, boardId, people[1]!);
    const stateOf = (watcher: Client, writer: Client) =>
      (watcher.p.awareness.getStates().get(writer.doc.clientID) as { cursor?: string } | undefined)?.cursor;
    onA.p.awareness.setLocalStateField('cursor', 'at note 1');
    await expect.poll(() => stateOf(onB, onA)).toBe('at note 1');
    onB.p.awareness.setLocalStateField('cursor', 'at note 2');
    await expect.poll(() => stateOf(onA, onB)).toBe('at note 2');
    // A's client goes away without a word (its socket cut): node A removes its state, B follows.
    onA.p.ws?.close();
    onA.p.shouldConnect = false;
    await expect
      .poll(() => onB.p.awareness.getStates().has(onA.doc.clientID), { timeout: 10_000 })
      .toBe(false);
  });

  it('compaction on node A while node B writes loses nothing, and removed text still leaves the store', async () => {
    const cluster = await startCluster(2, {
      limits: UNLIMITED,
      boardOptions: { compactAfterRows: 5, compactWithinMs: 20, idleUnloadMs: 3_600_000 },
    });
    const [a, b] = cluster.nodes as [KringServer, KringServer];
    const { boardId, people } = await boardScene(cluster.urls[0]!, 4);
    const onA = await connect(a.url, boardId, people[0]!);
    const onB = await Promise.all(people.slice(1).map((p) => connect(b.url, boardId, p)));
    const clients = [onA, ...onB];

    // A secret written and taken back on B, in the middle of it all.
    const secret = 'Quetzalcoatl remark taken back';
    const orphanDoc = new Y.Doc();
    addNote(orphanDoc, {
      id: 'note-orphan',
      text: 'Stored, never published',
      color: 'blue',
      authorId: onA.participantId,
    });
    const orphan = Y.encodeStateAsUpdate(orphanDoc);
    addNote(onB[0]!.doc, { id: 'taken-back', text: secret, color: 'pink', authorId: onB[0]!.participantId });
    for (let round = 0; round < 20; round++) {
      for (const client of onB) write(client, 3, `r${round}`);
      // A writes a little each round: its rows, with B's relayed ones, keep it compacting.
      write(onA, 1, `r${round}`);
      if (round === 10) deleteNote(onB[0]!.doc, 'taken-back');
      // A third node stored a note and died before publishing it: no node has it loaded, A's
      // later rows get higher seqs, and A's compactions through them must keep it.
      if (round === 5) await b.store.appendBoardUpdate(boardId, orphan);
      // Let the round reach A before the next one (compactions interleave with B's writes).
      const seen = onB.flatMap((c) => c.written);
      await expect
        .poll(() => seen.every((id) => onA.doc.getMap('notes').has(id)), { timeout: 15_000 })
        .toBe(true);
    }
    const all = clients.flatMap((c) => c.written).sort();
    expect(all).toHaveLength(20 * (3 * 3 + 1));

    for (const client of clients)
      await expect.poll(() => noteIds(client.doc), { timeout: 15_000 }).toEqual(all);
    const stored = [...all, 'note-orphan'].sort();
    await expect.poll(() => storedNotes(a, boardId), { timeout: 15_000 }).toEqual(stored);
    // It did compact (far fewer rows than updates), and the taken-back words are gone from the store.
    expect((await a.store.loadBoardUpdates(boardId)).length).toBeLessThan(all.length);
    await expect.poll(() => storedText(a, boardId), { timeout: 15_000 }).not.toContain(secret);
    // A fresh client on either node loads it all from the store (the orphan too, once a node loads it).
    for (const node of [a, b]) {
      const late = await connect(node.url, boardId, people[0]!);
      await expect.poll(() => noteIds(late.doc).filter((id) => id !== 'note-orphan')).toEqual(all);
    }
  });
});
