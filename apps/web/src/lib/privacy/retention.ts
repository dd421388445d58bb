import { DEFAULT_RETENTION } from '@kring/core';
import { type Exporters, type PrivacyState, Retention } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A day as the reader's language writes it ("30 June 2027", "30 juni 2027", "30 juin 2027"). */
export function formatDay(at: number, locale: string = getLocale()): string {
  // English as in Britain: the day before the month, as in the other two languages.
  const tag = locale === 'en' ? 'en-GB' : locale;
  return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}

/**
 * PR3 as this page can know it: when everything is deleted, or null while it depends on an end
 * that has not come (a session nobody ends counts as ended after a month of quiet; only the server
 * knows its last activity).
 */
export function expiryOf(retention: Retention, endedAt: number | null): number | null {
  switch (retention.kind) {
    case 'days':
      return endedAt === null ? null : endedAt + retention.days * DAY_MS;
    case 'onEnd':
      return endedAt;
    case 'until':
      return retention.at;
  }
}

/** How long the words are kept, in one plain sentence ("Kept until 30 days after the session ends."). */
export function retentionWords(retention: Retention, locale?: string): string {
  switch (retention.kind) {
    case 'days':
      return retention.days === 1 ? m.privacy_kept_one_day() : m.privacy_kept_days({ days: retention.days });
    case 'onEnd':
      return m.privacy_kept_on_end();
    case 'until':
      return m.privacy_kept_until({ date: formatDay(retention.at, locale) });
  }
}

/** What is known about the end and the deletion, in sentences (none while the session runs on). */
export function expiryWords(retention: Retention, endedAt: number | null, locale?: string): string[] {
  const words: string[] = [];
  if (endedAt !== null) words.push(m.privacy_ended_on({ date: formatDay(endedAt, locale) }));
  const expiry = expiryOf(retention, endedAt);
  if (retention.kind === 'onEnd' && endedAt !== null) words.push(m.privacy_deleted_soon());
  else if (expiry !== null && retention.kind !== 'until') {
    words.push(m.privacy_deleted_on({ date: formatDay(expiry, locale) }));
  }
  return words;
}

export function exportersWords(exporters: Exporters): string {
  return exporters === 'everyone' ? m.privacy_export_everyone() : m.privacy_export_facilitators();
}

/** The notice's parts, whether it comes from the join page's summary or the live state. */
export interface NoticeFacts {
  retention: Retention;
  endedAt: number | null;
  exporters: Exporters;
  organiser: string | null;
  contact: string | null;
}

export function factsOfState(privacy: PrivacyState): NoticeFacts {
  return {
    retention: privacy.retention,
    endedAt: privacy.endedAt,
    exporters: privacy.exporters,
    organiser: privacy.notice.organiser,
    contact: privacy.notice.contact,
  };
}

/** `YYYY-MM-DD` of a moment in the person's own time zone (a date input's value). */
export function dateInputValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The last moment of a chosen day (`YYYY-MM-DD` from a date input) in the person's own time
 * zone, so "keep until 30 June" keeps the words through that whole day. Null for no valid date.
 */
export function endOfDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const end = new Date(year, month - 1, day, 23, 59, 59, 999);
  if (end.getFullYear() !== year || end.getMonth() !== month - 1 || end.getDate() !== day) return null;
  return end.getTime();
}

export type RetentionChoice = 'default' | 'days' | 'onEnd' | 'until';

/** Core's default retention (PR1), in days. */
export const DEFAULT_DAYS = DEFAULT_RETENTION.kind === 'days' ? DEFAULT_RETENTION.days : 30;

/** The radio that shows a retention (30 days is the default's own choice). */
export function choiceOf(retention: Retention): RetentionChoice {
  if (retention.kind === 'days') return retention.days === DEFAULT_DAYS ? 'default' : 'days';
  return retention.kind;
}

/** The facilitator's form as a retention to send, or what is wrong with it. */
export function retentionFromForm(
  choice: RetentionChoice,
  days: number | null,
  date: string,
  now: number,
): { ok: true; retention: Retention } | { ok: false; problem: 'days' | 'date' } {
  switch (choice) {
    case 'default':
      return { ok: true, retention: { kind: 'days', days: DEFAULT_DAYS } };
    case 'days': {
      // The wire schema's bounds, so the form and the server never disagree.
      const parsed = Retention.safeParse({ kind: 'days', days });
      return parsed.success ? { ok: true, retention: parsed.data } : { ok: false, problem: 'days' };
    }
    case 'onEnd':
      return { ok: true, retention: { kind: 'onEnd' } };
    case 'until': {
      const at = endOfDay(date);
      if (at === null || at <= now) return { ok: false, problem: 'date' };
      return { ok: true, retention: { kind: 'until', at } };
    }
  }
}
