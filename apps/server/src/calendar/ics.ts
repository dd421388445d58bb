import type { Occurrence } from '@kring/protocol';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/**
 * Calendar files for meetings (issue 16), written with ical-generator (kept, typed, RFC 5545) so
 * the common calendar apps read them. One VEVENT per meeting, times in UTC: core has already turned
 * the organiser's wall clock into instants (SE3), so no time zone table has to travel in the file
 * and every app shows the meeting in its own user's zone. A series' feed lists every date, cancelled
 * ones with STATUS:CANCELLED, so a subscribed calendar drops them; a moved meeting keeps its UID
 * and gets a higher SEQUENCE, so it moves instead of doubling.
 */

export interface CalendarMeeting {
  /** Stable across updates of the same meeting: `<series id>-<occurrence key>`. */
  uid: string;
  title: string;
  description?: string;
  /** The meeting's event page. */
  url?: string;
  occurrence: Occurrence;
  /** Raised whenever the meeting's time or status changes (calendar apps take the highest). */
  sequence: number;
}

export interface CalendarInput {
  /** The calendar's name in the subscriber's app (the circle's or series' title). */
  name: string;
  meetings: readonly CalendarMeeting[];
  /** DTSTAMP: when this file was made (passed in, so files are reproducible in tests). */
  now: number;
  /** How often a subscribed app should look again (seconds); the series' feed only. */
  refreshSeconds?: number;
}

/** Where the UIDs live: they must be globally unique, so they carry the product's domain. */
const UID_DOMAIN = 'kring.invalid';

export function calendarFile(input: CalendarInput): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Kring', product: 'Kring', language: 'EN' },
    // PUBLISH: an announcement to put in a calendar, not an invitation that asks for a reply.
    method: ICalCalendarMethod.PUBLISH,
    ...(input.refreshSeconds ? { ttl: input.refreshSeconds } : {}),
  });
  for (const meeting of input.meetings) {
    const { occurrence } = meeting;
    calendar.createEvent({
      id: `${meeting.uid}@${UID_DOMAIN}`,
      start: new Date(occurrence.start),
      end: new Date(occurrence.end),
      stamp: new Date(input.now),
      summary: meeting.title,
      sequence: meeting.sequence,
      status: occurrence.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(meeting.description ? { description: meeting.description } : {}),
      ...(meeting.url ? { url: meeting.url } : {}),
    });
  }
  return calendar.toString();
}
