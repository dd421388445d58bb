/**
 * Clock times in the person's own time zone. Everything in the session is stored as server
 * milliseconds (UTC); only the screen turns them into local times, and says which zone it used.
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
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(ms);
}

/** The zone as people recognise it: "Europe/Amsterdam (CET)"; the short name follows summer time. */
export function zoneLabel(timeZone: string | null, at: number, locale?: string): string {
  if (!timeZone) return 'your local time';
  try {
    const short = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const place = timeZone.replaceAll('_', ' ');
    return short && short !== timeZone ? `${place} (${short})` : place;
  } catch {
    return timeZone;
  }
}

/** A span of time in minutes for agendas: "0 min", "17 min", "1 h 5 min". Rounds to the nearest minute. */
export function formatMinutes(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
