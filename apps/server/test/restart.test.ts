import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SessionSummary } from '@kring/protocol';
import {
  command,
  connectSocket,
  createSession,
  joinSession,
  sessionSummary,
  restartServer,
  startServer,
  tempDataDir,
  withToken,
  provider,
  snapshot,
} from './harness';

const noteTexts = (doc: Y.Doc) =>
  [...doc.getMap<Y.Map<unknown>>('notes').values()].map((n) => n.get('text')).sort();

describe('restart on the same data directory', () => {
  it('keeps sessions, tokens and notes, and open clients reconnect by themselves', async () => {
    const dataDir = tempDataDir();
    const first = await startServer(dataDir);
    const s = await createSession(first.url, 'Summit planning');
    const ada = await joinSession(first.url, s.joinCode, 'Ada');
    const summary = SessionSummary.parse((await sessionSummary(first.url, s.joinCode, ada.token)).body);
    const boardId = summary.boards[0]!.id;

    const a = provider(first.url, boardId, ada.token, { maxBackoffTime: 200 });
    const note = new Y.Map<unknown>();
    note.set('text', 'Peer respite first');
    note.set('authorId', ada.participantId);
    a.doc.getMap('notes').set('n1', note);
    const watcher = provider(first.url, boardId, s.facilitatorToken);
    await expect.poll(() => noteTexts(watcher.doc)).toEqual(['Peer respite first']);

    // Same port, same directory: what a process manager does after a crash or deploy.
    const second = await restartServer(first, dataDir);
    const again = await sessionSummary(second.url, s.joinCode, ada.token);
    expect(again.status).toBe(200);
    expect(SessionSummary.parse(again.body).title).toBe('Summit planning');
    await connectSocket(second.url, withToken(s.facilitatorToken));

    // The open provider reconnects on its own and can keep writing.
    await expect.poll(() => a.p.wsconnected, { timeout: 10_000 }).toBe(true);
    const more = new Y.Map<unknown>();
    more.set('text', 'Soteria next');
    more.set('authorId', ada.participantId); // BD12: a participant adds notes in their own name
    a.doc.getMap('notes').set('n2', more);

    const late = provider(second.url, boardId, s.facilitatorToken);
    await expect.poll(() => noteTexts(late.doc)).toEqual(['Peer respite first', 'Soteria next']);
  });
});

describe('timers across a restart', () => {
  it('a running timer keeps its end time and a paused one its remainder: timers are data', async () => {
    const dataDir = tempDataDir();
    const first = await startServer(dataDir);
    const s = await createSession(first.url);
    const host = await connectSocket(first.url, withToken(s.facilitatorToken));
    expect(await command(host, { type: 'timer.start', durationMs: 300_000, label: 'Break' })).toMatchObject({
      ok: true,
    });
    const running = (await snapshot(host)).timers;
    expect(running.plenary?.endsAt).toBeGreaterThan(Date.now());

    const restart = async (server: { close(): Promise<void>; port: number }) => {
      const next = await restartServer(server, dataDir);
      return { server: next, socket: await connectSocket(next.url, withToken(s.facilitatorToken)) };
    };
    const second = await restart(first);
    expect((await snapshot(second.socket)).timers).toEqual(running);

    expect(await command(second.socket, { type: 'timer.pause' })).toMatchObject({ ok: true });
    const paused = (await snapshot(second.socket)).timers;
    expect(paused.plenary?.pausedRemainingMs).toBeGreaterThan(0);
    const third = await restart(second.server);
    expect((await snapshot(third.socket)).timers).toEqual(paused);
  });
});
