import type { Locale } from '@kring/protocol';

/**
 * S4: the names the server gives when the facilitator gave none — the blank session's board, the
 * host, rooms made by number or size — in the facilitator's language. They become shared content
 * (everyone sees the same board title), so they follow whoever created them.
 */
const DEFAULT_NAMES: Readonly<Record<Locale, { board: string; host: string; room: string }>> = {
  en: { board: 'Board', host: 'Facilitator', room: 'Room {n}' },
  nl: { board: 'Bord', host: 'Begeleider', room: 'Deelgroep {n}' },
  fr: { board: 'Tableau', host: 'Animation', room: 'Salle {n}' },
};

export const defaultBoardTitle = (locale: Locale = 'en'): string => DEFAULT_NAMES[locale].board;
export const defaultHostName = (locale: Locale = 'en'): string => DEFAULT_NAMES[locale].host;
export const defaultRoomName = (n: number, locale: Locale = 'en'): string =>
  DEFAULT_NAMES[locale].room.replace('{n}', String(n));
