import { LIMITS } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** "0:45", "3:07", "1:02:09": a duration as people read a clock. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(min).padStart(2, '0')}:${s}` : `${min}:${s}`;
}

/** Whether `count` takes the singular in the page's language (1 in English; 0 and 1 in French). */
const singular = (count: number) => new Intl.PluralRules(getLocale()).select(count) === 'one';

/** A number as the page's language writes it: "1.5" in English, "1,5" in Dutch and French. */
const decimal = (value: number) =>
  new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 2, useGrouping: false }).format(value);

/** "45 seconds", "3 minutes", "2 min 30 s": a length as words, for a soft time or a total. */
export function describeDuration(ms: number): string {
  const total = Math.round(Math.max(0, ms) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0)
    return singular(seconds) ? m.floor_seconds_one({ count: seconds }) : m.floor_seconds({ count: seconds });
  if (seconds === 0)
    return singular(minutes) ? m.floor_minutes_one({ count: minutes }) : m.floor_minutes({ count: minutes });
  return m.floor_minutes_seconds({ minutes, seconds });
}

/**
 * F6: the gentle countdown of a soft time. Past the time it says so without alarm: nothing ends a
 * turn for time, so it only invites the speaker to round off.
 */
export function softTimeText(remainingMs: number): string {
  if (remainingMs > 0)
    return m.floor_soft_left({ time: formatDuration(Math.ceil(remainingMs / 1000) * 1000) });
  return m.floor_soft_passed({ time: formatDuration(-remainingMs) });
}

/**
 * Why a typed value was not taken. A function, so a form that keeps it shows it in the page's
 * language of the moment (a language switch re-renders it).
 */
export type ProblemText = () => string;

export type ParsedMinutes = { ok: true; ms: number | null } | { ok: false; error: ProblemText };

/** A soft time typed in minutes ("", "1", "1.5", "1,5"): empty means none. */
export function parseSoftMinutes(text: string): ParsedMinutes {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, ms: null };
  const minutes = Number(trimmed);
  const maxMinutes = LIMITS.softTurnMaxMs / 60_000;
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > maxMinutes) {
    return {
      ok: false,
      error: () => m.floor_soft_minutes_error({ min: decimal(0.1), max: decimal(maxMinutes) }),
    };
  }
  const ms = Math.round(minutes * 60_000);
  return ms > 0 ? { ok: true, ms } : { ok: false, error: () => m.floor_soft_too_short() };
}

/** The soft time as the minutes field shows it ("1.5"; "1,5" in Dutch and French), empty without one. */
export function minutesText(ms: number | null): string {
  return ms === null ? '' : decimal(Math.round((ms / 60_000) * 100) / 100);
}

export type ParsedCount = { ok: true; value: number } | { ok: false; error: ProblemText };

/** A whole number typed in a field (fishbowl seats), within `min`..`max`; `what` names what is counted. */
export function parseCount(
  text: string,
  min: number,
  max: number,
  what: string | (() => string),
): ParsedCount {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(value) || value < min || value > max) {
    return {
      ok: false,
      error: () => m.floor_count_error({ what: typeof what === 'function' ? what() : what, min, max }),
    };
  }
  return { ok: true, value };
}
