import WebSocket from 'ws';
import type * as Y from 'yjs';
import { expect } from 'vitest';
import { type SessionEvent, SessionSummary, boardSyncProtocols } from '@kring/protocol';
import {
  type ClientSocket,
  connectSocket,
  provider,
  createSession,
  joinSession,
  sessionSummary,
  startServer,
  withToken,
  command,
  snapshot,
} from './harness';
import type { KringServer } from '../src/app';

export async function synced(base: string, room: string, token: string) {
  const conn = provider(base, room, token);
  await expect.poll(() => conn.p.synced).toBe(true);
  return conn;
}

/** The HTTP status a board upgrade gets (101 when it opens). */
export function upgradeStatus(base: string, room: string, token: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/yjs/${room}`, boardSyncProtocols(token));
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => resolve(0));
  });
}

export { command, snapshot };

/** Every event batch a socket receives, kept for inspection. */
export function recordEvents(socket: ClientSocket): SessionEvent[] {
  const events: SessionEvent[] = [];
  socket.on('events', (b) => events.push(...b.events));
  return events;
}

export const notesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('notes');
export const noteTexts = (doc: Y.Doc) =>
  [...notesOf(doc).values()].map((n) => n.get('text') as string).sort();

/** A server, a session with its host connected, and people who joined with (long, unique) names. */
export async function scene(names: readonly string[] = ['Ada', 'Ben'], dataDir?: string) {
  const server: KringServer = await startServer(dataDir);
  const s = await createSession(server.url, 'Reflection');
  const host = await connectSocket(server.url, withToken(s.facilitatorToken));
  const people = await Promise.all(
    names.map(async (name) => {
      const joined = await joinSession(server.url, s.joinCode, name);
      const socket = await connectSocket(server.url, withToken(joined.token));
      return { name, id: joined.participantId, token: joined.token, socket };
    }),
  );
  const summary = SessionSummary.parse(
    (await sessionSummary(server.url, s.joinCode, s.facilitatorToken)).body,
  );
  const hostState = await snapshot(host);
  const hostId = Object.values(hostState.participants).find((p) => p.role === 'host')!.id;
  return {
    server,
    url: server.url,
    joinCode: s.joinCode,
    hostToken: s.facilitatorToken,
    hostId,
    host,
    people,
    firstBoard: summary.boards[0]!.id,
  };
}

/** Adds a board as the host; resolves with its id. */
export async function addBoard(
  host: ClientSocket,
  board: { title: string; templateId: string; anonymous?: boolean; columns?: string[]; locale?: string },
): Promise<string> {
  const before = new Set((await snapshot(host)).boards.map((b) => b.id));
  const ack = await command(host, { type: 'board.add', ...board });
  if (!ack.ok) throw new Error(ack.error.message);
  const added = (await snapshot(host)).boards.find((b) => !before.has(b.id));
  if (!added) throw new Error('no board was added');
  return added.id;
}

/** Text that must not appear in `bytes` (decoded as UTF-8). */
export const contains = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

/**
 * Waits until everything `conn` sent before now has been handled by the server: the server
 * handles one connection's messages in order, so once `observer` sees this awareness change,
 * every earlier document write of `conn` was applied or refused. (Named boards only: anonymous
 * boards relay no awareness.)
 */
let barriers = 0;
export async function barrier(conn: ReturnType<typeof provider>, observer: ReturnType<typeof provider>) {
  const mark = ++barriers;
  conn.p.awareness.setLocalStateField('barrier', mark);
  await expect
    .poll(
      () =>
        (observer.p.awareness.getStates().get(conn.doc.clientID) as { barrier?: number } | undefined)
          ?.barrier,
    )
    .toBe(mark);
}

export async function fetchExport(url: string, token: string | null) {
  const res = await fetch(url, token === null ? {} : { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

export { provider };
