import type { CommandOf, EventOf, SignalState } from '@kring/protocol';
import { accept, type Ctx, type Decision, unchanged } from '../decision';
import type { SessionState } from '../state';

/**
 * Private signals to facilitators (SG rules). SG3: no rule reads them — a signal that moved
 * someone in a queue would show everyone that it was set.
 */

export const noSignals = (): SignalState => ({ pause: null, notToday: null });

export function decideSignal(ctx: Ctx, command: CommandOf<'signal.set'>): Decision {
  // SG1: your own signals only, set and cleared by you.
  const current = ctx.state.signals[ctx.who.id] ?? noSignals();
  if ((current[command.signal] !== null) === command.on) return unchanged();
  return accept({
    type: 'signal.changed',
    at: ctx.now,
    participantId: ctx.who.id,
    signal: command.signal,
    on: command.on,
  });
}

export function evolveSignal(state: SessionState, event: EventOf<'signal.changed'>): SessionState {
  const current = state.signals[event.participantId] ?? noSignals();
  const next = { ...current, [event.signal]: event.on ? event.at : null };
  const { [event.participantId]: _old, ...others } = state.signals;
  // Only people with a signal set have a key, so a cleared signal leaves no trace.
  const anySet = next.pause !== null || next.notToday !== null;
  return { ...state, signals: anySet ? { ...others, [event.participantId]: next } : others };
}
