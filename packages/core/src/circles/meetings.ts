import type { CircleState, Occurrence, Role } from '@kring/protocol';
import { joinOpen, occurrences } from '../series/occurrences';
import { type CircleDecision, accept, isCircleHost, refuse, unchanged } from './state';

/**
 * A meeting of a series as a live session (CI16–CI19). The server makes the session; these rules
 * say who may open or enter a meeting when, and record which session and which participant of it
 * each member is. Pure and clock-free: the session's ids come in the command.
 */

/**
 * The server's own commands about meetings: never posted by a client (they are not in
 * `CircleCommand`), since they carry the session the server made and who is who in it. Core is
 * pure, so the server may first ask with empty session ids what `meeting.open` would record (the
 * session's host, whose name the new session needs), then make the session and ask again.
 */
export type MeetingCommand =
  | {
      type: 'meeting.open';
      seriesId: string;
      key: string;
      sessionId: string;
      joinCode: string;
      /** The session host's participant id (the circle host CI16 names). */
      hostParticipantId: string;
    }
  | { type: 'meeting.join'; seriesId: string; key: string; memberId: string; participantId: string };

/** Someone with a series' URL and no personal link (CI19). */
export interface VisitorActor {
  visitor: true;
}

export const isMeetingCommand = (command: { type: string }): command is MeetingCommand =>
  command.type === 'meeting.open' || command.type === 'meeting.join';

/** Where a meeting's record lives in `CircleState.meetings`. */
export const meetingIdOf = (seriesId: string, key: string) => `${seriesId}:${key}`;

export const meetingOf = (
  state: CircleState,
  seriesId: string,
  key: string,
): CircleState['meetings'][string] | undefined => state.meetings[meetingIdOf(seriesId, key)];

/**
 * CI16: the circle host a session made by someone else is hosted by: the host who joined the
 * circle first (the founder while they are a host). The session service needs a host's name.
 */
export function firstHostOf(state: CircleState): string | null {
  let first: [string, number] | null = null;
  for (const [id, m] of Object.entries(state.members)) {
    if (m.role === 'host' && (first === null || m.joinedAt < first[1])) first = [id, m.joinedAt];
  }
  return first?.[0] ?? null;
}

/** CI17: the session role a member comes into a meeting with. */
export const meetingRoleOf = (state: CircleState, memberId: string): Role =>
  isCircleHost(state, memberId) ? 'cofacilitator' : 'participant';

type Found = { ok: true; occurrence: Occurrence } | { ok: false; decision: CircleDecision };

/**
 * CI16: whether a meeting may be entered now. Members and visitors while its join is open (SE7);
 * hosts any time before its end, to prepare. Never a cancelled or ended meeting (`conflict`), nor
 * a date the series has no meeting on (`not_found`, skipped dates too).
 */
function enterable(state: CircleState, seriesId: string, key: string, host: boolean, now: number): Found {
  const series = state.series[seriesId];
  if (!series) return { ok: false, decision: refuse('not_found', 'no such series in this circle') };
  const occurrence = occurrences(series.plan, series.exceptions).find((o) => o.key === key);
  if (!occurrence) {
    return { ok: false, decision: refuse('not_found', `the series has no meeting planned on ${key}`) };
  }
  if (occurrence.status === 'cancelled') {
    return { ok: false, decision: refuse('conflict', 'this meeting was cancelled') };
  }
  if (now >= occurrence.end) return { ok: false, decision: refuse('conflict', 'this meeting has ended') };
  if (!host && !joinOpen(occurrence, now)) {
    return {
      ok: false,
      decision: refuse('conflict', 'this meeting opens for joining 15 minutes before it starts'),
    };
  }
  return { ok: true, occurrence };
}

export function decideMeeting(
  state: CircleState,
  command: MeetingCommand,
  actor: { memberId: string } | VisitorActor,
  now: number,
): CircleDecision {
  const memberId = 'memberId' in actor ? actor.memberId : null;
  // CI2 for members; a visitor has no member to check (CI19).
  if (memberId !== null && !state.members[memberId]) {
    return refuse('unauthorized', 'you are not a member of this circle');
  }
  const host = memberId !== null && isCircleHost(state, memberId);
  const found = enterable(state, command.seriesId, command.key, host, now);
  if (!found.ok) return found.decision;
  const meeting = meetingOf(state, command.seriesId, command.key);
  switch (command.type) {
    case 'meeting.open': {
      // Opened already: nothing to record (CI10); the caller enters the session it has.
      if (meeting) return unchanged();
      // CI16: the session's host is a host of the circle: the opener when a host opens it.
      const hostMemberId = host ? memberId : firstHostOf(state);
      if (hostMemberId === null) return refuse('conflict', 'this circle has no host');
      return accept({
        type: 'meeting.opened',
        at: now,
        seriesId: command.seriesId,
        key: command.key,
        sessionId: command.sessionId,
        joinCode: command.joinCode,
        hostMemberId,
        hostParticipantId: command.hostParticipantId,
        ...(memberId !== null ? { by: memberId } : {}),
      });
    }
    case 'meeting.join': {
      // CI17: a member enters as themselves; visitors join the session by name instead (CI19).
      if (memberId === null || command.memberId !== memberId) {
        return refuse('forbidden', 'a member enters a meeting only as themselves');
      }
      if (!meeting) return refuse('not_found', 'this meeting has no session yet');
      const known = meeting.participants[memberId];
      if (known === command.participantId) return unchanged();
      if (known !== undefined) return refuse('conflict', 'you are in this meeting already');
      return accept({
        type: 'meeting.joined',
        at: now,
        seriesId: command.seriesId,
        key: command.key,
        memberId,
        participantId: command.participantId,
        role: meetingRoleOf(state, memberId),
      });
    }
  }
}
