import { describe, expect, it } from 'vitest';
import type { ResumeAck, SessionEvent } from '@kring/protocol';
import {
  type ClientSocket,
  command,
  connectSocket,
  createSession,
  joinSession,
  snapshot,
  startServer,
  withToken,
} from './harness';

const resume = (socket: ClientSocket, since: unknown) =>
  new Promise<ResumeAck>((done) => socket.emit('resume', since as number, done));

/** Waits until `socket` has seen a live batch reaching `version`. */
const seen = (socket: ClientSocket, version: number) =>
  new Promise<void>((done) => {
    const on = (batch: { events: SessionEvent[] }) => {
      if (batch.events.some((e) => e.v >= version)) {
        socket.off('events', on);
        done();
      }
    };
    socket.on('events', on);
  });

describe('coming back after a drop: what was missed, not a whole snapshot (issue 14)', () => {
  it('gives the events since the version held, cut for the person as they went out live', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const ben = await joinSession(server.url, s.joinCode, 'Ben');
    const adaSocket = await connectSocket(server.url, withToken(ada.token));
    let benSocket = await connectSocket(server.url, withToken(ben.token));
    const held = (await snapshot(benSocket)).version;

    // Ben's line drops; meanwhile the host posts something and Ada sets a private signal.
    benSocket.disconnect();
    const posted = await command(host, { type: 'announcement.post', text: 'Back in five minutes' });
    const signalled = await command(adaSocket, { type: 'signal.set', signal: 'pause', on: true });
    if (!posted.ok || !signalled.ok) throw new Error('refused');

    benSocket = await connectSocket(server.url, withToken(ben.token));
    const back = await resume(benSocket, held);
    if (!back.ok || back.events === null) throw new Error('not resumed');
    expect(back.events.map((e) => e.v)).toEqual(
      Array.from({ length: signalled.version - held }, (_, i) => held + 1 + i),
    );
    expect(back.events[0]).toMatchObject({ type: 'announcement.posted', text: 'Back in five minutes' });
    // Ada's signal is for facilitators and herself: Ben learns a version went by, not whose signal.
    expect(JSON.stringify(back.events)).not.toContain(ada.participantId);
    expect(back.online).toEqual(expect.arrayContaining([ada.participantId, ben.participantId]));
    // The host, coming back from the same version, sees it.
    const hostBack = await resume(host, held);
    if (!hostBack.ok || hostBack.events === null) throw new Error('not resumed');
    expect(JSON.stringify(hostBack.events)).toContain(ada.participantId);
    // Current already: nothing to send.
    expect(await resume(benSocket, signalled.version)).toMatchObject({ ok: true, events: [] });
  });

  it('sends nothing from before an erasure, nor from the future, and answers bad input by name', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const ben = await joinSession(server.url, s.joinCode, 'Ben');
    const benSocket = await connectSocket(server.url, withToken(ben.token));
    const held = (await snapshot(benSocket)).version;
    const live = seen(benSocket, held + 1);
    const posted = await command(host, { type: 'announcement.post', text: 'words that will go' });
    if (!posted.ok) throw new Error('refused');
    await live;
    const announcementId = (await snapshot(host)).announcements[0]!.id;
    const cleared = await command(host, { type: 'announcement.clear', announcementId });
    if (!cleared.ok) throw new Error('refused');
    // From before the clearing, the answer is "take a snapshot": the words are not sent again.
    const back = await resume(benSocket, held);
    expect(back).toMatchObject({ ok: true, events: null });
    expect(JSON.stringify(back)).not.toContain('words that will go');
    expect(await resume(benSocket, cleared.version + 5)).toMatchObject({ ok: true, events: null });
    for (const bad of [-1, 1.5, 'seven', null]) {
      expect(await resume(benSocket, bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    // The server keeps serving.
    expect((await snapshot(benSocket)).version).toBe(cleared.version);
  });
});
