import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatCount } from '$lib/timer/plural';

/**
 * Clock times in the person's own time zone. Everything in the session is stored as server
 * milliseconds (UTC); only the screen turns them into local times, and says which zone it used.
 * Left without a `locale`, times follow the page's language: Dutch and French read the 24-hour
 * clock ("14:05"); English keeps the browser's own way ("14:05" or "2:05 PM").
 */

/** The browser's IANA time zone ("Europe/Amsterdam"), or null when the browser does not say. */
export function localTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** "14:05" (or "2:05 PM", as the locale writes it) in `timeZone`; the browser's zone when left out. */
export function formatTime(ms: number, timeZone?: string, locale?: string): string {
  const page = getLocale();
  if (locale === undefined && page !== 'en') {
    const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } as const;
    return new Intl.DateTimeFormat(page, options).format(ms);
  }
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(ms);
}

/** The locale for zone names: the one asked for, else the page's language (English: the browser's). */
function zoneLocale(locale: string | undefined): string | undefined {
  if (locale !== undefined) return locale;
  const page = getLocale();
  return page === 'en' ? undefined : page;
}

/** The zone as people recognise it: "Europe/Amsterdam (CET)"; the short name follows summer time. */
export function zoneLabel(timeZone: string | null, at: number, locale?: string): string {
  if (!timeZone) return m.clock_your_local_time();
  try {
    const short = new Intl.DateTimeFormat(zoneLocale(locale), { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const place = timeZone.replaceAll('_', ' ');
    return short && short !== timeZone ? `${place} (${short})` : place;
  } catch {
    return timeZone;
  }
}

/**
 * A span of time in minutes for agendas: "0 min", "17 min", "1 h 5 min" (Dutch "1 u 5 min").
 * Rounds to the nearest minute.
 */
export function formatMinutes(ms: number): string {
  const total = Math.max(0, Math.round(ms / 60_000));
  if (total < 60) return m.clock_duration_minutes({ minutes: formatCount(total) });
  const hours = formatCount(Math.floor(total / 60));
  const minutes = total % 60;
  return minutes
    ? m.clock_duration_hours_minutes({ hours, minutes: formatCount(minutes) })
    : m.clock_duration_hours({ hours });
}
