import { en, type StringKey } from './en';
import { fr } from './fr';
import { nl } from './nl';

export const BOARD_LOCALES = ['en', 'nl', 'fr'] as const;
export type BoardLocale = (typeof BOARD_LOCALES)[number];
export const DEFAULT_LOCALE: BoardLocale = 'en';

export const BOARD_STRINGS: Readonly<Record<BoardLocale, Partial<Record<StringKey, string>>>> = {
  en,
  nl,
  fr,
};

export function isBoardLocale(value: unknown): value is BoardLocale {
  return typeof value === 'string' && (BOARD_LOCALES as readonly string[]).includes(value);
}

/** The string for `key` in `locale`, falling back to English; `{name}` placeholders are filled from `vars`. */
export function boardText(
  key: StringKey,
  locale: BoardLocale = DEFAULT_LOCALE,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  const text = BOARD_STRINGS[locale][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type { StringKey };
