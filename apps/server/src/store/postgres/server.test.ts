import { SessionSummary } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type KringServer, startKring } from '../../app';
import {
  command,
  connectSocket,
  createSession,
  joinSession,
  provider,
  registerCleanup,
  sessionSummary,
  tempDataDir,
  withToken,
} from '../../../test/harness';
import { PostgresStore } from './postgres-store';
import { scratchDatabase } from './testing';

/** Kring as main.ts starts it with DATABASE_URL: the PostgreSQL store handed in, a data dir for the secret. */
async function kringOn(url: string, dataDir: string, port = 0): Promise<KringServer> {
  const store = await PostgresStore.open(url, { max: 4 });
  const server = await startKring({ dataDir, port, host: '127.0.0.1', log: () => {}, store });
  registerCleanup(() => server.close());
  return server;
}

const noteTexts = (doc: Y.Doc) =>
  [...doc.getMap<Y.Map<unknown>>('notes').values()].map((n) => n.get('text')).sort();

describe('Kring on PostgreSQL (DATABASE_URL)', () => {
  it('keeps sessions, events and board notes across a restart, and the host’s deletion takes them', async () => {
    const db = await scratchDatabase();
    // Registered first, so it runs last: after both servers (and their pools) closed.
    registerCleanup(() => db.drop());
    const dataDir = tempDataDir();
    const first = await kringOn(db.url, dataDir);
    const s = await createSession(first.url, 'Summit planning');
    const ada = await joinSession(first.url, s.joinCode, 'Ada');
    const host = await connectSocket(first.url, withToken(s.facilitatorToken));
    expect(await command(host, { type: 'announcement.post', text: 'Soup at noon' })).toMatchObject({
      ok: true,
    });
    const summary = SessionSummary.parse((await sessionSummary(first.url, s.joinCode, ada.token)).body);
    const boardId = summary.boards[0]!.id;
    const writer = provider(first.url, boardId, ada.token);
    const note = new Y.Map<unknown>();
    note.set('text', 'Peer respite first');
    note.set('authorId', ada.participantId);
    writer.doc.getMap('notes').set('n1', note);
    const watcher = provider(first.url, boardId, s.facilitatorToken);
    await expect.poll(() => noteTexts(watcher.doc)).toEqual(['Peer respite first']);
    await first.close();

    const second = await kringOn(db.url, dataDir);
    const again = await sessionSummary(second.url, s.joinCode, ada.token);
    expect(again.status).toBe(200);
    expect(SessionSummary.parse(again.body).title).toBe('Summit planning');
    const late = provider(second.url, boardId, s.facilitatorToken);
    await expect.poll(() => noteTexts(late.doc)).toEqual(['Peer respite first']);

    const deleted = await fetch(`${second.url}/api/sessions/${s.joinCode}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    expect(deleted.status).toBeLessThan(300);
    const [left] = await db.sql<{ events: number; updates: number }[]>`
      SELECT (SELECT COUNT(*) FROM session_events)::integer AS events,
             (SELECT COUNT(*) FROM board_updates)::integer AS updates`;
    expect(left).toEqual({ events: 0, updates: 0 });
  });
});
