import { joinOpen, nextOccurrence, occurrences } from '@kring/core';
import type { CircleState, EventMeeting, SeriesEventData, SeriesState } from '@kring/protocol';
import { type CalendarMeeting, calendarFile } from '../calendar/ics';

/**
 * What anyone with a series' link reads about it: the event page's data and its calendar files
 * (issue 16). Nothing about members. Times are instants (the visitor's zone) and the organiser's
 * wall clock (their zone), both from core (SE3/SE4).
 */

/** A subscribed calendar app looks again within an hour. */
export const FEED_REFRESH_SECONDS = 3600;

export interface SeriesLinks {
  /** The web app's origin, without a trailing slash. */
  origin: string;
  code: string;
  seriesId: string;
}

/** The event page of one meeting (served by the web app, later). */
export const meetingPageUrl = ({ origin, code, seriesId }: SeriesLinks, key: string) =>
  `${origin}/c/${code}/e/${seriesId}/${key}`;
const apiBase = ({ origin, code, seriesId }: SeriesLinks) =>
  `${origin}/api/circles/${code}/series/${seriesId}`;
export const meetingIcsUrl = (links: SeriesLinks, key: string) => `${apiBase(links)}/meetings/${key}.ics`;
export const calendarUrl = (links: SeriesLinks) => `${apiBase(links)}/calendar.ics`;

export function seriesEventData(
  circle: CircleState,
  series: SeriesState,
  origin: string,
  now: number,
  /** CI19: the join code of each meeting (by key) whose session is live now. */
  joinCodes: ReadonlyMap<string, string> = new Map(),
  /** CI21: places left per meeting (by key), where registration is open with a cap. */
  placesLeft: ReadonlyMap<string, number> = new Map(),
): SeriesEventData {
  const links = { origin, code: circle.code, seriesId: series.id };
  const list = occurrences(series.plan, series.exceptions);
  const meetings: EventMeeting[] = list.map((o) => {
    const open = joinOpen(o, now);
    const code = open ? joinCodes.get(o.key) : undefined;
    return {
      ...o,
      joinOpen: open,
      url: meetingPageUrl(links, o.key),
      icsUrl: meetingIcsUrl(links, o.key),
      ...(code ? { joinUrl: `${origin}/j/${code}` } : {}),
      ...(placesLeft.has(o.key) ? { placesLeft: placesLeft.get(o.key) } : {}),
    };
  });
  return {
    circleTitle: circle.title,
    seriesId: series.id,
    title: series.title,
    description: series.description,
    timeZone: series.plan.timeZone,
    language: series.language,
    accessibility: series.accessibility,
    visibility: series.visibility,
    meetings,
    next: nextOccurrence(list, now)?.key ?? null,
    now,
    calendarUrl: calendarUrl(links),
    ...(series.registration ? { registration: series.registration } : {}),
  };
}

/**
 * The series' calendar: every meeting (cancelled ones as CANCELLED), or one meeting when `key`
 * is given (null when the series has no such meeting, e.g. a skipped date).
 */
export function seriesCalendar(
  circle: CircleState,
  series: SeriesState,
  origin: string,
  now: number,
  key?: string,
): string | null {
  const links = { origin, code: circle.code, seriesId: series.id };
  const list = occurrences(series.plan, series.exceptions).filter((o) => key === undefined || o.key === key);
  if (key !== undefined && list.length === 0) return null;
  const meetings: CalendarMeeting[] = list.map((occurrence) => {
    const url = meetingPageUrl(links, occurrence.key);
    // Calendar apps show DESCRIPTION but seldom URL: the page's link goes in the text too.
    const description = [series.description, series.accessibility, url].filter(Boolean).join('\n\n');
    return {
      uid: `${series.id}-${occurrence.key}`,
      title: series.title,
      description,
      url,
      occurrence,
      sequence: series.sequences[occurrence.key] ?? 0,
    };
  });
  return calendarFile({
    name: series.title,
    meetings,
    now,
    ...(key === undefined ? { refreshSeconds: FEED_REFRESH_SECONDS } : {}),
  });
}
