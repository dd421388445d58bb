import type { EventOf } from '@kring/protocol';
import type { SessionState } from '../state';

/** T8: the event carries the resulting timer; a cleared timer leaves no key. */
export function evolveTimer(state: SessionState, event: EventOf<'timer.changed'>): SessionState {
  const { [event.scope]: _old, ...others } = state.timers;
  return { ...state, timers: event.timer ? { ...others, [event.scope]: event.timer } : others };
}
