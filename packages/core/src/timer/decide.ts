import type { CommandOf, EventOf, TimerState } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import { scopeOf } from '../floor/engine';
import { isRunning, remainingMs } from './timer';

/** Shared countdowns (T rules), one per scope. */

type TimerCommand = CommandOf<
  'timer.start' | 'timer.pause' | 'timer.resume' | 'timer.adjust' | 'timer.reset' | 'timer.clear'
>;
type TimerAction = EventOf<'timer.changed'>['action'];

const same = (a: TimerState, b: TimerState) =>
  a.label === b.label &&
  a.durationMs === b.durationMs &&
  a.endsAt === b.endsAt &&
  a.pausedRemainingMs === b.pausedRemainingMs;

export function decideTimer(ctx: Ctx, command: TimerCommand): Decision {
  const scope = scopeOf(command);
  // T9: a timer lives where a floor does (the plenary, later each room).
  if (!ctx.state.floors[scope]) return refuse('not_found', 'no such scope');
  const now = ctx.now;
  const timer = ctx.state.timers[scope];
  // Every event carries the resulting timer, so replaying needs no clock (T8).
  const changed = (action: TimerAction, next: TimerState | null): Decision =>
    accept({ type: 'timer.changed', at: now, scope, action, timer: next, by: ctx.who.id });
  if (command.type === 'timer.start') {
    // T1: starting replaces whatever timer ran here.
    const label = command.label ?? '';
    return changed('started', {
      label,
      durationMs: command.durationMs,
      endsAt: now + command.durationMs,
      pausedRemainingMs: null,
    });
  }
  if (command.type === 'timer.clear') return timer ? changed('cleared', null) : unchanged();
  if (!timer) return refuse('not_found', 'there is no timer to change');
  switch (command.type) {
    case 'timer.pause':
      // T2
      if (!isRunning(timer)) return unchanged();
      return changed('paused', { ...timer, endsAt: null, pausedRemainingMs: remainingMs(timer, now) });
    case 'timer.resume':
      // T3
      if (isRunning(timer)) return unchanged();
      return changed('resumed', {
        ...timer,
        endsAt: now + (timer.pausedRemainingMs ?? 0),
        pausedRemainingMs: null,
      });
    case 'timer.adjust': {
      // T4: what is left never drops below zero; adding to a finished timer counts from now.
      if (command.deltaMs === 0) return unchanged();
      const left = Math.max(0, remainingMs(timer, now) + command.deltaMs);
      const durationMs = Math.max(left, timer.durationMs + command.deltaMs);
      const next = isRunning(timer)
        ? { ...timer, durationMs, endsAt: now + left }
        : { ...timer, durationMs, pausedRemainingMs: left };
      return changed('adjusted', next);
    }
    case 'timer.reset': {
      // T5: back to the full duration, paused.
      const next = { ...timer, endsAt: null, pausedRemainingMs: timer.durationMs };
      return same(timer, next) ? unchanged() : changed('reset', next);
    }
  }
}
