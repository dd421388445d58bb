import * as z from 'zod/mini';

/**
 * A series of meetings (issue 16): when a circle meets, as people say it ("every Sunday in
 * October at two, Amsterdam time", "Tuesdays and Thursdays at ten"). Times are wall-clock times
 * in the organiser's time zone, so a meeting stays at two o'clock across a change of daylight
 * saving time; core turns them into instants (SE rules in packages/core/SPEC.md).
 */

/** A calendar date, `YYYY-MM-DD` (checked for being a real date by core, SE1). */
export const LocalDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)'));
export type LocalDate = z.infer<typeof LocalDate>;

/** A wall-clock time, `HH:MM` in 24 hours. */
export const LocalTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'not a time (HH:MM)'));
export type LocalTime = z.infer<typeof LocalTime>;

/** An IANA time zone name ("Europe/Amsterdam"); core checks that it exists (SE1). */
export const TimeZoneName = z.string().check(z.minLength(1), z.maxLength(64));

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
export const Weekday = z.int().check(z.gte(1), z.lte(7));
export type Weekday = z.infer<typeof Weekday>;

export const SERIES_LIMITS = {
  /** Occurrences one series may have: a weekly meeting for almost four years, or twice a week for two. */
  occurrencesMax: 200,
  /** A meeting is at most a day long; longer is a typo, not a plan. */
  durationMinutesMax: 24 * 60,
  /** Weeks between meetings ("every other week" is 2). */
  intervalMax: 52,
} as const;

export const SeriesRepeat = z.discriminatedUnion('kind', [
  /** One meeting, on the start date. */
  z.strictObject({ kind: z.literal('once') }),
  /**
   * On the given weekdays every `interval` weeks from the start date's week, until `until`
   * (inclusive) or for `count` meetings; one of the two ends it.
   */
  z.strictObject({
    kind: z.literal('weekly'),
    weekdays: z.array(Weekday).check(z.minLength(1), z.maxLength(7)),
    interval: z._default(z.int().check(z.gte(1), z.lte(SERIES_LIMITS.intervalMax)), 1),
    until: z.optional(LocalDate),
    count: z.optional(z.int().check(z.gte(1), z.lte(SERIES_LIMITS.occurrencesMax))),
  }),
]);
export type SeriesRepeat = z.infer<typeof SeriesRepeat>;

export const SeriesPlan = z.strictObject({
  timeZone: TimeZoneName,
  /** The first meeting's date (for a weekly series: the week it starts; the first matching day on or after it). */
  startDate: LocalDate,
  startTime: LocalTime,
  durationMinutes: z.int().check(z.gte(1), z.lte(SERIES_LIMITS.durationMinutesMax)),
  repeat: SeriesRepeat,
});
export type SeriesPlan = z.infer<typeof SeriesPlan>;

/**
 * What happened to one date of the series, by the date it was planned on (its key):
 * - `skip`: there is no meeting that day (a holiday); it leaves the calendar.
 * - `cancel`: the meeting was called off; it stays on the calendar, marked cancelled, so people
 *   who planned to come see it.
 * - `move`: it takes place at another date, time or length.
 */
export const SeriesException = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('skip') }),
  z.strictObject({ kind: z.literal('cancel') }),
  z.strictObject({
    kind: z.literal('move'),
    date: LocalDate,
    time: LocalTime,
    durationMinutes: z.optional(z.int().check(z.gte(1), z.lte(SERIES_LIMITS.durationMinutesMax))),
  }),
]);
export type SeriesException = z.infer<typeof SeriesException>;

export const SeriesExceptions = z.record(LocalDate, SeriesException);
export type SeriesExceptions = z.infer<typeof SeriesExceptions>;

export const OCCURRENCE_STATUSES = ['scheduled', 'moved', 'cancelled'] as const;

/** One meeting of a series as core computes it. */
export const Occurrence = z.object({
  /** The date it was planned on: its lasting name, also after a move. */
  key: LocalDate,
  status: z.enum(OCCURRENCE_STATUSES),
  /** Start and end as instants (ms since the epoch). */
  start: z.number(),
  end: z.number(),
  /** Its date and time on the organiser's wall clock. */
  localDate: LocalDate,
  localTime: LocalTime,
});
export type Occurrence = z.infer<typeof Occurrence>;
