/**
 * How one person wants captions on this device (localStorage `kring:captions`): shown or hidden,
 * how large, and whether a screen reader hears new lines. Parsing is forgiving: a damaged or old
 * entry falls back to the defaults field by field.
 */
export const CAPTION_SIZES = ['small', 'medium', 'large', 'huge'] as const;
export type CaptionSize = (typeof CAPTION_SIZES)[number];

export interface CaptionPrefs {
  /** Captions show as soon as someone captions, unless the person hid them. */
  on: boolean;
  size: CaptionSize;
  /** New finished lines go to a polite live region (never partials). */
  readAloud: boolean;
}

export const DEFAULT_PREFS: CaptionPrefs = { on: true, size: 'medium', readAloud: false };
export const PREFS_KEY = 'kring:captions';

export function isCaptionSize(value: unknown): value is CaptionSize {
  return typeof value === 'string' && (CAPTION_SIZES as readonly string[]).includes(value);
}

export function parsePrefs(raw: string | null): CaptionPrefs {
  if (!raw) return { ...DEFAULT_PREFS };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ...DEFAULT_PREFS };
  }
  if (!data || typeof data !== 'object') return { ...DEFAULT_PREFS };
  const d = data as Record<string, unknown>;
  return {
    on: typeof d['on'] === 'boolean' ? d['on'] : DEFAULT_PREFS.on,
    size: isCaptionSize(d['size']) ? d['size'] : DEFAULT_PREFS.size,
    readAloud: typeof d['readAloud'] === 'boolean' ? d['readAloud'] : DEFAULT_PREFS.readAloud,
  };
}

export function serializePrefs(prefs: CaptionPrefs): string {
  return JSON.stringify({ on: prefs.on, size: prefs.size, readAloud: prefs.readAloud });
}

/** How many finished lines the band shows at a size: fewer as the type grows, so it stays low. */
export function bandLineCount(size: CaptionSize): number {
  return size === 'small' || size === 'medium' ? 3 : 2;
}

/** The projector's own switch (a shared screen, not a person): on unless someone turned it off. */
export const PROJECTOR_KEY = 'kring:captions-projector';

export function parseProjectorOn(raw: string | null): boolean {
  return raw !== 'off';
}
