import { LIMITS } from '@kring/protocol';

/** "0:45", "3:07", "1:02:09": a duration as people read a clock. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "45 seconds", "3 minutes", "2 min 30 s": a length as words, for a soft time or a total. */
export function describeDuration(ms: number): string {
  const total = Math.round(Math.max(0, ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s} second${s === 1 ? '' : 's'}`;
  if (s === 0) return `${m} minute${m === 1 ? '' : 's'}`;
  return `${m} min ${s} s`;
}

/**
 * F6: the gentle countdown of a soft time. Past the time it says so without alarm: nothing ends a
 * turn for time, so it only invites the speaker to round off.
 */
export function softTimeText(remainingMs: number): string {
  if (remainingMs > 0)
    return `${formatDuration(Math.ceil(remainingMs / 1000) * 1000)} left of the suggested time`;
  return `The suggested time has passed (${formatDuration(-remainingMs)} ago). Finish in your own time.`;
}

export type ParsedMinutes = { ok: true; ms: number | null } | { ok: false; error: string };

/** A soft time typed in minutes ("", "1", "1.5", "1,5"): empty means none. */
export function parseSoftMinutes(text: string): ParsedMinutes {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: true, ms: null };
  const minutes = Number(trimmed);
  const maxMinutes = LIMITS.softTurnMaxMs / 60_000;
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > maxMinutes) {
    return {
      ok: false,
      error: `Enter a number of minutes between 0.1 and ${maxMinutes}, or leave it empty.`,
    };
  }
  const ms = Math.round(minutes * 60_000);
  return ms > 0 ? { ok: true, ms } : { ok: false, error: 'That is too short for a turn.' };
}

/** The soft time as the minutes field shows it ("1.5"), empty without one. */
export function minutesText(ms: number | null): string {
  return ms === null ? '' : String(Math.round((ms / 60_000) * 100) / 100);
}

export type ParsedCount = { ok: true; value: number } | { ok: false; error: string };

/** A whole number typed in a field (fishbowl seats), within `min`..`max`. */
export function parseCount(text: string, min: number, max: number, what: string): ParsedCount {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(value) || value < min || value > max) {
    return { ok: false, error: `Enter a whole number of ${what} from ${min} to ${max}.` };
  }
  return { ok: true, value };
}
