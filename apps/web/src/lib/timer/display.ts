import { m } from '$lib/paraglide/messages';
import type { TimerState } from '@kring/protocol';
import { formatCount, isOne } from './plural';

/** running: counting down; paused: held (also after a reset); ended: ran out while running. */
export type TimerPhase = 'running' | 'paused' | 'ended';

/** The presets a facilitator starts with one tap, in minutes. */
export const TIMER_PRESETS_MIN = [1, 2, 5, 8, 10, 15] as const;

/**
 * The countdown as `mm:ss` (`h:mm:ss` from an hour). Seconds round up, so a fresh 5-minute timer
 * reads 05:00 and 00:00 appears only when the time is really up.
 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** Seconds in `mm:ss` or `h:mm:ss` text; null when it is not a clock. */
export function parseClock(text: string): number | null {
  const match = /^\s*(?:(\d+):)?(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

type CountMessage = (inputs: { count: string }) => string;

/** The same time in words, for screen readers and announcements: "4 minutes 30 seconds". */
export function spokenDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const part = (n: number, one: CountMessage, other: CountMessage) =>
    (isOne(n) ? one : other)({ count: formatCount(n) });
  const parts = [
    h ? part(h, m.clock_spoken_hours_one, m.clock_spoken_hours_other) : '',
    min ? part(min, m.clock_spoken_minutes_one, m.clock_spoken_minutes_other) : '',
    s ? part(s, m.clock_spoken_seconds_one, m.clock_spoken_seconds_other) : '',
  ];
  return parts.filter(Boolean).join(' ') || part(0, m.clock_spoken_seconds_one, m.clock_spoken_seconds_other);
}

/** What the timer is doing at `remaining` (from core `remainingMs`). */
export function timerPhase(timer: TimerState, remaining: number): TimerPhase {
  if (timer.endsAt === null) return 'paused';
  return remaining > 0 ? 'running' : 'ended';
}

/** What screen readers hear when a timer runs out. */
export function timeUpText(timer: TimerState): string {
  const label = timer.label.trim();
  return label ? m.clock_time_up_for({ label }) : m.clock_time_up_said();
}

/**
 * What screen readers hear when a facilitator changes the timer (the countdown itself is not read
 * out every second). `now` is server time when the change arrived. Timer events carry only the
 * resulting timer, so the kind of change is read from before and after: a resume runs on from
 * what was left; a start runs its full duration from now. Null for changes not worth
 * interrupting for (a minute more or less).
 */
export function timerChangeText(
  before: TimerState | undefined,
  after: TimerState | undefined,
  now: number,
): string | null {
  if (!after) return before ? m.clock_timer_cleared() : null;
  const label = after.label.trim();
  const near = (a: number, b: number) => Math.abs(a - b) < 2000;
  if (after.endsAt !== null) {
    const resumed =
      before !== undefined &&
      before.endsAt === null &&
      before.durationMs === after.durationMs &&
      before.label === after.label &&
      near(after.endsAt - now, before.pausedRemainingMs ?? 0);
    if (resumed) return label ? m.clock_timer_named_running_again({ label }) : m.clock_timer_running_again();
    const fromFull = near(after.endsAt - now, after.durationMs);
    if (fromFull && after.endsAt !== before?.endsAt) {
      const duration = spokenDuration(after.durationMs);
      return label ? m.clock_timer_named_started({ label, duration }) : m.clock_timer_started({ duration });
    }
    return null;
  }
  if (!before) return null;
  if (after.pausedRemainingMs === after.durationMs && before.pausedRemainingMs !== after.durationMs) {
    const duration = spokenDuration(after.durationMs);
    return label ? m.clock_timer_named_reset({ label, duration }) : m.clock_timer_reset({ duration });
  }
  if (before.endsAt === null) return null;
  return label ? m.clock_timer_named_paused({ label }) : m.clock_timer_paused();
}

/**
 * Minutes typed by a facilitator ("2", "1.5", "2,5") as milliseconds, whole seconds; null when
 * it is not a usable duration (nothing, zero or less, more than `maxMs`).
 */
export function parseMinutes(text: string, maxMs: number): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return null;
  const ms = Math.round(Number(normalised) * 60) * 1000;
  return ms > 0 && ms <= maxMs ? ms : null;
}

/**
 * Says "time is up" once per run of a timer, and only after this screen saw it counting: a page
 * opened long after a timer ran out stays quiet. A run is known by its `endsAt`, so a restarted or
 * extended timer can end (and be announced) again.
 */
export class TimeUpWatch {
  #counting: number | null = null;
  #announced: number | null = null;

  /** True exactly once, at the moment a run this screen watched reaches zero. */
  observe(timer: TimerState | undefined, remaining: number): boolean {
    if (!timer || timer.endsAt === null) {
      this.#counting = null;
      return false;
    }
    if (remaining > 0) {
      this.#counting = timer.endsAt;
      return false;
    }
    if (this.#counting !== timer.endsAt || this.#announced === timer.endsAt) return false;
    this.#announced = timer.endsAt;
    return true;
  }
}
