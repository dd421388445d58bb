import { emptyState, newBoard, redactBatch, redactState } from '@kring/core';
import { ADA as PART, BEN, HOST as HOST_ID, TestSession } from '@kring/core/testing';
import { PROTOCOL_VERSION, type SessionEvent, type SessionState } from '@kring/protocol';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket to drive SessionClient by hand. */
class FakeSocket {
  connected = false;
  active = true;
  handlers = new Map<string, Handler[]>();
  pending: { event: string; args: unknown[]; resolve: (v: unknown) => void }[] = [];
  on(event: string, fn: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  timeout() {
    return this;
  }
  emitWithAck(event: string, ...args: unknown[]) {
    return new Promise((resolve) => this.pending.push({ event, args, resolve }));
  }
  connect() {}
  disconnect() {
    this.connected = false;
  }
  removeAllListeners() {
    this.handlers.clear();
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  /** Answers the oldest outstanding emitWithAck for `event`. */
  async answer(event: string, value: unknown) {
    const i = this.pending.findIndex((p) => p.event === event);
    if (i < 0) throw new Error(`no pending ${event}`);
    const [p] = this.pending.splice(i, 1);
    p!.resolve(value);
    await new Promise((r) => setTimeout(r, 0));
  }
}

let fake: FakeSocket;
const ioSpy = vi.fn();
vi.mock('socket.io-client', () => ({
  io: (...args: unknown[]) => {
    ioSpy(...args);
    return fake;
  },
}));

const { SessionClient, describeRefusal } = await import('./session.svelte');
const runtime = await import('$lib/paraglide/runtime');

const HOST = 'host_000001';
const ANA = 'ana_0000001';
const BOARD = 'board_00001';

function state(version = 3): SessionState {
  return {
    ...emptyState(),
    version,
    sessionId: 'session_0001',
    title: 'Check-in',
    joinCode: 'ABCDEF',
    createdAt: 1,
    participants: {
      [HOST]: { id: HOST, displayName: 'Facilitator', role: 'host', joinedAt: 1 },
    },
    boards: [newBoard(BOARD, 'Board')],
  };
}

function joined(v: number, id: string, name: string): SessionEvent {
  return { v, at: 2, type: 'participant.joined', participantId: id, displayName: name, role: 'participant' };
}

async function connectedClient(announce = vi.fn()) {
  const client = new SessionClient('tok', { announce });
  client.connect();
  fake.connected = true;
  fake.fire('connect');
  fake.fire('welcome', { kind: 'snapshot', ...whole(3) });
  return { client, announce };
}

/** The whole state as the host's welcome or snapshot answer carries it. */
const whole = (version: number) => ({
  ok: true,
  state: bytes(state(version)),
  you: HOST,
  online: [HOST],
  serverTime: 0,
});

/** A return's welcome: Ana joined (version 4) while this client was away. */
function welcomeBackWithAna() {
  fake.fire('welcome', {
    ok: true,
    kind: 'resume',
    events: [joined(4, ANA, 'Ana')],
    online: [HOST, ANA],
    serverTime: Date.now(),
  });
}

/** The line drops and comes back: the same socket connects again. */
function reconnect() {
  fake.connected = false;
  fake.fire('disconnect', 'transport close');
  fake.connected = true;
  fake.fire('connect');
}

/** The handshake's auth as socket.io reads it on a (re)connect (SessionClient passes a function). */
function handshakeAuth(): unknown {
  const opts = ioSpy.mock.lastCall?.[0] as { auth: (send: (auth: unknown) => void) => void };
  let sent: unknown;
  opts.auth((auth) => (sent = auth));
  return sent;
}

beforeEach(() => {
  fake = new FakeSocket();
  ioSpy.mockClear();
});

/** A snapshot's state as the server sends it: UTF-8 JSON bytes (a binary attachment). */
const bytes = (state: unknown) => new TextEncoder().encode(JSON.stringify(state));

describe('SessionClient', () => {
  it('keeps a command made while the line is briefly down and sends it once reconnected', async () => {
    const { client } = await connectedClient();
    fake.connected = false;
    fake.fire('disconnect', 'transport close');
    const answer = client.send({ type: 'hand.raise' });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.pending.some((p) => p.event === 'command')).toBe(false); // not sent into a dead line
    fake.connected = true;
    fake.fire('connect');
    await new Promise((r) => setTimeout(r, 0));
    const sent = fake.pending.find((p) => p.event === 'command');
    expect(sent?.args[0]).toEqual({ type: 'hand.raise' });
    await fake.answer('command', { ok: true, version: 4, serverTime: Date.now() });
    await expect(answer).resolves.toMatchObject({ ok: true });
  });

  it('refuses a waiting command as not connected when the line stays down', async () => {
    const { client } = await connectedClient();
    vi.useFakeTimers();
    try {
      fake.connected = false;
      fake.fire('disconnect', 'transport close');
      const answer = client.send({ type: 'hand.raise' });
      await vi.advanceTimersByTimeAsync(10_000);
      await expect(answer).resolves.toMatchObject({ ok: false, error: { message: /Not connected/ } });
      expect(fake.pending.some((p) => p.event === 'command')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('authenticates with the token and protocol version and takes the welcome without asking', async () => {
    const client = new SessionClient('tok');
    client.connect();
    expect(ioSpy).toHaveBeenCalledWith(expect.objectContaining({ path: '/socket.io' }));
    expect(handshakeAuth()).toEqual({ token: 'tok', protocolVersion: PROTOCOL_VERSION });
    fake.connected = true;
    fake.fire('connect');
    // A live batch before the welcome is in it: a first connect has nothing to apply it to.
    fake.fire('events', { events: [joined(3, 'old_0000001', 'Old')] });
    fake.fire('welcome', { kind: 'snapshot', ...whole(3) });
    expect(fake.pending.map((p) => p.event)).not.toContain('snapshot');
    expect(client.status).toBe('connected');
    expect(client.view?.participants['old_0000001']).toBeUndefined();
    expect(client.view?.title).toBe('Check-in');
    expect(client.facilitator).toBe(true);
    expect([...client.online]).toEqual([HOST]);
    expect(client.accessTo(BOARD)).toBe('write');
  });

  it('applies events in order, skips ones it already has, and refetches on a gap', async () => {
    const { client } = await connectedClient();
    fake.fire('events', { events: [joined(3, 'old_0000001', 'Old'), joined(4, ANA, 'Ana')] });
    expect(client.view?.version).toBe(4);
    expect(client.participants.map((p) => p.displayName)).toEqual(['Facilitator', 'Ana']);
    expect(client.view?.participants['old_0000001']).toBeUndefined();

    fake.fire('events', { events: [joined(7, 'late_000001', 'Late')] });
    expect(client.view?.version).toBe(4);
    expect(fake.pending.map((p) => p.event)).toContain('snapshot');
  });

  it('tracks presence and announces joins and leaves by name, also when the join event comes second', async () => {
    const { client, announce } = await connectedClient();
    fake.fire('presence', { online: [ANA], offline: [] });
    expect(client.online.has(ANA)).toBe(true);
    expect(announce).not.toHaveBeenCalled();
    fake.fire('events', { events: [joined(4, ANA, 'Ana')] });
    expect(announce).toHaveBeenLastCalledWith('Ana is here.');
    fake.fire('presence', { online: [], offline: [ANA] });
    expect(client.online.has(ANA)).toBe(false);
    expect(announce).toHaveBeenLastCalledWith('Ana left.');
  });

  it('counts many arrivals and leaves that come in one presence update instead of naming each', async () => {
    const { client, announce } = await connectedClient();
    const many = Array.from({ length: 40 }, (_, i) => `guest${String(i).padStart(5, '0')}`);
    fake.fire('presence', { online: many, offline: [] });
    expect(many.every((id) => client.online.has(id))).toBe(true);
    expect(announce).toHaveBeenCalledTimes(1);
    expect(announce).toHaveBeenLastCalledWith('40 people arrived.');
    // Their join events come later: nobody is named one by one after the count.
    fake.fire('events', { events: many.map((id, i) => joined(4 + i, id, `Guest ${i}`)) });
    expect(announce).toHaveBeenCalledTimes(1);
    fake.fire('presence', { online: [], offline: many.slice(0, 5) });
    expect(announce).toHaveBeenLastCalledWith('5 people left.');
  });

  it('announces lock changes and mirrors access for participants', async () => {
    const { client, announce } = await connectedClient();
    fake.fire('events', {
      events: [{ v: 4, at: 3, type: 'board.lockChanged', boardId: BOARD, locked: true, by: HOST }],
    });
    expect(client.view?.boards[0]?.locked).toBe(true);
    expect(announce).toHaveBeenLastCalledWith('The board is now locked.');
  });

  it('shows a handshake refusal instead of retrying', () => {
    const client = new SessionClient('bad');
    client.connect();
    fake.active = false;
    fake.fire('connect_error', new Error('unauthorized'));
    expect(client.status).toBe('refused');
    expect(client.refusal).toEqual({ code: 'unauthorized', message: describeRefusal('unauthorized') });
  });

  it('says reconnecting while socket.io retries after losing the line', async () => {
    const { client } = await connectedClient();
    fake.connected = false;
    fake.fire('disconnect', 'transport close');
    expect(client.status).toBe('reconnecting');
    fake.fire('connect_error', new Error('xhr poll error'));
    expect(client.status).toBe('reconnecting');
  });

  it('after a reconnect says the version it holds, takes what it missed, then the live batches that came meanwhile (issue 14)', async () => {
    const { client } = await connectedClient();
    fake.connected = false;
    fake.fire('disconnect', 'transport close');
    expect(handshakeAuth()).toEqual({ token: 'tok', protocolVersion: PROTOCOL_VERSION, since: 3 });
    fake.connected = true;
    fake.fire('connect');
    expect(fake.pending.some((p) => p.event === 'snapshot')).toBe(false);
    // A live batch overtakes the welcome: it waits instead of looking like a gap.
    fake.fire('events', { events: [joined(5, 'bo_00000001', 'Bo')] });
    welcomeBackWithAna();
    expect(client.status).toBe('connected');
    expect(client.state?.version).toBe(5);
    expect(Object.keys(client.state?.participants ?? {})).toEqual([HOST, ANA, 'bo_00000001']);
    expect(client.online.has(ANA)).toBe(true);
    expect(fake.pending.some((p) => p.event === 'snapshot')).toBe(false);
  });

  it("opens with the join's start before connecting, then says its version and takes only what came after (issue 14)", () => {
    const client = new SessionClient('tok');
    expect(client.seed({ state: state(3), online: [HOST] }, HOST)).toBe(true);
    // Drawn at once, still connecting: nothing has been asked or sent yet.
    expect(client.view?.title).toBe('Check-in');
    expect(client.online.has(HOST)).toBe(true);
    expect(client.status).toBe('connecting');
    client.connect();
    expect(handshakeAuth()).toEqual({ token: 'tok', protocolVersion: PROTOCOL_VERSION, since: 3 });
    fake.connected = true;
    fake.fire('connect');
    welcomeBackWithAna();
    expect(client.status).toBe('connected');
    expect(client.state?.version).toBe(4);
    expect(client.online.has(ANA)).toBe(true);
    expect(fake.pending.some((p) => p.event === 'snapshot')).toBe(false);
  });

  it('refuses a start that does not read as a state, and one after it holds a state', async () => {
    expect(new SessionClient('tok').seed({ state: { version: 'three' }, online: [] }, HOST)).toBe(false);
    const { client } = await connectedClient();
    expect(client.seed({ state: state(9), online: [] }, HOST)).toBe(false);
    expect(client.state?.version).toBe(3);
  });

  it('takes the whole state when the server no longer has all it missed', async () => {
    const { client } = await connectedClient();
    reconnect();
    fake.fire('welcome', { kind: 'snapshot', ...whole(9) });
    expect(client.state?.version).toBe(9);
    expect(client.status).toBe('connected');
    expect(fake.pending.some((p) => p.event === 'snapshot')).toBe(false);
  });

  it('asks for a snapshot when the welcome does not come', async () => {
    const { client } = await connectedClient();
    vi.useFakeTimers();
    try {
      reconnect();
      await vi.advanceTimersByTimeAsync(7_000);
      expect(fake.pending.some((p) => p.event === 'snapshot')).toBe(false);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(fake.pending.some((p) => p.event === 'snapshot')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    await fake.answer('snapshot', whole(9));
    expect(client.state?.version).toBe(9);
    expect(client.status).toBe('connected');
  });

  it('estimates the server clock offset from clock round trips', async () => {
    const { client } = await connectedClient();
    await fake.answer('clock', { serverTime: Date.now() + 60_000 });
    expect(client.clockOffsetMs).toBeGreaterThan(59_000);
    expect(Math.abs(client.serverNow() - (Date.now() + 60_000))).toBeLessThan(1000);
  });

  it('sends board.setLock and hands back the server answer', async () => {
    const { client } = await connectedClient();
    const result = client.setBoardLock(BOARD, true);
    expect(fake.pending.find((p) => p.event === 'command')?.args).toEqual([
      { type: 'board.setLock', boardId: BOARD, locked: true },
    ]);
    await fake.answer('command', { ok: false, error: { code: 'forbidden', message: 'only facilitators' } });
    await expect(result).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'only facilitators' },
    });
  });
});

describe('SessionClient keeps its copy cut for this person (core V5′, V6)', () => {
  /** Two open rooms: Ada in the first, Ben in the second, the gallery open, a timer in Ben's room. */
  function rooms() {
    const s = new TestSession();
    s.ok(HOST_ID, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
    const [r0, r1] = s.state.breakouts.current!.rooms;
    s.ok(HOST_ID, {
      type: 'breakout.assign',
      assign: {
        mode: 'manual',
        moves: [
          { participantId: PART, roomId: r0!.id },
          { participantId: BEN, roomId: r1!.id },
        ],
      },
    });
    s.ok(HOST_ID, { type: 'breakout.open', durationMs: 600_000 });
    s.ok(HOST_ID, { type: 'breakout.gallery', open: true });
    s.ok(BEN, { type: 'timer.start', scope: r1!.id, durationMs: 60_000 });
    return { s, r1: r1! };
  }

  async function clientOf(s: TestSession, you: string) {
    const client = new SessionClient('tok');
    client.connect();
    fake.connected = true;
    fake.fire('connect');
    fake.fire('welcome', {
      ok: true,
      kind: 'snapshot',
      state: bytes(redactState(s.state, you)),
      you,
      online: [you],
      serverTime: Date.now(),
    });
    return client;
  }

  /** Runs a command on the server side and hands the client its cut of the events. */
  function deliver(s: TestSession, you: string, actor: string, command: unknown) {
    const before = s.state;
    const start = s.events.length;
    s.ok(actor, command);
    fake.fire('events', { events: redactBatch(before, s.events.slice(start))(you) });
  }

  it('drops what it may no longer hold when access to a room shrinks (the gallery closes)', async () => {
    const { s, r1 } = rooms();
    const client = await clientOf(s, PART);
    expect(client.state?.timers[r1.id]).toBeDefined();
    fake.pending.length = 0;
    deliver(s, PART, HOST_ID, { type: 'breakout.gallery', open: false });
    expect(client.state).toEqual(redactState(s.state, PART));
    expect(client.state?.timers[r1.id]).toBeUndefined();
    expect(fake.pending.map((p) => p.event)).not.toContain('snapshot');
  });

  it('fetches a snapshot when a room it never received becomes readable (moved in)', async () => {
    const { s, r1 } = rooms();
    s.ok(HOST_ID, { type: 'breakout.gallery', open: false });
    const client = await clientOf(s, PART);
    expect(client.state?.timers[r1.id]).toBeUndefined();
    fake.pending.length = 0;
    deliver(s, PART, HOST_ID, { type: 'breakout.move', participantId: PART, roomId: r1.id });
    expect(fake.pending.map((p) => p.event)).toContain('snapshot');
    await fake.answer('snapshot', {
      ok: true,
      state: bytes(redactState(s.state, PART)),
      you: PART,
      online: [PART],
      serverTime: Date.now(),
    });
    expect(client.state?.timers[r1.id]).toBeDefined();
    expect(client.runsFloor(r1.id)).toBe(true);
  });
});

describe('SessionClient when signed out (core J5)', () => {
  it('says "signed out" when the batch names this person, and stays refused while the line drops', async () => {
    const { client } = await connectedClient();
    // This client is the host in the fake; take the view of a participant instead.
    client.you = ANA;
    client.state = {
      ...client.state!,
      participants: {
        ...client.state!.participants,
        [ANA]: { id: ANA, displayName: 'Ana', role: 'participant', joinedAt: 2 },
      },
    };
    fake.fire('events', {
      events: [{ v: 4, at: 5, type: 'session.signedOut', participantIds: [ANA], by: HOST }],
    });
    expect(client.status).toBe('refused');
    expect(client.refusal).toEqual({ code: 'signed_out', message: describeRefusal('signed_out') });
    fake.fire('disconnect', 'io client disconnect');
    expect(client.status).toBe('refused');
  });

  it('keeps going when someone else is signed out', async () => {
    const { client } = await connectedClient();
    fake.fire('events', {
      events: [{ v: 4, at: 5, type: 'session.signedOut', participantIds: [ANA], by: HOST }],
    });
    expect(client.status).toBe('connected');
    expect(client.refusal).toBeNull();
  });

  it('tells a signed-out token from other refusals at the handshake', () => {
    const client = new SessionClient('tok');
    client.connect();
    fake.fire('connect_error', Object.assign(new Error('unauthorized'), { data: { message: 'signed out' } }));
    expect(client.refusal?.code).toBe('signed_out');
    expect(describeRefusal('signed_out')).toMatch(/join again/);
  });

  it('says its announcements and refusals in the page language', async () => {
    const before = runtime.getLocale;
    runtime.overwriteGetLocale(() => 'nl');
    try {
      const { announce } = await connectedClient();
      fake.fire('events', { events: [joined(4, ANA, 'Ana')] });
      fake.fire('presence', { online: [ANA], offline: [] });
      expect(announce).toHaveBeenLastCalledWith('Ana is er.');
      fake.fire('events', {
        events: [{ v: 5, at: 3, type: 'board.lockChanged', boardId: BOARD, locked: true, by: HOST }],
      });
      expect(announce).toHaveBeenLastCalledWith('Het bord is nu vergrendeld.');
      expect(describeRefusal('not_found')).toBe('Deze sessie bestaat niet meer.');
      runtime.overwriteGetLocale(() => 'fr');
      expect(describeRefusal('odd_code')).toBe('Le serveur a refusé la connexion (odd_code).');
    } finally {
      runtime.overwriteGetLocale(before);
    }
    expect(describeRefusal('not_found')).toBe('This session no longer exists.');
  });
});
