import { describe, expect, it } from 'vitest';
import { formatMinutes, formatTime, localTimeZone, zoneLabel } from './time';

// 2024-01-15 13:05 UTC (winter) and 2024-07-15 13:05 UTC (summer).
const WINTER = Date.UTC(2024, 0, 15, 13, 5);
const SUMMER = Date.UTC(2024, 6, 15, 13, 5);

describe('formatTime', () => {
  it('shows the same moment in each person’s own zone', () => {
    expect(formatTime(WINTER, 'Europe/Amsterdam', 'en-GB')).toBe('14:05');
    expect(formatTime(SUMMER, 'Europe/Amsterdam', 'en-GB')).toBe('15:05');
    expect(formatTime(WINTER, 'Asia/Kolkata', 'en-GB')).toBe('18:35');
    expect(formatTime(WINTER, 'America/New_York', 'en-US')).toMatch(/^8:05\sAM$/);
  });
});

describe('zoneLabel', () => {
  it('names the zone with its short name, which follows summer time', () => {
    expect(zoneLabel('Europe/London', WINTER, 'en-GB')).toBe('Europe/London (GMT)');
    expect(zoneLabel('Europe/London', SUMMER, 'en-GB')).toBe('Europe/London (BST)');
    expect(zoneLabel('America/New_York', WINTER, 'en-US')).toBe('America/New York (EST)');
  });

  it('falls back to plain words when the zone is unknown', () => {
    expect(zoneLabel(null, WINTER)).toBe('your local time');
  });

  it('reads the browser’s zone', () => {
    expect(typeof localTimeZone()).toBe('string');
  });
});

describe('formatMinutes', () => {
  it('rounds to minutes and uses hours past the hour', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(17 * 60_000 + 20_000)).toBe('17 min');
    expect(formatMinutes(65 * 60_000)).toBe('1 h 5 min');
    expect(formatMinutes(120 * 60_000)).toBe('2 h');
  });
});
