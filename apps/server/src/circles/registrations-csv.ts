import type { Locale } from '@kring/protocol';
import type { StoredRegistration } from '../store/store';

/**
 * A meeting's registrations as CSV for its hosts (CI24): name, e-mail address (empty when none),
 * status and when they registered (UTC, ISO 8601), with column names in the series' language.
 * RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with `'`.
 */
const HEADERS: Record<Locale, readonly string[]> = {
  en: ['Name', 'E-mail', 'Status', 'Registered at (UTC)'],
  nl: ['Naam', 'E-mail', 'Status', 'Aangemeld op (UTC)'],
  fr: ['Nom', 'E-mail', 'Statut', 'Inscription (UTC)'],
};

const STATUS: Record<Locale, Record<StoredRegistration['status'], string>> = {
  en: { registered: 'registered', waiting: 'waiting list' },
  nl: { registered: 'aangemeld', waiting: 'wachtlijst' },
  fr: { registered: 'inscrit·e', waiting: "liste d'attente" },
};

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function registrationsCsv(list: readonly StoredRegistration[], locale: Locale): string {
  const lines = [HEADERS[locale].map(cell).join(',')];
  for (const r of list) {
    lines.push(
      [r.displayName, r.email ?? '', STATUS[locale][r.status], new Date(r.createdAt).toISOString()]
        .map(cell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
