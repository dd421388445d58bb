import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Id } from './ids';

/**
 * Private signals to the facilitators: "I need a pause" and "please don't call on me today".
 * Only the facilitators and the person themselves ever see them.
 */
export const SIGNALS = ['pause', 'notToday'] as const;
export const Signal = z.enum(SIGNALS);
export type Signal = z.infer<typeof Signal>;

/** When each signal was set, or null. */
export const SignalState = z.object({ pause: z.nullable(z.number()), notToday: z.nullable(z.number()) });
export type SignalState = z.infer<typeof SignalState>;

export const SetSignal = z.strictObject({ type: z.literal('signal.set'), signal: Signal, on: z.boolean() });

export const SignalCommands = [SetSignal] as const;

export const SignalChanged = z.object({
  ...eventBase,
  type: z.literal('signal.changed'),
  participantId: Id,
  signal: Signal,
  on: z.boolean(),
});

export const SignalEvents = [SignalChanged] as const;
