import { SERIES_LIMITS, type SeriesException, type SeriesPlan, type Weekday } from '@kring/protocol';

/**
 * The "add a series" form's fields turned into a `SeriesPlan` (issue 16), and the few checks a
 * person should hear about before the server is asked. The server checks the same again (SE1,
 * SE2: real dates, a known zone, an end, at most `occurrencesMax` meetings); this only catches
 * what the form can say next to its own field. Pure: no messages, no clock.
 */

/** What the form holds: strings as inputs give them, weekdays as ISO numbers (1 Monday … 7 Sunday). */
export interface PlanFields {
  startDate: string;
  startTime: string;
  durationMinutes: string;
  timeZone: string;
  repeat: 'once' | 'weekly';
  weekdays: Weekday[];
  interval: string;
  ends: 'until' | 'count';
  until: string;
  count: string;
}

export type PlanField =
  'startDate' | 'startTime' | 'durationMinutes' | 'timeZone' | 'weekdays' | 'interval' | 'until' | 'count';

/** Why a field is not right yet; the form words each one. */
export type PlanProblem =
  | 'date_missing'
  | 'time_missing'
  | 'duration_invalid'
  | 'zone_missing'
  | 'weekdays_none'
  | 'interval_invalid'
  | 'until_missing'
  | 'until_before_start'
  | 'count_invalid';

export type PlanResult =
  { ok: true; plan: SeriesPlan } | { ok: false; problems: Partial<Record<PlanField, PlanProblem>> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A whole number within bounds, or null (inputs of type number still hand over strings). */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}

/** The fields a new form starts with: one meeting, an hour and a half, the circle's zone. */
export function emptyPlanFields(timeZone: string): PlanFields {
  return {
    startDate: '',
    startTime: '',
    durationMinutes: '90',
    timeZone,
    repeat: 'once',
    weekdays: [],
    interval: '1',
    ends: 'until',
    until: '',
    count: '',
  };
}

export function buildPlan(fields: PlanFields): PlanResult {
  const problems: Partial<Record<PlanField, PlanProblem>> = {};
  const startDate = fields.startDate.trim();
  const startTime = fields.startTime.trim();
  if (!DATE.test(startDate)) problems.startDate = 'date_missing';
  if (!TIME.test(startTime)) problems.startTime = 'time_missing';
  const durationMinutes = wholeNumber(fields.durationMinutes, 1, SERIES_LIMITS.durationMinutesMax);
  if (durationMinutes === null) problems.durationMinutes = 'duration_invalid';
  const timeZone = fields.timeZone.trim();
  if (!timeZone) problems.timeZone = 'zone_missing';

  let repeat: SeriesPlan['repeat'] = { kind: 'once' };
  if (fields.repeat === 'weekly') {
    // Sorted and once each, so the same choice always makes the same plan (CI10: nothing changes).
    const weekdays = [...new Set(fields.weekdays)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
    if (weekdays.length === 0) problems.weekdays = 'weekdays_none';
    const interval = wholeNumber(fields.interval, 1, SERIES_LIMITS.intervalMax);
    if (interval === null) problems.interval = 'interval_invalid';
    if (fields.ends === 'until') {
      const until = fields.until.trim();
      if (!DATE.test(until)) problems.until = 'until_missing';
      // ISO dates compare as text.
      else if (DATE.test(startDate) && until < startDate) problems.until = 'until_before_start';
      repeat = { kind: 'weekly', weekdays, interval: interval ?? 1, until };
    } else {
      const count = wholeNumber(fields.count, 1, SERIES_LIMITS.occurrencesMax);
      if (count === null) problems.count = 'count_invalid';
      repeat = { kind: 'weekly', weekdays, interval: interval ?? 1, count: count ?? 1 };
    }
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    plan: { timeZone, startDate, startTime, durationMinutes: durationMinutes ?? 0, repeat },
  };
}

/** The fields a plan fills in again (editing a series' dates starts from what it has). */
export function planFields(plan: SeriesPlan): PlanFields {
  const base = emptyPlanFields(plan.timeZone);
  const fields: PlanFields = {
    ...base,
    startDate: plan.startDate,
    startTime: plan.startTime,
    durationMinutes: String(plan.durationMinutes),
  };
  if (plan.repeat.kind === 'once') return fields;
  const { weekdays, interval, until, count } = plan.repeat;
  return {
    ...fields,
    repeat: 'weekly',
    weekdays: [...weekdays],
    interval: String(interval),
    ends: until !== undefined ? 'until' : 'count',
    until: until ?? '',
    count: count !== undefined ? String(count) : '',
  };
}

export interface MoveFields {
  date: string;
  time: string;
  /** Empty: the meeting keeps the series' length. */
  durationMinutes: string;
}

export type MoveProblem = 'date_missing' | 'time_missing' | 'duration_invalid';

/** A move of one meeting (SE4) from the small form under it. */
export function buildMove(
  fields: MoveFields,
):
  | { ok: true; exception: SeriesException }
  | { ok: false; problems: Partial<Record<keyof MoveFields, MoveProblem>> } {
  const problems: Partial<Record<keyof MoveFields, MoveProblem>> = {};
  const date = fields.date.trim();
  const time = fields.time.trim();
  if (!DATE.test(date)) problems.date = 'date_missing';
  if (!TIME.test(time)) problems.time = 'time_missing';
  const length = fields.durationMinutes.trim();
  const durationMinutes =
    length === '' ? undefined : wholeNumber(length, 1, SERIES_LIMITS.durationMinutesMax);
  if (durationMinutes === null) problems.durationMinutes = 'duration_invalid';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    exception: { kind: 'move', date, time, ...(durationMinutes ? { durationMinutes } : {}) },
  };
}

/** ISO weekdays in the order the form shows them: Monday first, as SeriesPlan counts. */
export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/**
 * Each weekday's name in a language ("Monday", "maandag", "lundi"), from Intl: 1 January 2024
 * was a Monday, read at noon UTC so no zone moves it to another day.
 */
export function weekdayNames(locale: string, width: 'long' | 'short' = 'long'): Record<Weekday, string> {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' });
  const names = {} as Record<Weekday, string>;
  for (const day of WEEKDAYS) names[day] = format.format(Date.UTC(2024, 0, day, 12));
  return names;
}
