import { formatMinutes, formatTime, zoneLabel } from '$lib/agenda/time';
import { kindLabel } from '$lib/agenda/agenda';
import { refusalText } from '$lib/commands/refusal';
import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import type { TimerState } from '@kring/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { spokenDuration, timeUpText, timerChangeText } from './display';

/** The helpers speak the page's language; English stays as it was (display.test.ts, time.test.ts). */
const original = getLocale;
const speak = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => overwriteGetLocale(original));

const started = (label: string, now: number): TimerState => ({
  label,
  durationMs: 300_000,
  endsAt: now + 300_000,
  pausedRemainingMs: null,
});
// 2024-01-15 13:05 UTC
const WINTER = Date.UTC(2024, 0, 15, 13, 5);

describe('timer and agenda words in Dutch and French', () => {
  it('says durations with the language’s own plurals', () => {
    speak('nl');
    expect(spokenDuration(270_000)).toBe('4 minuten 30 seconden');
    expect(spokenDuration(3_601_000)).toBe('1 uur 1 seconde');
    speak('fr');
    expect(spokenDuration(60_000)).toBe('1 minute');
    expect(spokenDuration(0)).toBe('0 seconde');
    expect(spokenDuration(7_200_000)).toBe('2 heures');
  });

  it('announces timer changes and the end', () => {
    const now = 1_000_000;
    speak('nl');
    expect(timerChangeText(undefined, started('Pauze', now), now)).toBe('Timer “Pauze” gestart: 5 minuten.');
    expect(timerChangeText(started('', now), undefined, now)).toBe('De timer is weggehaald.');
    expect(timeUpText(started('', now))).toBe('De tijd is om.');
    speak('fr');
    expect(timerChangeText(undefined, started('', now), now)).toBe('Minuteur lancé\u00a0: 5 minutes.');
    expect(timeUpText(started('Pause', now))).toBe('Le temps est écoulé pour «\u00a0Pause\u00a0».');
  });

  it('writes agenda times on the 24-hour clock and durations in the language', () => {
    speak('nl');
    expect(formatTime(WINTER, 'Europe/Amsterdam')).toBe('14:05');
    expect(formatTime(Date.UTC(2024, 0, 15, 8, 5), 'Europe/Amsterdam')).toBe('09:05');
    expect(formatMinutes(65 * 60_000)).toBe('1 u 5 min');
    expect(zoneLabel(null, WINTER)).toBe('je eigen lokale tijd');
    expect(kindLabel('breakouts')).toBe('Deelgroepen');
    speak('fr');
    expect(formatTime(WINTER, 'Europe/Paris')).toBe('14:05');
    expect(formatMinutes(120 * 60_000)).toBe('2 h');
    expect(kindLabel('round')).toBe('Tour de table');
  });

  it('words a refusal from its code, not from the server’s English', () => {
    speak('nl');
    expect(
      refusalText('Kon de timer niet starten', { code: 'not_found', message: 'there is no timer to change' }),
    ).toBe('Kon de timer niet starten: het bestaat niet meer.');
    expect(
      refusalText(
        'Kon niet verdergaan',
        { code: 'conflict', message: 'x' },
        { conflict: () => 'eigen reden' },
      ),
    ).toBe('Kon niet verdergaan: eigen reden.');
    speak('fr');
    expect(refusalText('Impossible de reprendre', { code: 'rate_limited', message: 'slow down' })).toMatch(
      /^Impossible de reprendre\u00a0: beaucoup de demandes/,
    );
  });
});
