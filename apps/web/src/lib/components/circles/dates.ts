/**
 * A meeting's key (the date it was planned on, `YYYY-MM-DD`) as words ("Sunday 10 October
 * 2027"): a calendar date, not an instant, so it is read at noon UTC and said in UTC, where no
 * zone can move it to another day.
 */
export function keyDate(key: string, locale: string): string {
  const [year, month, day] = key.split('-').map(Number);
  if (!year || !month || !day) return key;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(Date.UTC(year, month - 1, day, 12));
}
