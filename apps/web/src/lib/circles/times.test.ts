import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatLength,
  formatMeeting,
  formatPlainDate,
  joinOpensAt,
  joinPhase,
  msUntil,
  sameZone,
  serverClock,
  zonePlace,
} from './times';

// ICU puts narrow no-break spaces and thin spaces in times; the tests read them as spaces.
const plain = (text: string) => text.replace(/[\u202f\u2009\u00a0]/g, ' ').replace(/ ?– ?/g, '–');

const HOUR = 3_600_000;
const MIN = 60_000;

/*
 * The summit meets Sundays at 14:00 Amsterdam time. Amsterdam leaves summer time on 25 October
 * 2026, New York only on 1 November: for one week the two zones are five hours apart, not six
 * (SE3: the meeting stays at 14:00 on the organiser's wall clock).
 */
const oct18 = {
  start: Date.UTC(2026, 9, 18, 12),
  end: Date.UTC(2026, 9, 18, 14),
  status: 'scheduled' as const,
};
const oct25 = {
  start: Date.UTC(2026, 9, 25, 13),
  end: Date.UTC(2026, 9, 25, 15),
  status: 'scheduled' as const,
};
const nov8 = {
  start: Date.UTC(2026, 10, 8, 13),
  end: Date.UTC(2026, 10, 8, 15),
  status: 'scheduled' as const,
};
const now = Date.UTC(2026, 9, 1);

describe('a meeting in two zones across a change of daylight saving time (SE3)', () => {
  it('stays at 14:00 for the organiser in Amsterdam', () => {
    for (const m of [oct18, oct25, nov8])
      expect(formatClock(m.start, 'Europe/Amsterdam', 'en-GB')).toBe('14:00');
  });

  it('moves for a visitor in New York as each zone changes its clocks', () => {
    expect(formatClock(oct18.start, 'America/New_York', 'en-GB')).toBe('8:00');
    // Amsterdam is back on winter time, New York not yet: five hours apart.
    expect(formatClock(oct25.start, 'America/New_York', 'en-GB')).toBe('9:00');
    expect(formatClock(nov8.start, 'America/New_York', 'en-GB')).toBe('8:00');
  });

  it('says the date, the start and the end in the page language', () => {
    expect(plain(formatMeeting(oct25, 'Europe/Amsterdam', 'en-GB', now))).toBe(
      'Sunday 25 October, 14:00–16:00',
    );
    expect(plain(formatMeeting(oct25, 'America/New_York', 'en-GB', now))).toBe(
      'Sunday 25 October, 09:00–11:00',
    );
    expect(plain(formatMeeting(oct25, 'Europe/Amsterdam', 'nl', now))).toMatch(
      /^zondag 25 oktober.*14:00.*16:00$/,
    );
    expect(plain(formatMeeting(oct25, 'Europe/Amsterdam', 'fr', now))).toMatch(
      /^dimanche 25 octobre.*14:00.*16:00$/,
    );
  });

  it('names the day in the visitor zone, which may be another day', () => {
    expect(plain(formatMeeting(oct25, 'Pacific/Auckland', 'en-GB', now))).toMatch(/^Monday 26 October/);
  });

  it('says the year only when it is not this year', () => {
    expect(formatMeeting(oct25, 'Europe/Amsterdam', 'en-GB', Date.UTC(2025, 11, 1))).toContain('2026');
    expect(formatMeeting(oct25, 'Europe/Amsterdam', 'en-GB', now)).not.toContain('2026');
  });
});

describe('a calendar date', () => {
  it('is the same day in every zone', () => {
    expect(formatPlainDate('2026-10-18', 'en-GB')).toBe('Sunday 18 October');
    expect(formatPlainDate('2026-10-18', 'nl')).toBe('zondag 18 oktober');
  });
});

describe('zone names', () => {
  it('names a zone by its place', () => {
    expect(zonePlace('Europe/Amsterdam')).toBe('Amsterdam');
    expect(zonePlace('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zonePlace('UTC')).toBe('UTC');
  });

  it('knows an alias is the same zone', () => {
    expect(sameZone('Europe/Amsterdam', 'Europe/Amsterdam')).toBe(true);
    expect(sameZone('Asia/Calcutta', 'Asia/Kolkata')).toBe(true);
    expect(sameZone('Europe/Amsterdam', 'Europe/Brussels')).toBe(false);
    expect(sameZone('Europe/Amsterdam', 'Not/A_Zone')).toBe(false);
  });
});

describe('a meeting length', () => {
  it('says hours and minutes in the page language', () => {
    expect(formatLength(90, 'en')).toBe('1 hour 30 minutes');
    expect(formatLength(120, 'en')).toBe('2 hours');
    expect(formatLength(45, 'en')).toBe('45 minutes');
    expect(formatLength(120, 'nl')).toBe('2 uur');
  });
});

describe('the join button (SE7) by the server clock', () => {
  it('opens 15 minutes before the start and closes at the end', () => {
    expect(joinOpensAt(oct25)).toBe(oct25.start - 15 * MIN);
    expect(joinPhase(oct25, oct25.start - 16 * MIN)).toBe('waiting');
    expect(joinPhase(oct25, oct25.start - 15 * MIN)).toBe('open');
    expect(joinPhase(oct25, oct25.end - 1)).toBe('open');
    expect(joinPhase(oct25, oct25.end)).toBe('ended');
  });

  it('never opens for a cancelled meeting', () => {
    const cancelled = { ...oct25, status: 'cancelled' as const };
    expect(joinOpensAt(cancelled)).toBeNull();
    expect(joinPhase(cancelled, oct25.start)).toBe('cancelled');
  });

  it('waits by the server clock when this browser clock is ten minutes fast', () => {
    const opensAt = oct25.start - 15 * MIN;
    // The server answered 20 minutes before opening; this browser thought it was 10 minutes later.
    const server = { now: opensAt - 20 * MIN, receivedAt: opensAt - 10 * MIN };
    expect(msUntil(opensAt, server, server.receivedAt)).toBe(20 * MIN);
    // Five minutes on (by either clock) there are fifteen to go, not five.
    expect(msUntil(opensAt, server, server.receivedAt + 5 * MIN)).toBe(15 * MIN);
    expect(joinPhase(oct25, serverClock(server, server.receivedAt + 5 * MIN))).toBe('waiting');
    expect(joinPhase(oct25, serverClock(server, server.receivedAt + 20 * MIN))).toBe('open');
  });

  it('waits by the server clock when this browser clock is an hour slow, never less than zero', () => {
    const opensAt = oct25.start - 15 * MIN;
    const server = { now: opensAt - 2 * MIN, receivedAt: opensAt - 2 * MIN - HOUR };
    expect(msUntil(opensAt, server, server.receivedAt)).toBe(2 * MIN);
    expect(msUntil(opensAt, server, server.receivedAt + 3 * MIN)).toBe(0);
  });
});
