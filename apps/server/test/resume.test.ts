import { describe, expect, it } from 'vitest';
import type { SessionEvent, Welcome } from '@kring/protocol';
import {
  type ClientSocket,
  command,
  connectSocket,
  createSession,
  joinSession,
  snapshot,
  startServer,
  welcome,
  withToken,
} from './harness';

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

/** A socket back after a drop, holding `since`: its welcome. */
async function comeBack(url: string, token: string, since: unknown): Promise<Welcome> {
  return welcome(await connectSocket(url, { ...withToken(token), since }));
}

function resumed(w: Welcome): SessionEvent[] {
  if (!w.ok || w.kind !== 'resume') throw new Error(`not resumed: ${JSON.stringify(w)}`);
  return w.events;
}

describe('the welcome: the state unasked on connecting (issue 14)', () => {
  it('brings a first connect the whole state cut for the person, before they ask anything', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const signalled = await command(await connectSocket(server.url, withToken(ada.token)), {
      type: 'signal.set',
      signal: 'pause',
      on: true,
    });
    if (!signalled.ok) throw new Error('refused');
    const ben = await joinSession(server.url, s.joinCode, 'Ben');
    const first = await welcome(await connectSocket(server.url, withToken(ben.token)));
    if (!first.ok || first.kind !== 'snapshot') throw new Error('no snapshot');
    expect(first.you).toBe(ben.participantId);
    expect(first.state.version).toBe((await snapshot(host)).version);
    expect(Object.keys(first.state.participants)).toEqual(
      expect.arrayContaining([ada.participantId, ben.participantId]),
    );
    // Cut as a snapshot is: Ada's signal is for facilitators and herself.
    expect(JSON.stringify(await snapshot(host))).toContain('pause');
    expect(JSON.stringify(first.state)).not.toContain('pause');
    expect(first.online).toEqual(expect.arrayContaining([ben.participantId]));
  });
});

describe('coming back after a drop: what was missed, not a whole snapshot (issue 14)', () => {
  it('gives the events since the version held, cut for the person as they went out live', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const ben = await joinSession(server.url, s.joinCode, 'Ben');
    const adaSocket = await connectSocket(server.url, withToken(ada.token));
    const benSocket = await connectSocket(server.url, withToken(ben.token));
    const held = (await snapshot(benSocket)).version;

    // Ben's line drops; meanwhile the host posts something and Ada sets a private signal.
    benSocket.disconnect();
    const posted = await command(host, { type: 'announcement.post', text: 'Back in five minutes' });
    const signalled = await command(adaSocket, { type: 'signal.set', signal: 'pause', on: true });
    if (!posted.ok || !signalled.ok) throw new Error('refused');

    const back = await comeBack(server.url, ben.token, held);
    const events = resumed(back);
    expect(events.map((e) => e.v)).toEqual(
      Array.from({ length: signalled.version - held }, (_, i) => held + 1 + i),
    );
    expect(events[0]).toMatchObject({ type: 'announcement.posted', text: 'Back in five minutes' });
    // Ada's signal is for facilitators and herself: Ben learns a version went by, not whose signal.
    expect(JSON.stringify(events)).not.toContain(ada.participantId);
    expect(back.ok && back.online).toEqual(expect.arrayContaining([ada.participantId, ben.participantId]));
    // The host, coming back from the same version, sees it.
    expect(JSON.stringify(resumed(await comeBack(server.url, s.facilitatorToken, held)))).toContain(
      ada.participantId,
    );
    // Current already: nothing to send.
    expect(resumed(await comeBack(server.url, ben.token, signalled.version))).toEqual([]);
  });

  it('sends nothing from before an erasure, nor from the future, and refuses a bad version by name', async () => {
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
    // From before the clearing, the welcome is a whole snapshot: the words are not sent again.
    const back = await comeBack(server.url, ben.token, held);
    expect(back).toMatchObject({ ok: true, kind: 'snapshot' });
    expect(back.ok && back.kind === 'snapshot' && back.state.version).toBe(cleared.version);
    expect(JSON.stringify(back)).not.toContain('words that will go');
    expect(await comeBack(server.url, ben.token, cleared.version + 5)).toMatchObject({
      ok: true,
      kind: 'snapshot',
    });
    for (const bad of [-1, 1.5, 'seven', null]) {
      await expect(connectSocket(server.url, { ...withToken(ben.token), since: bad })).rejects.toThrow(
        'bad_request',
      );
    }
    // The server keeps serving.
    expect((await snapshot(benSocket)).version).toBe(cleared.version);
  });
});
