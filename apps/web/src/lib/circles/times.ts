import { JOIN_OPENS_BEFORE_MS, joinOpen } from '@kring/core';

/**
 * Times on the event page (issue 16): one meeting as an instant, said in a time zone (the
 * visitor's or the organiser's) and the page's language, and when its join button comes alive
 * (SE7) by the server's clock. Pure: the zone, the language and "now" come in.
 */

/** A meeting as these helpers need it (an `EventMeeting` is one). */
export interface Meeting {
  start: number;
  end: number;
  status: 'scheduled' | 'moved' | 'cancelled';
}

/**
 * The place a zone is named after ("Europe/Amsterdam" → "Amsterdam", "America/Argentina/
 * Buenos_Aires" → "Buenos Aires"); a zone with no place ("UTC") keeps its name. The names are
 * the time zone database's (English), which is how people find their zone in any language.
 */
export function zonePlace(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

/** Whether two zone names are the same zone (`Intl` knows aliases: "Asia/Calcutta" is "Asia/Kolkata"). */
export function sameZone(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const canonical = (zone: string) =>
      new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    return canonical(a) === canonical(b);
  } catch {
    return false;
  }
}

/** The year is said only when it is not this year (in that zone). */
function yearIn(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(instant);
}

function dateOptions(instant: number, timeZone: string, now: number): Intl.DateTimeFormatOptions {
  return {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(yearIn(instant, timeZone) === yearIn(now, timeZone) ? {} : { year: 'numeric' }),
  };
}

/** "Sunday 3 October" (the page's language), as a meeting's date in a zone. */
export function formatDate(instant: number, timeZone: string, locale: string, now: number): string {
  return new Intl.DateTimeFormat(locale, dateOptions(instant, timeZone, now)).format(instant);
}

/**
 * "Sunday 3 October, 14:00 – 16:00" in a zone and language: its date, start and end (a meeting
 * that runs past midnight in that zone names both days).
 */
export function formatMeeting(
  meeting: Pick<Meeting, 'start' | 'end'>,
  timeZone: string,
  locale: string,
  now: number,
): string {
  const format = new Intl.DateTimeFormat(locale, {
    ...dateOptions(meeting.start, timeZone, now),
    hour: 'numeric',
    minute: '2-digit',
  });
  return format.formatRange(meeting.start, meeting.end);
}

/**
 * "Sunday 18 October": a calendar date (`YYYY-MM-DD`, e.g. the date a moved meeting was planned
 * on) as a date, not a moment, so no zone shifts it to another day.
 */
export function formatPlainDate(date: string, locale: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const noon = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(noon);
}

/** "14:00" (or "2:00 PM"), a moment's time of day in a zone and language. */
export function formatClock(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(instant);
}

/** A short date with a time ("3 Oct, 14:00"): for a meeting's original date and "join opens at". */
export function formatShort(instant: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(instant);
}

/** "1 hour, 30 minutes" in the page's language. */
export function formatLength(minutes: number, locale: string): string {
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours > 0 ? unit(hours, 'hour') : null,
    rest > 0 || hours === 0 ? unit(rest, 'minute') : null,
  ];
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(
    parts.filter((part): part is string => part !== null),
  );
}

/** The visitor's own zone (the browser's), or UTC when it cannot tell. */
export function visitorZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Where a meeting's join button is at a moment of the server's clock (SE7). */
export type JoinPhase = 'open' | 'waiting' | 'ended' | 'cancelled';

export function joinPhase(meeting: Meeting, serverNow: number): JoinPhase {
  if (meeting.status === 'cancelled') return 'cancelled';
  if (joinOpen({ ...meeting, key: '', localDate: '', localTime: '' }, serverNow)) return 'open';
  return serverNow >= meeting.end ? 'ended' : 'waiting';
}

/** When the join button comes alive (SE7), on the server's clock; null for a cancelled meeting. */
export function joinOpensAt(meeting: Meeting): number | null {
  return meeting.status === 'cancelled' ? null : meeting.start - JOIN_OPENS_BEFORE_MS;
}

/**
 * How long this browser waits, by its own clock, until the server's clock reaches `at`: the
 * server's `now` came with an answer received at `receivedAt` (local), so a clock that is off by
 * minutes still opens the button on time. Never negative.
 */
export function msUntil(at: number, server: { now: number; receivedAt: number }, localNow: number): number {
  const serverNow = serverClock(server, localNow);
  return Math.max(0, at - serverNow);
}

/** The server's clock now, from its last answer and this browser's clock since. */
export function serverClock(server: { now: number; receivedAt: number }, localNow: number): number {
  return server.now + (localNow - server.receivedAt);
}
