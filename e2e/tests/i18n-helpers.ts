import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOARD_STRINGS } from '@kring/board';
import { breakoutPresetsIn, sessionTemplatesIn } from '@kring/core';
import type { Page } from '@playwright/test';

/**
 * The web app's message catalogues (apps/web/messages/{locale}/*.json), read by the tests so they
 * can say "the Dutch for 'Join session'" without copying translations, and check a page for words
 * that are in no catalogue of its language.
 */
export type Locale = 'en' | 'nl' | 'fr';
const ROOT = join(import.meta.dirname, '../../apps/web/messages');

function load(locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(join(ROOT, locale))) {
    if (!file.endsWith('.json')) continue;
    const messages = JSON.parse(readFileSync(join(ROOT, locale, file), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(messages)) if (key !== '$schema') out[key] = text;
  }
  return out;
}

const CATALOGUES: Record<Locale, Record<string, string>> = { en: load('en'), nl: load('nl'), fr: load('fr') };

/**
 * The `locale` wording of the English message `english` (exactly as in the English catalogue),
 * with `{placeholders}` filled from `vars`. Throws when no message has that English text.
 */
export function t(locale: Locale, english: string, vars: Record<string, string | number> = {}): string {
  const keys = Object.keys(CATALOGUES.en).filter((key) => CATALOGUES.en[key] === english);
  if (keys.length === 0) throw new Error(`no message reads "${english}" in English`);
  const text = CATALOGUES[locale][keys[0]!]!;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Every string value inside a value (templates are nested data). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * All the words Kring may show in a language: the web catalogue, the board package's strings
 * (reactions, board templates) and core's session templates and breakout presets (S4).
 */
function wordsOf(locale: Locale): string[] {
  return [
    ...Object.values(CATALOGUES[locale]),
    ...Object.values(BOARD_STRINGS[locale]),
    ...stringsIn(sessionTemplatesIn(locale)),
    ...stringsIn(breakoutPresetsIn(locale)),
  ];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A language's words as patterns: each message whole, its `{placeholders}` standing for any text
 * (a message that is nothing but placeholders would match anything, so it is left out).
 */
function patterns(locale: Locale): RegExp[] {
  return wordsOf(locale)
    .filter((text) => /\p{L}{2,}/u.test(text.replace(/\{\w+\}/g, '')))
    .map(
      (text) =>
        new RegExp(
          `^${text
            .split(/\{\w+\}/)
            .map(escape)
            .join('.+?')}$`,
          'isu',
        ),
    );
}

/** Every literal part of every message of a language (placeholders cut out), lower case. */
function literalText(locale: Locale): string {
  return wordsOf(locale)
    .flatMap((text) => text.split(/\{\w+\}/))
    .join('\n')
    .toLowerCase();
}

/** Words that are the same in every language: the name, the language names in the switch, file formats. */
const EVERYWHERE = ['Kring', 'English', 'Nederlands', 'Français', 'Markdown', 'JSON'];

/**
 * The visible words of the page (text nodes and accessible names: aria-label, title, placeholder,
 * alt) that no message of `locale` contains, once people's own words (`ownWords`: names, titles,
 * notes, codes), numbers and punctuation are taken out. An English string added to a component
 * without its messages shows up here on a Dutch or French page.
 */
export async function untranslated(
  page: Page,
  locale: Locale,
  ownWords: readonly string[],
): Promise<string[]> {
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim()) continue;
      if (parent.closest('script, style, noscript, [hidden], [aria-hidden="true"]')) continue;
      const hidden = !parent.checkVisibility();
      if (hidden && !parent.closest('.visually-hidden, .sr-only')) continue;
      // A screen-reader announcement keeps the language of its moment after a switch: hidden live
      // regions are left out here (the areas' locales tests check what they announce).
      if (parent.closest('[aria-live]') && (hidden || parent.closest('.visually-hidden, .sr-only'))) continue;
      out.push(node.textContent);
    }
    for (const el of Array.from(
      document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]'),
    )) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(attr);
        if (value?.trim()) out.push(value);
      }
    }
    return out;
  });
  const catalogue = literalText(locale);
  const messages = patterns(locale);
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim();
  const own = [...ownWords, ...EVERYWHERE].filter((w) => w.trim()).sort((a, b) => b.length - a.length);
  const offenders = new Set<string>();
  for (const text of found) {
    // A whole message, its placeholders filled with anything (names, titles, counts).
    if (messages.some((re) => re.test(normal(text)))) continue;
    let rest = text;
    for (const word of own) rest = rest.split(word).join(' ');
    // Numbers, times, punctuation and symbols say nothing about the language: each run of words
    // between them must stand in some message.
    const chunks = rest.split(/[\d\p{P}\p{S}]+/u).map((c) => c.replace(/\s+/g, ' ').trim().toLowerCase());
    if (chunks.some((c) => /\p{L}{2,}/u.test(c) && !catalogue.includes(c))) offenders.add(text.trim());
  }
  return [...offenders];
}
