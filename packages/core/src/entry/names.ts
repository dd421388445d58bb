/**
 * RO8: two display names are the same when they differ only in case, spacing or Unicode form
 * ("Hanna", " hanna ", "HAN NA", full-width letters). Invisible characters count as spacing, so a
 * zero-width space cannot make a look-alike. Locale-free, so every copy compares alike.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase();
}

export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);
