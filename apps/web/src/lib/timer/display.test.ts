import type { TimerState } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  parseClock,
  parseMinutes,
  spokenDuration,
  TimeUpWatch,
  timeUpText,
  timerChangeText,
  timerPhase,
} from './display';

const running = (endsAt: number, label = ''): TimerState => ({
  label,
  durationMs: 300_000,
  endsAt,
  pausedRemainingMs: null,
});
const paused = (left: number): TimerState => ({
  label: '',
  durationMs: 300_000,
  endsAt: null,
  pausedRemainingMs: left,
});

describe('formatClock', () => {
  it('shows minutes and seconds, rounding seconds up', () => {
    expect(formatClock(300_000)).toBe('05:00');
    expect(formatClock(299_001)).toBe('05:00');
    expect(formatClock(299_000)).toBe('04:59');
    expect(formatClock(1)).toBe('00:01');
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(-500)).toBe('00:00');
  });

  it('shows hours from an hour on', () => {
    expect(formatClock(3_600_000)).toBe('1:00:00');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });

  it('round-trips through parseClock', () => {
    for (const ms of [0, 1000, 59_000, 300_000, 3_725_000]) {
      expect(parseClock(formatClock(ms))).toBe(ms / 1000);
    }
    expect(parseClock('paused')).toBeNull();
  });
});

describe('spokenDuration', () => {
  it('says the time in words', () => {
    expect(spokenDuration(270_000)).toBe('4 minutes 30 seconds');
    expect(spokenDuration(60_000)).toBe('1 minute');
    expect(spokenDuration(3_601_000)).toBe('1 hour 1 second');
    expect(spokenDuration(0)).toBe('0 seconds');
  });
});

describe('timerPhase and what is said', () => {
  it('tells running, paused and ended apart', () => {
    expect(timerPhase(running(10_000), 5000)).toBe('running');
    expect(timerPhase(running(10_000), 0)).toBe('ended');
    expect(timerPhase(paused(5000), 5000)).toBe('paused');
    expect(timerPhase(paused(0), 0)).toBe('paused');
  });

  it('says time is up, with the label when there is one', () => {
    expect(timeUpText(running(1, 'Break'))).toBe('Time is up for “Break”.');
    expect(timeUpText(running(1, '  '))).toBe('Time is up.');
  });

  it('tells starts, pauses, resumes and clearing, and keeps quiet otherwise', () => {
    const now = 1_000_000;
    const started = { ...running(now + 300_000, 'Break') };
    expect(timerChangeText(undefined, started, now + 150)).toBe('Timer “Break” started: 5 minutes.');
    const held = { ...started, endsAt: null, pausedRemainingMs: 200_000 };
    expect(timerChangeText(started, held, now + 100_000)).toBe('Timer “Break” paused.');
    const again = { ...held, endsAt: now + 400_000, pausedRemainingMs: null };
    expect(timerChangeText(held, again, now + 200_000)).toBe('Timer “Break” running again.');
    const longer = { ...again, durationMs: 360_000, endsAt: now + 460_000 };
    expect(timerChangeText(again, longer, now + 210_000)).toBeNull();
    expect(timerChangeText(longer, undefined, now)).toBe('The timer was cleared.');
    expect(timerChangeText(undefined, undefined, now)).toBeNull();
    // Paused and resumed within a second or two is still a resume, not a new start.
    const quick = { ...started, endsAt: null, pausedRemainingMs: 299_000 };
    expect(timerChangeText(started, quick, now + 1000)).toBe('Timer “Break” paused.');
    const quickAgain = { ...quick, endsAt: now + 1500 + 299_000, pausedRemainingMs: null };
    expect(timerChangeText(quick, quickAgain, now + 1500)).toBe('Timer “Break” running again.');
    // A reset goes back to the full time, paused.
    expect(
      timerChangeText(quickAgain, { ...quickAgain, endsAt: null, pausedRemainingMs: 300_000 }, now + 2000),
    ).toBe('Timer “Break” reset to 5 minutes, paused.');
    // A new timer while one runs, or while one is paused, is a start.
    const other = {
      label: 'Pairs',
      durationMs: 120_000,
      endsAt: now + 3000 + 120_000,
      pausedRemainingMs: null,
    };
    expect(timerChangeText(quick, other, now + 3000)).toBe('Timer “Pairs” started: 2 minutes.');
    const fresh = { ...running(now + 250_000 + 60_000), durationMs: 60_000 };
    expect(timerChangeText(longer, fresh, now + 250_000)).toBe('Timer started: 1 minute.');
  });
});

describe('parseMinutes', () => {
  const max = 24 * 60 * 60 * 1000;
  it('reads whole and decimal minutes', () => {
    expect(parseMinutes('3', max)).toBe(180_000);
    expect(parseMinutes('1.5', max)).toBe(90_000);
    expect(parseMinutes(' 2,5 ', max)).toBe(150_000);
  });

  it('refuses what is not a usable duration', () => {
    expect(parseMinutes('', max)).toBeNull();
    expect(parseMinutes('0', max)).toBeNull();
    expect(parseMinutes('-2', max)).toBeNull();
    expect(parseMinutes('abc', max)).toBeNull();
    expect(parseMinutes('1441', max)).toBeNull();
  });
});

describe('TimeUpWatch', () => {
  it('fires once when a watched run reaches zero', () => {
    const watch = new TimeUpWatch();
    const t = running(10_000);
    expect(watch.observe(t, 2000)).toBe(false);
    expect(watch.observe(t, 0)).toBe(true);
    expect(watch.observe(t, 0)).toBe(false);
  });

  it('stays quiet for a timer that had already ended when the screen opened', () => {
    const watch = new TimeUpWatch();
    expect(watch.observe(running(10_000), 0)).toBe(false);
  });

  it('fires again for a new run, and never while paused or without a timer', () => {
    const watch = new TimeUpWatch();
    expect(watch.observe(running(10_000), 1000)).toBe(false);
    expect(watch.observe(running(10_000), 0)).toBe(true);
    expect(watch.observe(paused(0), 0)).toBe(false);
    expect(watch.observe(undefined, 0)).toBe(false);
    expect(watch.observe(running(20_000), 500)).toBe(false);
    expect(watch.observe(running(20_000), 0)).toBe(true);
  });
});
