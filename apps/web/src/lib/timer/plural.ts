import { getLocale } from '$lib/paraglide/runtime';

/**
 * Whether `count` takes the singular in the page's language. The languages differ: English says
 * "0 seconds", French "0 seconde". Pick between a `…_one` and a `…_other` message with it.
 */
export function isOne(count: number): boolean {
  return new Intl.PluralRules(getLocale()).select(count) === 'one';
}

/** A count as the page's language writes it. */
export function formatCount(count: number): string {
  return new Intl.NumberFormat(getLocale()).format(count);
}
