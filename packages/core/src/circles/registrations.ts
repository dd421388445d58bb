import { CIRCLE_LIMITS, type CircleCommandOf, type CircleState, type Occurrence } from '@kring/protocol';
import { joinOpen, occurrences } from '../series/occurrences';
import { type CircleDecision, accept, refuse, unchanged } from './state';

/**
 * Registration for a meeting (CI20–CI25). Settings are circle events (`series.setRegistration`);
 * the registrations themselves are kept by the server outside the log (they hold e-mail
 * addresses, which must leave the disk whole). Core decides with what the server tells it of a
 * meeting's list, and answers in `CircleDecision.registration`; it stores nothing itself.
 */

/** One registration as the rules need it: its id and status, in the order people came. */
export interface RegistrationRow {
  id: string;
  status: 'registered' | 'waiting';
}

/** The server's own commands about registrations; never posted by a client. */
export type RegistrationCommand =
  | {
      type: 'registration.add';
      seriesId: string;
      key: string;
      consent: boolean;
      emailGiven: boolean;
      /** The meeting's list before this one. */
      list: readonly RegistrationRow[];
    }
  | { type: 'registration.promote'; seriesId: string; key: string; list: readonly RegistrationRow[] }
  | { type: 'registration.join'; seriesId: string; key: string; status: 'registered' | 'waiting' }
  | { type: 'registration.expire'; meetings: readonly { seriesId: string; key: string }[] };

const TYPES = new Set([
  'registration.add',
  'registration.promote',
  'registration.join',
  'registration.expire',
]);

export const isRegistrationCommand = (command: { type: string }): command is RegistrationCommand =>
  TYPES.has(command.type);

const DAY_MS = 24 * 60 * 60 * 1000;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** CI20: hosts set (or, with null, end) a series' registration; CI3 already let only hosts by. */
export function setRegistration(
  state: CircleState,
  command: CircleCommandOf<'series.setRegistration'>,
  by: string,
  at: number,
): CircleDecision {
  const series = state.series[command.seriesId];
  if (!series) return refuse('not_found', 'no such series in this circle');
  if (same(series.registration ?? null, command.registration)) return unchanged();
  return accept({
    type: 'series.registrationSet',
    at,
    seriesId: series.id,
    registration: command.registration,
    by,
  });
}

const occurrenceOf = (state: CircleState, seriesId: string, key: string): Occurrence | undefined => {
  const series = state.series[seriesId];
  return series && occurrences(series.plan, series.exceptions).find((o) => o.key === key);
};

/** CI25: when a meeting's registrations are deleted (null: now — its series or date is gone). */
export function registrationsExpireAt(state: CircleState, seriesId: string, key: string): number | null {
  const occurrence = occurrenceOf(state, seriesId, key);
  return occurrence ? occurrence.end + CIRCLE_LIMITS.registrationKeepDays * DAY_MS : null;
}

/** CI22: the first waiting people who move up while the meeting has free places. */
export function promotionsOf(list: readonly RegistrationRow[], cap: number | null): string[] {
  let registered = list.filter((r) => r.status === 'registered').length;
  const up: string[] = [];
  for (const r of list) {
    if (r.status !== 'waiting') continue;
    if (cap !== null && registered >= cap) break;
    up.push(r.id);
    registered++;
  }
  return up;
}

export function decideRegistration(
  state: CircleState,
  command: RegistrationCommand,
  now: number,
): CircleDecision {
  if (command.type === 'registration.expire') {
    // CI25
    const expired = command.meetings
      .filter(({ seriesId, key }) => {
        const at = registrationsExpireAt(state, seriesId, key);
        return at === null || now >= at;
      })
      .map(({ seriesId, key }) => `${seriesId}:${key}`);
    return { ok: true, events: [], registration: { expired } };
  }
  const series = state.series[command.seriesId];
  if (!series) return refuse('not_found', 'no such series in this circle');
  const settings = series.registration;
  switch (command.type) {
    case 'registration.add': {
      // CI21: consent first — nothing is looked at for someone who did not agree.
      if (command.consent !== true) return refuse('bad_request', 'registering needs your consent');
      if (!settings?.open) return refuse('conflict', 'registration for this meeting is closed');
      const occurrence = occurrenceOf(state, command.seriesId, command.key);
      if (!occurrence) return refuse('not_found', `the series has no meeting planned on ${command.key}`);
      if (occurrence.status === 'cancelled') return refuse('conflict', 'this meeting was cancelled');
      if (now >= occurrence.end) return refuse('conflict', 'this meeting has ended');
      if (command.list.length >= CIRCLE_LIMITS.registrationsMax) {
        return refuse('full', 'this meeting has as many registrations as it can take');
      }
      const registered = command.list.filter((r) => r.status === 'registered').length;
      const waitingAlready = command.list.some((r) => r.status === 'waiting');
      // Over the cap (or behind someone waiting): the waiting list, in order.
      const status =
        settings.cap === null || (registered < settings.cap && !waitingAlready) ? 'registered' : 'waiting';
      return {
        ok: true,
        events: [],
        registration: { status, keepEmail: command.emailGiven && settings.askEmail },
      };
    }
    case 'registration.promote':
      // CI22: without settings (registration ended) nobody moves: the cap is unknown.
      if (!settings) return { ok: true, events: [], registration: { promote: [] } };
      return { ok: true, events: [], registration: { promote: promotionsOf(command.list, settings.cap) } };
    case 'registration.join': {
      // CI23
      if (command.status !== 'registered') {
        return refuse('forbidden', 'you are on the waiting list for this meeting');
      }
      const occurrence = occurrenceOf(state, command.seriesId, command.key);
      if (!occurrence) return refuse('not_found', `the series has no meeting planned on ${command.key}`);
      if (occurrence.status === 'cancelled') return refuse('conflict', 'this meeting was cancelled');
      if (!joinOpen(occurrence, now)) {
        return refuse('conflict', 'this meeting opens for joining 15 minutes before it starts');
      }
      return unchanged();
    }
  }
}
