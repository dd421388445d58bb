import { describe, expect, it } from 'vitest';
import { replay } from '../reducer';
import { HOST, TestSession } from '../testing';
import { remainingMs } from './timer';

const MIN = 60_000;

function running(ms = 5 * MIN) {
  const s = new TestSession();
  s.ok(HOST, { type: 'timer.start', durationMs: ms, label: 'Break' });
  return s;
}
const timer = (s: TestSession, scope = 'plenary') => {
  const t = s.state.timers[scope];
  if (!t) throw new Error('no timer');
  return t;
};

describe('timers', () => {
  it('T1/T7: start runs a countdown as data', () => {
    const s = running();
    expect(timer(s)).toEqual({
      label: 'Break',
      durationMs: 5 * MIN,
      endsAt: s.now + 5 * MIN,
      pausedRemainingMs: null,
    });
    expect(remainingMs(timer(s), s.now + MIN)).toBe(4 * MIN);
    expect(remainingMs(timer(s), s.now + 9 * MIN)).toBe(0);
  });

  it('T7: a screen whose clock estimate runs behind the server never shows more than the duration', () => {
    const s = running(8 * MIN);
    expect(remainingMs(timer(s), s.now - 40)).toBe(8 * MIN);
  });

  it('T2/T3: pause keeps what is left, resume runs from there; repeats record nothing', () => {
    const s = running();
    s.tick(MIN).ok(HOST, { type: 'timer.pause' });
    expect(timer(s)).toMatchObject({ endsAt: null, pausedRemainingMs: 4 * MIN });
    expect(s.ok(HOST, { type: 'timer.pause' })).toEqual([]);
    expect(remainingMs(timer(s), s.now + 10 * MIN)).toBe(4 * MIN);
    s.tick(10 * MIN).ok(HOST, { type: 'timer.resume' });
    expect(timer(s).endsAt).toBe(s.now + 4 * MIN);
    expect(s.ok(HOST, { type: 'timer.resume' })).toEqual([]);
  });

  it('T4: adjust adds or takes time, never below zero, and from now once finished', () => {
    const s = running();
    s.ok(HOST, { type: 'timer.adjust', deltaMs: 2 * MIN });
    expect(remainingMs(timer(s), s.now)).toBe(7 * MIN);
    expect(timer(s).durationMs).toBe(7 * MIN);
    s.ok(HOST, { type: 'timer.adjust', deltaMs: -60 * MIN });
    expect(remainingMs(timer(s), s.now)).toBe(0);
    s.tick(3 * MIN).ok(HOST, { type: 'timer.adjust', deltaMs: MIN });
    expect(remainingMs(timer(s), s.now)).toBe(MIN);
    s.ok(HOST, { type: 'timer.pause' });
    s.ok(HOST, { type: 'timer.adjust', deltaMs: -30_000 });
    expect(timer(s).pausedRemainingMs).toBe(MIN - 30_000);
    expect(s.ok(HOST, { type: 'timer.adjust', deltaMs: 0 })).toEqual([]);
  });

  it('T5/T6: reset goes back to full and paused; clear takes it away', () => {
    const s = running();
    s.tick(MIN).ok(HOST, { type: 'timer.reset' });
    expect(timer(s)).toMatchObject({ endsAt: null, pausedRemainingMs: 5 * MIN });
    expect(s.ok(HOST, { type: 'timer.reset' })).toEqual([]);
    s.ok(HOST, { type: 'timer.clear' });
    expect(s.state.timers).toEqual({});
    expect(s.ok(HOST, { type: 'timer.clear' })).toEqual([]);
    expect(s.refused(HOST, { type: 'timer.pause' })).toBe('not_found');
  });

  it('T8: a timer paused before a restart is still paused with the same remainder after replay', () => {
    const s = running();
    s.tick(90_000).ok(HOST, { type: 'timer.pause' });
    const before = remainingMs(timer(s), s.now);
    // The server restarts hours later and rebuilds its state from the stored events alone.
    const restarted = replay(s.events);
    const t = restarted.timers.plenary;
    expect(t).toEqual(timer(s));
    expect(t && remainingMs(t, s.now + 5 * 60 * MIN)).toBe(before);
    expect(before).toBe(5 * MIN - 90_000);
  });

  it('T8: a running timer replays to the same end time', () => {
    const s = running();
    expect(replay(s.events).timers.plenary?.endsAt).toBe(timer(s).endsAt);
  });

  it('T9: an unknown scope is not found', () => {
    const s = new TestSession();
    expect(s.refused(HOST, { type: 'timer.start', scope: 'room0001', durationMs: MIN })).toBe('not_found');
  });
});
