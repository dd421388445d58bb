/**
 * The time zones a form offers: the browser's list (`Intl.supportedValuesOf`), with the zones the
 * form must show even when the browser's list leaves them out (the circle's own, "UTC").
 */
export function timeZoneChoices(...keep: string[]): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // an older browser: only the zones the form was given
  }
  return [...new Set([...zones, ...keep.filter(Boolean)])].sort();
}
