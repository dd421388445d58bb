import {
  type Locale,
  cookieMaxAge,
  cookieName,
  getLocale,
  locales,
  overwriteGetLocale,
  overwriteSetLocale,
} from '$lib/paraglide/runtime';

export { locales, type Locale };

/** Each language named in itself, so anyone finds their own in the switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', nl: 'Nederlands', fr: 'Français' };

/**
 * The page's language in the browser, as a rune. Paraglide's message functions ask `getLocale()`
 * when they run; reading a rune there makes every message in a template depend on it, so switching
 * language re-renders the words in place — no reload, so a session keeps its connection, its
 * drafts and its place. The choice is kept on this device (the same cookie the server reads for
 * the first answer) and sets `<html lang>`.
 */
class PageLocale {
  current = $state<Locale>(getLocale());

  /** Installs the rune as Paraglide's locale. Browser only: on the server each request has its own. */
  install(): void {
    overwriteGetLocale(() => this.current);
    overwriteSetLocale((next) => this.set(next));
    document.documentElement.lang = this.current;
  }

  set(next: Locale): void {
    this.current = next;
    document.cookie = `${cookieName}=${next}; path=/; max-age=${cookieMaxAge}; SameSite=Lax`;
    document.documentElement.lang = next;
  }
}

export const pageLocale = new PageLocale();
