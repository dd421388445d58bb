import type { SeriesPlan } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import {
  JOIN_OPENS_BEFORE_MS,
  SeriesPlanError,
  exceptionProblem,
  joinOpen,
  nextOccurrence,
  occurrences,
  plannedDates,
} from './occurrences';

const iso = (ms: number) => new Date(ms).toISOString();

/** The summit's core group: five Sundays in October 2026 at 14:00, Amsterdam time. */
const summit: SeriesPlan = {
  timeZone: 'Europe/Amsterdam',
  startDate: '2026-10-01',
  startTime: '14:00',
  durationMinutes: 120,
  repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2026-10-31' },
};

describe('SE2 planned dates', () => {
  it('SE2: every Sunday in October is each Sunday of that month, starting from the first on or after the start', () => {
    expect(plannedDates(summit).map(String)).toEqual([
      '2026-10-04',
      '2026-10-11',
      '2026-10-18',
      '2026-10-25',
    ]);
    expect(
      plannedDates({
        ...summit,
        startDate: '2027-10-01',
        repeat: { ...summit.repeat, until: '2027-10-31' } as SeriesPlan['repeat'],
      }).map(String),
    ).toEqual(['2027-10-03', '2027-10-10', '2027-10-17', '2027-10-24', '2027-10-31']);
  });

  it('SE2: twice a week (Tuesday and Thursday) for six meetings', () => {
    const plan: SeriesPlan = {
      ...summit,
      startDate: '2026-12-03',
      repeat: { kind: 'weekly', weekdays: [4, 2], interval: 1, count: 6 },
    };
    expect(plannedDates(plan).map(String)).toEqual([
      '2026-12-03',
      '2026-12-08',
      '2026-12-10',
      '2026-12-15',
      '2026-12-17',
      '2026-12-22',
    ]);
  });

  it('SE2: every other week keeps the rhythm of the first week', () => {
    const plan: SeriesPlan = {
      ...summit,
      startDate: '2026-12-02',
      repeat: { kind: 'weekly', weekdays: [3], interval: 2, count: 3 },
    };
    expect(plannedDates(plan).map(String)).toEqual(['2026-12-02', '2026-12-16', '2026-12-30']);
  });

  it('SE2: one-off is the start date', () => {
    expect(plannedDates({ ...summit, repeat: { kind: 'once' } }).map(String)).toEqual(['2026-10-01']);
  });

  it('SE2: a weekly series needs an end, an end after its start, a meeting, and at most 200 meetings', () => {
    const weekly = (repeat: object) =>
      ({ ...summit, repeat: { kind: 'weekly', weekdays: [1], interval: 1, ...repeat } }) as SeriesPlan;
    expect(() => plannedDates(weekly({}))).toThrow(SeriesPlanError);
    expect(() => plannedDates(weekly({ until: '2026-09-01' }))).toThrow(/before the first/);
    expect(() => plannedDates(weekly({ until: '2026-10-03', weekdays: [7] }))).toThrow(/no meeting/);
    expect(() => plannedDates(weekly({ until: '2036-01-01' }))).toThrow(/at most 200/);
    expect(plannedDates(weekly({ count: 200 }))).toHaveLength(200);
  });

  it('SE1: dates that are not on the calendar and unknown time zones are named errors', () => {
    expect(() => plannedDates({ ...summit, startDate: '2026-02-30' })).toThrow(/not a calendar date/);
    expect(() => occurrences({ ...summit, timeZone: 'Europe/Atlantis' })).toThrow(/not a known time zone/);
  });
});

describe('SE3 wall-clock times across daylight saving time', () => {
  it('SE3: 14:00 in Amsterdam stays 14:00 when the clocks go back on 25 October (12:00Z, then 13:00Z)', () => {
    const list = occurrences(summit);
    expect(list.map((o) => iso(o.start))).toEqual([
      '2026-10-04T12:00:00.000Z',
      '2026-10-11T12:00:00.000Z',
      '2026-10-18T12:00:00.000Z',
      '2026-10-25T13:00:00.000Z',
    ]);
    expect(list.every((o) => o.localTime === '14:00' && o.end - o.start === 120 * 60_000)).toBe(true);
  });

  it('SE3: the IPS overview at noon Eastern Time on both sides of 1 November (16:00Z, then 17:00Z)', () => {
    const list = occurrences({
      timeZone: 'America/New_York',
      startDate: '2026-10-25',
      startTime: '12:00',
      durationMinutes: 180,
      repeat: { kind: 'weekly', weekdays: [7], interval: 1, count: 2 },
    });
    expect(list.map((o) => iso(o.start))).toEqual(['2026-10-25T16:00:00.000Z', '2026-11-01T17:00:00.000Z']);
  });

  it('SE3: a time skipped by the clocks going forward moves forward; a doubled one is the first', () => {
    // 29 March 2026, Amsterdam: 02:00 → 03:00. 02:30 does not exist.
    const spring = occurrences({
      ...summit,
      startDate: '2026-03-29',
      startTime: '02:30',
      repeat: { kind: 'once' },
    });
    expect(iso(spring[0]!.start)).toBe('2026-03-29T01:30:00.000Z'); // 03:30 local, summer time
    // 25 October 2026: 03:00 → 02:00. 02:30 happens twice; the first is summer time (UTC+2).
    const autumn = occurrences({
      ...summit,
      startDate: '2026-10-25',
      startTime: '02:30',
      repeat: { kind: 'once' },
    });
    expect(iso(autumn[0]!.start)).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('SE4 exceptions', () => {
  it('SE4: a skipped Sunday leaves, a cancelled one stays marked, a moved one keeps its key', () => {
    const list = occurrences(summit, {
      '2026-10-11': { kind: 'skip' },
      '2026-10-18': { kind: 'cancel' },
      '2026-10-25': { kind: 'move', date: '2026-10-24', time: '10:00', durationMinutes: 90 },
    });
    expect(list.map((o) => [o.key, o.status, o.localDate, o.localTime])).toEqual([
      ['2026-10-04', 'scheduled', '2026-10-04', '14:00'],
      ['2026-10-18', 'cancelled', '2026-10-18', '14:00'],
      ['2026-10-25', 'moved', '2026-10-24', '10:00'],
    ]);
    const moved = list[2]!;
    expect(iso(moved.start)).toBe('2026-10-24T08:00:00.000Z'); // still summer time on the Saturday
    expect(moved.end - moved.start).toBe(90 * 60_000);
  });

  it('SE4: a meeting moved before an earlier one is listed in time order', () => {
    const list = occurrences(summit, {
      '2026-10-11': { kind: 'move', date: '2026-10-03', time: '14:00' },
    });
    expect(list.map((o) => o.key)).toEqual(['2026-10-11', '2026-10-04', '2026-10-18', '2026-10-25']);
  });

  it('SE5: exceptions only for planned dates, and a move may not overlap another meeting', () => {
    expect(exceptionProblem(summit, {}, '2026-10-05', { kind: 'skip' })).toMatch(/no meeting planned/);
    expect(exceptionProblem(summit, {}, '2026-10-04', { kind: 'cancel' })).toBeNull();
    expect(
      exceptionProblem(summit, {}, '2026-10-04', { kind: 'move', date: '2026-10-11', time: '15:00' }),
    ).toMatch(/overlaps the meeting of 2026-10-11/);
    // Onto a cancelled meeting's time is fine.
    expect(
      exceptionProblem(summit, { '2026-10-11': { kind: 'cancel' } }, '2026-10-04', {
        kind: 'move',
        date: '2026-10-11',
        time: '14:00',
      }),
    ).toBeNull();
  });
});

describe('SE6, SE7 what is next and when the door opens', () => {
  const list = occurrences(summit, { '2026-10-11': { kind: 'cancel' } });
  const first = list[0]!;

  it('SE6: the next meeting is the first not ended and not cancelled', () => {
    expect(nextOccurrence(list, first.start - 1)?.key).toBe('2026-10-04');
    expect(nextOccurrence(list, first.end - 1)?.key).toBe('2026-10-04');
    expect(nextOccurrence(list, first.end)?.key).toBe('2026-10-18');
    expect(nextOccurrence(list, list.at(-1)!.end)).toBeNull();
  });

  it('SE7: the join button is live from 15 minutes before the start until the end, never when cancelled', () => {
    expect(joinOpen(first, first.start - JOIN_OPENS_BEFORE_MS - 1)).toBe(false);
    expect(joinOpen(first, first.start - JOIN_OPENS_BEFORE_MS)).toBe(true);
    expect(joinOpen(first, first.end - 1)).toBe(true);
    expect(joinOpen(first, first.end)).toBe(false);
    expect(joinOpen(list[1]!, list[1]!.start)).toBe(false);
  });
});
