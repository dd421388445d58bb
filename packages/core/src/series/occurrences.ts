import {
  SERIES_LIMITS,
  type LocalDate,
  type Occurrence,
  type SeriesExceptions,
  type SeriesPlan,
} from '@kring/protocol';
import { Temporal } from 'temporal-polyfill';

/**
 * When a series meets (SE rules): its plan on the organiser's wall clock, turned into instants.
 * Pure and clock-free: the same plan gives the same meetings on every machine, whatever its zone.
 */

export class SeriesPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeriesPlanError';
  }
}

/** SE1: a real calendar date, or a named error. */
export function plainDate(value: LocalDate, what = 'date'): Temporal.PlainDate {
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    throw new SeriesPlanError(`${what} ${value} is not a calendar date`);
  }
}

/** SE1: a time zone the machine's time zone database knows, in its canonical spelling. */
export function timeZoneOf(name: string): string {
  try {
    return Temporal.Now.zonedDateTimeISO(name).timeZoneId;
  } catch {
    throw new SeriesPlanError(`${name} is not a known time zone`);
  }
}

/**
 * SE3: a wall-clock time in a zone as an instant. A time that does not exist that day (the hour
 * skipped when clocks go forward) moves forward by the gap; a time that happens twice (clocks go
 * back) is the first of the two — what calendar apps do.
 */
export function instantOf(date: Temporal.PlainDate, time: string, timeZone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from({ hour, minute }) })
    .epochMilliseconds;
}

/** SE2: the planned dates of a series, in order, before exceptions; at least one. */
export function plannedDates(plan: SeriesPlan): Temporal.PlainDate[] {
  const dates = expand(plan);
  if (dates.length === 0)
    throw new SeriesPlanError('the plan has no meeting: no chosen weekday before the last date');
  return dates;
}

function expand(plan: SeriesPlan): Temporal.PlainDate[] {
  const start = plainDate(plan.startDate, 'start date');
  const repeat = plan.repeat;
  if (repeat.kind === 'once') return [start];
  if (repeat.until === undefined && repeat.count === undefined) {
    throw new SeriesPlanError('a weekly series needs an end: a last date or a number of meetings');
  }
  const until = repeat.until === undefined ? null : plainDate(repeat.until, 'last date');
  if (until && Temporal.PlainDate.compare(until, start) < 0) {
    throw new SeriesPlanError('the last date is before the first');
  }
  const weekdays = [...new Set(repeat.weekdays)].sort((a, b) => a - b);
  // Weeks count from the Monday of the start date's week, so "every other week" keeps its rhythm.
  const monday = start.subtract({ days: start.dayOfWeek - 1 });
  const cap = repeat.count ?? SERIES_LIMITS.occurrencesMax;
  const dates: Temporal.PlainDate[] = [];
  for (let week = 0; ; week += repeat.interval) {
    for (const weekday of weekdays) {
      const date = monday.add({ weeks: week, days: weekday - 1 });
      if (Temporal.PlainDate.compare(date, start) < 0) continue;
      if (until && Temporal.PlainDate.compare(date, until) > 0) return dates;
      if (dates.length === cap) {
        if (repeat.count !== undefined) return dates;
        // SE2: a plan that runs past the cap is refused, not silently cut short.
        throw new SeriesPlanError(`a series has at most ${SERIES_LIMITS.occurrencesMax} meetings`);
      }
      dates.push(date);
    }
  }
}

/**
 * SE4: the meetings of a series, exceptions applied, ordered by start (ties by key). Skipped
 * dates leave; cancelled ones stay, marked; moved ones take their new date, time and length and
 * keep the key of the date they were planned on. Exceptions for dates the plan does not have
 * are ignored (they may belong to an earlier plan; SE5 decides whether they may be added).
 */
export function occurrences(plan: SeriesPlan, exceptions: SeriesExceptions = {}): Occurrence[] {
  const timeZone = timeZoneOf(plan.timeZone);
  const out: Occurrence[] = [];
  for (const date of plannedDates(plan)) {
    const key = date.toString();
    const exception = exceptions[key];
    if (exception?.kind === 'skip') continue;
    const moved = exception?.kind === 'move' ? exception : null;
    const day = moved ? plainDate(moved.date, 'new date') : date;
    const time = moved ? moved.time : plan.startTime;
    const minutes = moved?.durationMinutes ?? plan.durationMinutes;
    const start = instantOf(day, time, timeZone);
    out.push({
      key,
      status: exception?.kind === 'cancel' ? 'cancelled' : moved ? 'moved' : 'scheduled',
      start,
      end: start + minutes * 60_000,
      localDate: day.toString(),
      localTime: time,
    });
  }
  return out.sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * SE5: whether an exception may be set for `key`: only for a date the plan has. Moving a meeting
 * onto the time of another meeting of the same series is refused (two meetings at once is a
 * mistake, not a plan).
 */
export function exceptionProblem(
  plan: SeriesPlan,
  exceptions: SeriesExceptions,
  key: LocalDate,
  exception: SeriesExceptions[string],
): string | null {
  const keys = new Set(plannedDates(plan).map((d) => d.toString()));
  if (!keys.has(key)) return `the series has no meeting planned on ${key}`;
  if (exception.kind !== 'move') return null;
  const after = occurrences(plan, { ...exceptions, [key]: exception });
  const moved = after.find((o) => o.key === key);
  const clash = after.find(
    (o) => o.key !== key && o.status !== 'cancelled' && moved && o.start < moved.end && moved.start < o.end,
  );
  return clash ? `the moved meeting overlaps the meeting of ${clash.key}` : null;
}

/** SE6: the next meeting that has not ended at `now` and is not cancelled, or null. */
export function nextOccurrence(list: readonly Occurrence[], now: number): Occurrence | null {
  return list.find((o) => o.status !== 'cancelled' && o.end > now) ?? null;
}

/** How long before a meeting starts its join button comes alive (SE7). */
export const JOIN_OPENS_BEFORE_MS = 15 * 60_000;

/**
 * SE7: whether the join button of a meeting is live at `now`: from JOIN_OPENS_BEFORE_MS before its
 * start until its end; never for a cancelled meeting.
 */
export function joinOpen(occurrence: Occurrence, now: number): boolean {
  return (
    occurrence.status !== 'cancelled' &&
    now >= occurrence.start - JOIN_OPENS_BEFORE_MS &&
    now < occurrence.end
  );
}
