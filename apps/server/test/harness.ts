import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  type ClientToServerEvents,
  type CommandAck,
  CreateSessionResponse,
  JoinSessionResponse,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  type SessionEvent,
  type SessionState,
  type SnapshotAck,
  type Welcome,
  readSnapshot,
  readWelcome,
  boardSyncProtocols,
} from '@kring/protocol';
import { evolve, viewFor } from '@kring/core';
import { type KringServer, startKring } from '../src/app';
import { TEST_NODES, caughtUp, startBalanced } from './balanced';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/**
 * `it` for a test that reads the SQLite file itself (the bytes on disk, or a store opened under the
 * server). In the cluster run (`KRING_TEST_NODES=2`, test/balanced.ts) the data lives in
 * PostgreSQL, where the store contract suite (src/store/contract) proves the same promises; there
 * these tests are reported as skipped, under their own names.
 */
export const itOnSqliteFile = TEST_NODES > 1 ? it.skip : it;

/** A fresh data directory, removed after the test. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kring-test-'));
  cleanups.unshift(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real server (port 0 unless given), silent, closed after the test (close() may be called earlier). */
export async function startServer(
  dataDir = tempDataDir(),
  port = 0,
  /** A test about one process (its shutdown, say) gets one in the cluster run too. */
  { oneProcess = false }: { oneProcess?: boolean } = {},
): Promise<KringServer> {
  const options = { dataDir, port, host: '127.0.0.1', log: () => {} };
  // With KRING_TEST_NODES=2 the same tests run on two nodes behind a balancer (test/balanced.ts).
  const server =
    TEST_NODES > 1 && !oneProcess
      ? await startBalanced(options, port, registerCleanup)
      : await startKring(options);
  cleanups.push(() => server.close());
  return server;
}

/**
 * On several nodes (the cluster run), what one node stored reaches the others' copies a few
 * milliseconds later (a Redis notice, then a store read); until then a node acts on what it has.
 * A test that next acts through another node on what it just changed waits for that here; `command`
 * does after every answer, so tests written for one server hold on several. On one server there is
 * nothing to wait for.
 */
export async function settled(): Promise<void> {
  if (TEST_NODES > 1) await expect.poll(caughtUp).toBe(true);
}

/**
 * Stops a server and starts a new one on the same port and data directory (what a process manager
 * does after a crash or a deploy); resolves once the new one answers, since the HTTP client may
 * still hold pooled sockets of the old process.
 */
export async function restartServer(
  server: { close(): Promise<void>; port: number },
  dataDir: string,
): Promise<KringServer> {
  await server.close();
  const next = await startServer(dataDir, server.port);
  await expect
    .poll(() =>
      fetch(`${next.url}/api/health`).then(
        (r) => r.status,
        () => 0,
      ),
    )
    .toBe(200);
  return next;
}

export async function createSession(base: string, title = 'Test session'): Promise<CreateSessionResponse> {
  const res = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  return CreateSessionResponse.parse(await res.json());
}

export async function joinSession(base: string, joinCode: string, displayName: string) {
  const res = await fetch(`${base}/api/sessions/${joinCode}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName }),
  });
  if (res.status !== 201) throw new Error(`join: ${res.status} ${await res.text()}`);
  return JoinSessionResponse.parse(await res.json());
}

export async function sessionSummary(base: string, joinCode: string, token: string) {
  const res = await fetch(`${base}/api/sessions/${joinCode}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Each connected socket's welcome (the server sends it unasked, perhaps in the read that connects). */
const welcomes = new WeakMap<ClientSocket, Promise<Welcome>>();

/** The welcome the server sent this socket on connecting, read as the browser reads it. */
export function welcome(socket: ClientSocket): Promise<Welcome> {
  const w = welcomes.get(socket);
  if (!w) throw new Error('not a socket from connectSocket');
  return w;
}

/** A raw socket.io client; resolves once connected, rejects with the server's refusal. */
export function connectSocket(
  base: string,
  auth: Record<string, unknown>,
  opts: { reconnection?: boolean } = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(base, {
    auth,
    transports: ['websocket'],
    reconnection: opts.reconnection ?? false,
    forceNew: true,
  });
  cleanups.push(() => void socket.disconnect());
  // Listened for before connecting: it may come in the same read as the connection's answer.
  welcomes.set(socket, new Promise((resolve) => socket.once('welcome', (w) => resolve(readWelcome(w)))));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Sends a command and resolves with the server's answer (once every node knows of it: `settled`). */
export async function command(socket: ClientSocket, cmd: unknown): Promise<CommandAck> {
  const ack = await new Promise<CommandAck>((resolve) => socket.emit('command', cmd, resolve));
  await settled();
  return ack;
}

/** The server's answer to a snapshot request, as it came. */
export const snapshotAck = (socket: ClientSocket) =>
  new Promise<SnapshotAck>((resolve) => socket.emit('snapshot', (wire) => resolve(readSnapshot(wire))));

/** This socket's cut of the session state (throws when the server refuses). */
export async function snapshot(socket: ClientSocket): Promise<SessionState> {
  const snap = await snapshotAck(socket);
  if (!snap.ok) throw new Error(snap.error.message);
  return snap.state;
}

export const withToken = (token: string) => ({ token, protocolVersion: PROTOCOL_VERSION });

export function registerCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

/**
 * A stock y-websocket provider on a board room (or `<board>/drafts/<person>`), as the browser uses
 * it; destroyed after the test.
 */
export function provider(
  base: string,
  room: string,
  token: string,
  options: { maxBackoffTime?: number } = {},
) {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(base.replace(/^http/, 'ws') + '/yjs', room, doc, {
    protocols: boardSyncProtocols(token), // the token never goes in the URL
    disableBc: true, // otherwise providers in one process share updates over BroadcastChannel
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    ...options,
  });
  cleanups.push(() => {
    p.destroy();
    doc.destroy();
  });
  return { doc, p };
}

/**
 * A client as the browser runs it: its cut of the state from a snapshot, kept current by applying
 * every batch the server sends it with the core reducer (batches that came in the same read as
 * the snapshot's answer are applied after it; ones it already holds are skipped). A snapshot asked
 * now, not the welcome: a mirror may be made long after its socket connected.
 */
export async function mirror(socket: ClientSocket) {
  const received: SessionEvent[] = [];
  socket.on('events', (b) => received.push(...b.events));
  const snap = await snapshotAck(socket);
  if (!snap.ok) throw new Error(snap.error.message);
  const box = { state: snap.state as SessionState, you: snap.you, received };
  const apply = (e: SessionEvent) => {
    if (e.v > box.state.version) box.state = evolve(box.state, e);
  };
  received.forEach(apply);
  socket.on('events', (b) => b.events.forEach(apply));
  return box;
}

export type Mirror = Awaited<ReturnType<typeof mirror>>;

/** The plenary's raised hands as a mirrored client sees them, in queue order ([] when no open floor). */
export function plenaryHands(box: Mirror): string[] {
  const floor = viewFor(box.state, box.you).floors.plenary;
  return floor?.mode === 'open' ? floor.hands.map((h) => h.participantId) : [];
}

/** A board document as the server stored it: its rows applied to a fresh doc, as a loading node reads it. */
export async function storedDoc(
  server: { store: { loadBoardUpdates(docId: string): Promise<{ update: Uint8Array }[]> } },
  docId: string,
): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const row of await server.store.loadBoardUpdates(docId)) Y.applyUpdate(doc, row.update);
  return doc;
}
