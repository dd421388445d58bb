import { describe, expect, it } from 'vitest';
import {
  buildMove,
  buildPlan,
  emptyPlanFields,
  planFields,
  weekdayNames,
  wholeNumber,
  type PlanFields,
} from './plan-form';

/** The "add a series" form's fields as a SeriesPlan (issue 16; the server checks SE1/SE2 again). */

const fields = (over: Partial<PlanFields>): PlanFields => ({
  ...emptyPlanFields('Europe/Amsterdam'),
  startDate: '2027-10-01',
  startTime: '14:00',
  durationMinutes: '120',
  ...over,
});

describe('buildPlan', () => {
  it('makes "every Sunday in October" a weekly plan until the last date (SE2)', () => {
    const result = buildPlan(
      fields({ repeat: 'weekly', weekdays: [7], interval: '1', ends: 'until', until: '2027-10-31' }),
    );
    expect(result).toEqual({
      ok: true,
      plan: {
        timeZone: 'Europe/Amsterdam',
        startDate: '2027-10-01',
        startTime: '14:00',
        durationMinutes: 120,
        repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2027-10-31' },
      },
    });
  });

  it('makes "twice a week, for ten meetings" with weekdays sorted and once each', () => {
    const result = buildPlan(
      fields({ repeat: 'weekly', weekdays: [4, 2, 4], ends: 'count', count: '10', interval: '2' }),
    );
    expect(result.ok && result.plan.repeat).toEqual({
      kind: 'weekly',
      weekdays: [2, 4],
      interval: 2,
      count: 10,
    });
  });

  it('makes a one-off meeting, ignoring the weekly fields', () => {
    const result = buildPlan(fields({ repeat: 'once', weekdays: [1], until: 'nonsense' }));
    expect(result.ok && result.plan.repeat).toEqual({ kind: 'once' });
  });

  it('names each field that is not right yet', () => {
    const result = buildPlan(
      fields({
        startDate: '',
        startTime: '25:00',
        durationMinutes: '0',
        timeZone: ' ',
        repeat: 'weekly',
        weekdays: [],
        interval: '53',
        ends: 'until',
        until: '',
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: {
        startDate: 'date_missing',
        startTime: 'time_missing',
        durationMinutes: 'duration_invalid',
        timeZone: 'zone_missing',
        weekdays: 'weekdays_none',
        interval: 'interval_invalid',
        until: 'until_missing',
      },
    });
  });

  it('refuses a last date before the first, and a count out of bounds', () => {
    expect(buildPlan(fields({ repeat: 'weekly', weekdays: [7], until: '2027-09-30' }))).toEqual({
      ok: false,
      problems: { until: 'until_before_start' },
    });
    expect(buildPlan(fields({ repeat: 'weekly', weekdays: [7], ends: 'count', count: '201' }))).toEqual({
      ok: false,
      problems: { count: 'count_invalid' },
    });
  });

  it('gives back the fields of a plan (editing starts from what a series has)', () => {
    const start = fields({ repeat: 'weekly', weekdays: [2, 4], ends: 'count', count: '8', interval: '1' });
    const built = buildPlan(start);
    expect(built.ok).toBe(true);
    if (built.ok) expect(planFields(built.plan)).toEqual(start);
  });
});

describe('buildMove', () => {
  it('moves to a date and time, keeping the length unless one is given (SE4)', () => {
    expect(buildMove({ date: '2027-10-18', time: '19:30', durationMinutes: '' })).toEqual({
      ok: true,
      exception: { kind: 'move', date: '2027-10-18', time: '19:30' },
    });
    expect(buildMove({ date: '2027-10-18', time: '19:30', durationMinutes: '45' })).toEqual({
      ok: true,
      exception: { kind: 'move', date: '2027-10-18', time: '19:30', durationMinutes: 45 },
    });
  });

  it('names what is missing', () => {
    expect(buildMove({ date: '', time: '', durationMinutes: 'x' })).toEqual({
      ok: false,
      problems: { date: 'date_missing', time: 'time_missing', durationMinutes: 'duration_invalid' },
    });
  });
});

describe('wholeNumber', () => {
  it('reads whole numbers within bounds only', () => {
    expect(wholeNumber(' 12 ', 1, 20)).toBe(12);
    expect(wholeNumber('1.5', 1, 20)).toBeNull();
    expect(wholeNumber('', 1, 20)).toBeNull();
    expect(wholeNumber('21', 1, 20)).toBeNull();
  });
});

describe('weekdayNames', () => {
  it('names the ISO weekdays, Monday first, in each language', () => {
    expect(weekdayNames('en')[1]).toBe('Monday');
    expect(weekdayNames('en')[7]).toBe('Sunday');
    expect(weekdayNames('nl')[7]).toBe('zondag');
    expect(weekdayNames('fr')[1]).toBe('lundi');
    expect(weekdayNames('fr', 'short')[3]).toBe('mer.');
  });
});
