import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The message catalogues (messages/{locale}/{area}.json) stay in step: every language has every
 * message, with the same placeholders, and a key names its area so areas never collide.
 */
const ROOT = join(import.meta.dirname, '../../../messages');
const LOCALES = ['en', 'nl', 'fr'] as const;

type Catalogue = Record<string, string>;

function read(locale: string, file: string): Catalogue {
  const parsed = JSON.parse(readFileSync(join(ROOT, locale, file), 'utf8')) as Record<string, unknown>;
  delete parsed['$schema'];
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') throw new Error(`${locale}/${file}: ${key} is not a plain string`);
  }
  return parsed as Catalogue;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const files = readdirSync(join(ROOT, 'en')).filter((f) => f.endsWith('.json'));

describe('message catalogues (en, nl, fr)', () => {
  it('have the same files in every language', () => {
    for (const locale of LOCALES) {
      expect(
        readdirSync(join(ROOT, locale))
          .filter((f) => f.endsWith('.json'))
          .sort(),
      ).toEqual([...files].sort());
    }
  });

  it.each(files)('%s: the same keys and placeholders in every language, no empty message', (file) => {
    const en = read('en', file);
    for (const locale of LOCALES) {
      const other = read(locale, file);
      expect(Object.keys(other).sort(), `${locale}/${file}`).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(other)) {
        expect(text.trim(), `${locale}/${file}: ${key}`).not.toBe('');
        expect(placeholders(text), `${locale}/${file}: ${key}`).toEqual(placeholders(en[key]!));
      }
    }
  });

  it('keys start with their area, so two areas never define the same message', () => {
    for (const file of files) {
      const area = file.replace(/\.json$/, '');
      for (const key of Object.keys(read('en', file))) expect(key.startsWith(`${area}_`), key).toBe(true);
    }
  });
});
