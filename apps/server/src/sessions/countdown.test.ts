import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '@kring/protocol';
import { SqliteStore } from '../store/sqlite';
import { BreakoutCountdown, type Scheduler } from './countdown';
import { SessionService } from './service';

/** Time that moves only when the test says so, and the timers waiting on it. */
class FakeTime implements Scheduler {
  now = 1_000_000;
  private readonly timers = new Map<number, { fn: () => void; at: number }>();
  private next = 1;

  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { fn, at: this.now + ms });
    return id;
  }

  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get waiting(): number[] {
    return [...this.timers.values()].map((t) => t.at).sort((a, b) => a - b);
  }

  /** Moves time on and runs every timer that is due by then, earliest first. */
  advance(ms: number): void {
    this.now += ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= this.now)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) return;
      this.timers.delete(due[0]);
      due[1].fn();
    }
  }
}

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function storeIn(dir: string): SqliteStore {
  const store = new SqliteStore(dir);
  stores.push(store);
  return store;
}

async function setUp(dir = mkdtempSync(join(tmpdir(), 'kring-countdown-'))) {
  dirs.push(dir);
  const time = new FakeTime();
  const store = storeIn(dir);
  const sessions = new SessionService(
    store,
    () => [],
    () => time.now,
  );
  const countdown = new BreakoutCountdown(sessions, () => {}, time);
  const { state, hostId } = await sessions.create('Countdown');
  const sessionId = state.sessionId;
  await sessions.join(sessionId, 'Ada');
  const run = async (command: Command) => {
    const result = await sessions.execute(sessionId, command, { participantId: hostId });
    if (!result.ok) throw new Error(result.error.message);
  };
  await run({ type: 'breakout.create', rooms: { by: 'count', count: 2 } });
  const status = () => sessions.peek(sessionId)?.breakouts.current?.status;
  return { dir, time, store, sessions, countdown, sessionId, hostId, run, status };
}

describe('breakout countdown (BR8, BR9)', () => {
  it('closes the rooms once, when the countdown ends, as the server (closed by nobody)', async () => {
    const t = await setUp();
    expect(t.time.waiting).toEqual([]);
    await t.run({ type: 'breakout.open', durationMs: 60_000 });
    expect(t.time.waiting).toEqual([t.time.now + 60_000]);
    t.time.advance(59_999);
    expect(t.status()).toBe('open');
    t.time.advance(1);
    await expect.poll(t.status).toBe('closed');
    const events = await t.store.loadEvents(t.sessionId);
    const closed = events.filter((e) => e.type === 'breakout.closed');
    expect(closed).toEqual([expect.objectContaining({ by: null })]);
    expect(t.countdown.size).toBe(0);
    expect(t.time.waiting).toEqual([]);
  });

  it('follows adjustments with one timer, and a close by hand clears it', async () => {
    const t = await setUp();
    await t.run({ type: 'breakout.open', durationMs: 60_000 });
    const opened = t.time.now;
    await t.run({ type: 'breakout.adjust', deltaMs: 30_000 });
    expect(t.time.waiting).toEqual([opened + 90_000]);
    t.time.advance(60_000);
    expect(t.status()).toBe('open');
    await t.run({ type: 'breakout.adjust', deltaMs: -20_000 });
    expect(t.time.waiting).toEqual([opened + 70_000]);
    await t.run({ type: 'breakout.close' });
    expect(t.time.waiting).toEqual([]);
    expect(t.countdown.size).toBe(0);
  });

  it('after a restart: sets the timer again for open rooms, and closes at once those whose time passed', async () => {
    const t = await setUp();
    await t.run({ type: 'breakout.open', durationMs: 60_000 });
    t.countdown.stop();
    expect(await t.store.sessionsWithOpenBreakout()).toEqual([t.sessionId]);

    // Back up before the end: the timer waits for what is left.
    const again = new SessionService(
      t.store,
      () => [],
      () => t.time.now + 10_000,
    );
    const time2 = new FakeTime();
    time2.now = t.time.now + 10_000;
    const countdown2 = new BreakoutCountdown(again, () => {}, time2);
    await countdown2.resume(await t.store.sessionsWithOpenBreakout());
    expect(time2.waiting).toEqual([t.time.now + 60_000]);
    countdown2.stop();

    // Back up after the end: closed at once.
    const late = new SessionService(
      t.store,
      () => [],
      () => t.time.now + 61_000,
    );
    const time3 = new FakeTime();
    time3.now = t.time.now + 61_000;
    const countdown3 = new BreakoutCountdown(late, () => {}, time3);
    await countdown3.resume(await t.store.sessionsWithOpenBreakout());
    time3.advance(0);
    await expect.poll(() => late.peek(t.sessionId)?.breakouts.current?.status).toBe('closed');
    expect(await t.store.sessionsWithOpenBreakout()).toEqual([]);
  });
});

describe('breakout countdown on several nodes (issue 17)', () => {
  it('a node whose claim is refused does not close; it looks again and closes when the claim lapsed', async () => {
    const t = await setUp();
    t.countdown.stop();
    const claims: boolean[] = [false, true];
    const asked: number[] = [];
    const countdown = new BreakoutCountdown(
      t.sessions,
      () => {},
      t.time,
      async (_sessionId, endsAt) => {
        asked.push(endsAt);
        return claims.shift() ?? true;
      },
    );
    await t.run({ type: 'breakout.open', durationMs: 60_000 });
    const endsAt = t.time.now + 60_000;
    t.time.advance(60_000);
    await expect.poll(() => asked.length).toBe(1);
    // Refused: still open, and a new look is set for later.
    await expect.poll(() => t.time.waiting.length).toBe(1);
    expect(t.status()).toBe('open');
    t.time.advance(5_000);
    await expect.poll(t.status).toBe('closed');
    expect(asked).toEqual([endsAt, endsAt]);
    countdown.stop();
  });

  it('a claim that cannot be asked (Redis away) closes anyway: the close is idempotent', async () => {
    const t = await setUp();
    t.countdown.stop();
    const countdown = new BreakoutCountdown(
      t.sessions,
      () => {},
      t.time,
      () => Promise.reject(new Error('down')),
    );
    await t.run({ type: 'breakout.open', durationMs: 1_000 });
    t.time.advance(1_000);
    await expect.poll(t.status).toBe('closed');
    countdown.stop();
  });
});
