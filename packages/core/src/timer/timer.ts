import type { TimerState } from '@kring/protocol';

/**
 * T7: what is left of a timer at `now`. Timers are data, never intervals: every screen calls
 * this from its own animation frame with its (offset-corrected) clock.
 */
export function remainingMs(timer: TimerState, now: number): number {
  // Never more than the duration: a clock-offset estimate a few ms off must not show 8:01 on an 8-minute timer.
  if (timer.endsAt !== null) return Math.min(timer.durationMs, Math.max(0, timer.endsAt - now));
  return timer.pausedRemainingMs ?? 0;
}

export const isRunning = (timer: TimerState): boolean => timer.endsAt !== null;
