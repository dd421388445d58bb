import { describe, expect, it } from 'vitest';
import { FACILITATOR_COMMANDS, viewFor } from '@kring/core';
import { FACILITATOR_COMMAND_SAMPLES } from '@kring/core/testing';
import type { SessionState } from '@kring/protocol';
import {
  command,
  connectSocket,
  createSession,
  joinSession,
  mirror,
  snapshotAck,
  startServer,
  withToken,
} from './harness';

describe('the floor over real sockets', () => {
  it('fifty hands raised at once end in one queue, identical at every client', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const hostMirror = await mirror(host);
    const people = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const p = await joinSession(server.url, s.joinCode, `Person ${i}`);
        const socket = await connectSocket(server.url, withToken(p.token));
        return { socket, box: await mirror(socket) };
      }),
    );
    const acks = await Promise.all(people.map((p) => command(p.socket, { type: 'hand.raise' })));
    expect(acks.filter((a) => !a.ok)).toEqual([]);

    const queueAt = (box: { state: SessionState; you: string }) =>
      viewFor(box.state, box.you).floors.plenary!.mode === 'open'
        ? (viewFor(box.state, box.you).floors.plenary as { hands: { participantId: string }[] }).hands.map(
            (h) => h.participantId,
          )
        : [];
    await expect.poll(() => queueAt(hostMirror).length, { timeout: 10_000 }).toBe(50);
    const expected = queueAt(hostMirror);
    for (const p of people) await expect.poll(() => queueAt(p.box)).toEqual(expected);
    expect(new Set(expected).size).toBe(50);
  });

  it("refuses every facilitator command from a participant, and the state doesn't move", async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const socket = await connectSocket(server.url, withToken(ada.token));
    const before = await snapshotAck(socket);
    for (const type of FACILITATOR_COMMANDS) {
      const ack = await command(socket, FACILITATOR_COMMAND_SAMPLES[type]);
      expect({ type, ack }).toMatchObject({ type, ack: { ok: false, error: { code: 'forbidden' } } });
    }
    // Nor can a participant promote themselves.
    const selfPromote = await command(socket, {
      type: 'participant.setRole',
      participantId: ada.participantId,
      role: 'host',
    });
    expect(selfPromote).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const after = await snapshotAck(socket);
    expect(after.ok && before.ok && after.state.version).toBe(before.ok && before.state.version);
  });

  it('a client that was away while things happened converges after reconnecting', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const first = await connectSocket(server.url, withToken(ada.token));
    const early = await mirror(first);
    first.disconnect();

    expect(await command(host, { type: 'timer.start', durationMs: 300_000, label: 'Break' })).toMatchObject({
      ok: true,
    });
    expect(await command(host, { type: 'timer.pause' })).toMatchObject({ ok: true });
    expect(
      await command(host, {
        type: 'agenda.add',
        segment: { title: 'Check-in round', kind: 'round', plannedMinutes: 10 },
      }),
    ).toMatchObject({ ok: true });
    expect(await command(host, { type: 'announcement.post', text: 'Welcome, everyone' })).toMatchObject({
      ok: true,
    });

    const again = await connectSocket(server.url, withToken(ada.token));
    const late = await mirror(again);
    expect(late.state.version).toBeGreaterThan(early.state.version);
    const hostSnap = await snapshotAck(host);
    if (!hostSnap.ok) throw new Error('no snapshot');
    const adaView = viewFor(late.state, ada.participantId);
    expect(adaView.timers.plenary?.pausedRemainingMs).toBe(hostSnap.state.timers.plenary?.pausedRemainingMs);
    expect(adaView.agenda.segments.map((x) => x.title)).toEqual(['Check-in round']);
    expect(adaView.announcements.map((a) => a.text)).toEqual(['Welcome, everyone']);
  });
});

describe('Q&A anonymity over real sockets', () => {
  it('no client, not even a facilitator, receives the author of an anonymous question', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const hostBox = await mirror(host);
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const bob = await joinSession(server.url, s.joinCode, 'Bob');
    const adaSocket = await connectSocket(server.url, withToken(ada.token));
    const bobSocket = await connectSocket(server.url, withToken(bob.token));
    const bobBox = await mirror(bobSocket);

    expect(
      await command(adaSocket, { type: 'qa.ask', text: 'Is it ok to be unsure?', anonymous: true }),
    ).toMatchObject({ ok: true });
    await expect.poll(() => Object.keys(bobBox.state.questions).length).toBe(1);
    await expect.poll(() => Object.keys(hostBox.state.questions).length).toBe(1);
    expect(
      await command(bobSocket, {
        type: 'qa.vote',
        questionId: Object.keys(bobBox.state.questions)[0]!,
        voted: true,
      }),
    ).toMatchObject({ ok: true });

    for (const box of [hostBox, bobBox]) {
      const asked = box.received.filter((e) => e.type === 'question.asked');
      expect(asked).toHaveLength(1);
      expect(JSON.stringify(asked)).not.toContain(ada.participantId);
      expect(JSON.stringify(Object.values(box.state.questions))).not.toContain(ada.participantId);
    }
    for (const socket of [host, bobSocket]) {
      const snap = await snapshotAck(socket);
      if (!snap.ok) throw new Error('no snapshot');
      expect(JSON.stringify(snap.state.questions)).not.toContain(ada.participantId);
    }
    // Voter ids never travel either: Ada's view says one vote, not who.
    const adaSnap = await snapshotAck(adaSocket);
    if (!adaSnap.ok) throw new Error('no snapshot');
    expect(JSON.stringify(adaSnap.state.questions)).not.toContain(bob.participantId);
    // Q7/Q10: not even Ada's own copy names her; her device knows the question by its owner key.
    expect(viewFor(adaSnap.state, ada.participantId).questions[0]).toMatchObject({
      votes: 1,
      mine: false,
      authorId: null,
    });
    expect(JSON.stringify(adaSnap.state.questions)).not.toContain(ada.participantId);
  });
});

describe('roles over real sockets', () => {
  it('someone removed loses the socket at once and their token stops working', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const host = await connectSocket(server.url, withToken(s.facilitatorToken));
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const adaSocket = await connectSocket(server.url, withToken(ada.token));
    expect(
      await command(host, { type: 'participant.remove', participantId: ada.participantId }),
    ).toMatchObject({
      ok: true,
    });
    await expect.poll(() => adaSocket.connected).toBe(false);
    await expect(connectSocket(server.url, withToken(ada.token))).rejects.toThrow('unauthorized');
    const res = await fetch(`${server.url}/api/sessions/${s.joinCode}`, {
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(res.status).toBe(401);
  });
});
