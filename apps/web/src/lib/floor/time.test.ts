import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  formatDuration,
  minutesText,
  parseCount,
  parseSoftMinutes,
  softTimeText,
} from './time';

describe('durations', () => {
  it('reads like a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(45_000)).toBe('0:45');
    expect(formatDuration(187_400)).toBe('3:07');
    expect(formatDuration(3_729_000)).toBe('1:02:09');
    expect(formatDuration(-5000)).toBe('0:00');
  });

  it('reads as words', () => {
    expect(describeDuration(45_000)).toBe('45 seconds');
    expect(describeDuration(60_000)).toBe('1 minute');
    expect(describeDuration(150_000)).toBe('2 min 30 s');
  });

  it('counts a soft time down gently and never alarms past it (F6)', () => {
    expect(softTimeText(61_500)).toBe('1:02 left of the suggested time');
    expect(softTimeText(0)).toMatch(
      /^The suggested time has passed \(0:00 ago\)\. Finish in your own time\.$/,
    );
    expect(softTimeText(-12_000)).toContain('0:12 ago');
  });
});

describe('typed numbers', () => {
  it('parses a soft time in minutes; empty is none', () => {
    expect(parseSoftMinutes('')).toEqual({ ok: true, ms: null });
    expect(parseSoftMinutes(' 2 ')).toEqual({ ok: true, ms: 120_000 });
    expect(parseSoftMinutes('1,5')).toEqual({ ok: true, ms: 90_000 });
    expect(parseSoftMinutes('0').ok).toBe(false);
    expect(parseSoftMinutes('61').ok).toBe(false);
    expect(parseSoftMinutes('soon').ok).toBe(false);
    expect(minutesText(90_000)).toBe('1.5');
    expect(minutesText(null)).toBe('');
  });

  it('parses whole counts within bounds', () => {
    expect(parseCount('4', 1, 50, 'seats')).toEqual({ ok: true, value: 4 });
    expect(parseCount('0', 1, 50, 'seats').ok).toBe(false);
    expect(parseCount('2.5', 1, 50, 'seats').ok).toBe(false);
    expect(parseCount('', 1, 50, 'seats').ok).toBe(false);
  });
});
