import {
  CIRCLE_LIMITS,
  type CircleEvent,
  type CircleState,
  type ErrorBody,
  type NewCircleEvent,
} from '@kring/protocol';

/**
 * What a registration rule hands the server to keep outside the log (CI21–CI25): the status a new
 * registration gets and whether its e-mail address is kept, who moves up from the waiting list,
 * or which meetings' registrations are due for deletion.
 */
export interface RegistrationOutcome {
  status?: 'registered' | 'waiting';
  keepEmail?: boolean;
  promote?: string[];
  expired?: string[];
}

/** What a circle rule answers: the events to record, or a named refusal. */
export type CircleDecision =
  | { ok: true; events: NewCircleEvent[]; registration?: RegistrationOutcome }
  | { ok: false; error: ErrorBody };

/** Who acts: a member of the circle, known from their personal link. */
export interface CircleActor {
  memberId: string;
}

export const refuse = (code: ErrorBody['code'], message: string): CircleDecision => ({
  ok: false,
  error: { code, message },
});
export const accept = (...events: NewCircleEvent[]): CircleDecision => ({ ok: true, events });
/** CI10: a command that changes nothing records nothing. */
export const unchanged = (): CircleDecision => ({ ok: true, events: [] });

/** The state before `circle.created`: version 0, nothing in it. */
export function emptyCircle(): CircleState {
  return {
    id: '',
    code: '',
    title: '',
    description: '',
    timeZone: 'UTC',
    locale: 'en',
    createdAt: 0,
    retentionDays: CIRCLE_LIMITS.retentionDaysDefault,
    members: {},
    boards: {},
    series: {},
    meetings: {},
    version: 0,
  };
}

/** Numbers new events after `version`, the way the store does when it appends them. */
export function withCircleVersions(version: number, events: readonly NewCircleEvent[]): CircleEvent[] {
  return events.map((e, i) => ({ ...e, v: version + i + 1 }) as CircleEvent);
}

export const hostsOf = (state: CircleState): string[] =>
  Object.entries(state.members)
    .filter(([, m]) => m.role === 'host')
    .map(([id]) => id);

export const isCircleHost = (state: CircleState, memberId: string): boolean =>
  state.members[memberId]?.role === 'host';
