import { occurrences } from '@kring/core';
import type { SeriesPlan } from '@kring/protocol';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarFile } from './ics';

/** Five Sundays in October 2027 at 14:00 Amsterdam time; the clocks go back on the 31st. */
const plan: SeriesPlan = {
  timeZone: 'Europe/Amsterdam',
  startDate: '2027-10-01',
  startTime: '14:00',
  durationMinutes: 120,
  repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2027-10-31' },
};
const NOW = Date.UTC(2027, 8, 1);

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const event = new ICAL.Event(c);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      utc: event.startDate.zone?.tzid === 'UTC',
      summary: event.summary,
      status: c.getFirstPropertyValue('status'),
      sequence: event.sequence,
      url: c.getFirstPropertyValue('url'),
    };
  });
}

describe('calendar files (issue 16, SE3/SE4 in a calendar app)', () => {
  const list = occurrences(plan, {
    '2027-10-10': { kind: 'cancel' },
    '2027-10-17': { kind: 'move', date: '2027-10-16', time: '10:00' },
    '2027-10-24': { kind: 'skip' },
  });
  const text = calendarFile({
    name: 'Summit core group',
    now: NOW,
    refreshSeconds: 3600,
    meetings: list.map((occurrence) => ({
      uid: `series1-${occurrence.key}`,
      title: 'Summit planning; meeting, "two"',
      url: `https://kring.example/e/series1/${occurrence.key}`,
      occurrence,
      sequence: occurrence.status === 'scheduled' ? 0 : 1,
    })),
  });

  it('parses as iCalendar with one event per meeting, skipped dates left out', () => {
    const events = parse(text);
    expect(events.map((e) => e.uid)).toEqual([
      'series1-2027-10-03@kring.invalid',
      'series1-2027-10-10@kring.invalid',
      'series1-2027-10-17@kring.invalid',
      'series1-2027-10-31@kring.invalid',
    ]);
    expect(events.every((e) => e.summary === 'Summit planning; meeting, "two"')).toBe(true);
    expect(events[0]?.url).toBe('https://kring.example/e/series1/2027-10-03');
  });

  it('carries instants in UTC: 14:00 Amsterdam is 12:00Z in summer time and 13:00Z after the clocks go back', () => {
    const events = parse(text);
    expect(events.every((e) => e.utc)).toBe(true);
    expect(events.map((e) => e.start)).toEqual([
      '2027-10-03T12:00:00.000Z',
      '2027-10-10T12:00:00.000Z',
      '2027-10-16T08:00:00.000Z',
      '2027-10-31T13:00:00.000Z',
    ]);
    expect(events[3]?.end).toBe('2027-10-31T15:00:00.000Z');
  });

  it('marks a cancelled meeting CANCELLED and a moved one with a higher SEQUENCE under the same UID', () => {
    const events = parse(text);
    expect(events.map((e) => e.status)).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    expect(events.map((e) => e.sequence)).toEqual([0, 1, 1, 0]);
  });

  it('is a well-formed file: CRLF lines of at most 75 octets, PUBLISH, a name and a refresh interval', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('X-WR-CALNAME:Summit core group');
    expect(lines.some((l) => l.startsWith('REFRESH-INTERVAL') || l.startsWith('X-PUBLISHED-TTL'))).toBe(true);
  });
});
