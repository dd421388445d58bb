import type { LocalDate, Occurrence, SeriesPlan, SeriesState } from '@kring/protocol';
import { SeriesPlanError, exceptionProblem, occurrences, plannedDates } from '../series/occurrences';

/** What a series' meetings are now, with the exceptions it keeps (CI7–CI9). */

/** CI6: SE1/SE2 as a refusal message (null: the plan is fine). */
export function planProblem(plan: SeriesPlan): string | null {
  try {
    occurrences(plan, {});
    return null;
  } catch (err) {
    if (err instanceof SeriesPlanError) return err.message;
    throw err;
  }
}

export type Replanned =
  | {
      ok: true;
      exceptions: SeriesState['exceptions'];
      sequences: SeriesState['sequences'];
      revision: number;
    }
  | { ok: false; message: string };

const byKey = (list: readonly Occurrence[]) => new Map(list.map((o) => [o.key, o]));

const sameTimes = (a: Occurrence | undefined, b: Occurrence | undefined): boolean =>
  !!a && !!b && a.start === b.start && a.end === b.end && a.status === b.status;

/**
 * CI8/CI9: a series under a new plan. It keeps the exceptions of dates the new plan still has
 * (a kept move that would now overlap another meeting is refused, SE5), and every meeting whose
 * start, end or status changed — or that is new to the plan, perhaps back after an earlier
 * plan dropped it — gets the series' next revision as its SEQUENCE. Sequences of dates the plan
 * no longer has are dropped, so they stay as many as the meetings.
 */
export function replan(series: SeriesState, plan: SeriesPlan): Replanned {
  const keys = plannedDates(plan).map(String);
  const planned = new Set(keys);
  const exceptions = Object.fromEntries(
    Object.entries(series.exceptions).filter(([key]) => planned.has(key)),
  );
  for (const [key, exception] of Object.entries(exceptions)) {
    if (exception.kind !== 'move') continue;
    const problem = exceptionProblem(plan, exceptions, key, exception);
    if (problem) return { ok: false, message: `with the new plan, ${problem}` };
  }
  const before = byKey(occurrences(series.plan, series.exceptions));
  const after = byKey(occurrences(plan, exceptions));
  const changed = keys.filter((key) => !sameTimes(before.get(key), after.get(key)) && after.has(key));
  // A date that leaves the calendar (now skipped) changed too, when it was on it before.
  const left = keys.filter((key) => !after.has(key) && before.has(key));
  const bumped = new Set([...changed, ...left]);
  const revision = bumped.size > 0 ? series.revision + 1 : series.revision;
  const sequences: Record<LocalDate, number> = {};
  for (const key of keys) {
    const kept = series.sequences[key];
    if (bumped.has(key)) sequences[key] = revision;
    else if (kept !== undefined) sequences[key] = kept;
  }
  return { ok: true, exceptions, sequences, revision };
}

/** CI12: the end of the last meeting of any series that is not cancelled (null: none). */
export function lastMeetingEnd(series: readonly SeriesState[]): number | null {
  let last: number | null = null;
  for (const s of series) {
    for (const o of occurrences(s.plan, s.exceptions)) {
      if (o.status !== 'cancelled' && (last === null || o.end > last)) last = o.end;
    }
  }
  return last;
}
