import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Id, Scope } from './ids';
import { LIMITS } from './limits';

/**
 * A shared countdown as data, never as a server interval: running when `endsAt` is set, paused
 * when `pausedRemainingMs` is. Every screen computes what is left from these and its own clock
 * (corrected by the offset measured from acks), so all show the same countdown.
 */
export const TimerState = z.object({
  label: z.string(),
  durationMs: z.number().check(z.nonnegative()),
  endsAt: z.nullable(z.number()),
  pausedRemainingMs: z.nullable(z.number().check(z.nonnegative())),
});
export type TimerState = z.infer<typeof TimerState>;

const scope = { scope: z.optional(Scope) };
const Duration = z.int().check(z.positive(), z.lte(LIMITS.timerMaxMs));

export const StartTimer = z.strictObject({
  type: z.literal('timer.start'),
  ...scope,
  durationMs: Duration,
  label: z.optional(z.string().check(z.trim(), z.maxLength(LIMITS.timerLabelMax))),
});
export const PauseTimer = z.strictObject({ type: z.literal('timer.pause'), ...scope });
export const ResumeTimer = z.strictObject({ type: z.literal('timer.resume'), ...scope });
/** Adds (or with a negative delta, takes) time; what is left never drops below zero. */
export const AdjustTimer = z.strictObject({
  type: z.literal('timer.adjust'),
  ...scope,
  deltaMs: z.int().check(z.gte(-LIMITS.timerMaxMs), z.lte(LIMITS.timerMaxMs)),
});
/** Back to the full duration, paused. */
export const ResetTimer = z.strictObject({ type: z.literal('timer.reset'), ...scope });
/** Takes the timer off every screen. */
export const ClearTimer = z.strictObject({ type: z.literal('timer.clear'), ...scope });

export const TimerCommands = [
  StartTimer,
  PauseTimer,
  ResumeTimer,
  AdjustTimer,
  ResetTimer,
  ClearTimer,
] as const;

export const TIMER_ACTIONS = ['started', 'paused', 'resumed', 'adjusted', 'reset', 'cleared'] as const;

/** Carries the resulting timer, so applying it needs no clock and replays to the same countdown. */
export const TimerChanged = z.object({
  ...eventBase,
  type: z.literal('timer.changed'),
  scope: Scope,
  action: z.enum(TIMER_ACTIONS),
  timer: z.nullable(TimerState),
  by: Id,
});

export const TimerEvents = [TimerChanged] as const;
