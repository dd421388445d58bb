import { type SessionState, decideCircle, occurrences, sessionTemplateIn, tokenEpochOf } from '@kring/core';
import { type CircleEventOf, type CircleState, type ErrorBody, LIMITS, type Role } from '@kring/protocol';
import { newId } from '../ids';
import type { BoardCommands } from '../sessions/board-commands';
import type { SessionService } from '../sessions/service';
import { meetingEntry } from './meeting-entry';
import type { CircleService, CircleTurn } from './service';

/**
 * A meeting of a series as a live Kring session (issue 16, CI16–CI19). Everything about one
 * circle runs in that circle's queue, so a meeting gets one session even when many ask at once.
 * Core decides who may open and enter when; this makes the session and the participants.
 */

export interface MeetingDeps {
  circles: CircleService;
  sessions: Pick<SessionService, 'create' | 'get' | 'record'>;
  /** S2: a session from a template, its boards set up. */
  commands: Pick<BoardCommands, 'createFromTemplate'>;
}

type Failure = { ok: false; error: ErrorBody };

/** A member's way into a meeting: whom to sign a session token for. */
export type MeetingEntry =
  | { ok: true; sessionId: string; joinCode: string; participantId: string; role: Role; epoch: number }
  | Failure;

type Meeting = CircleState['meetings'][string];
type Ready = { ok: true; state: CircleState; meeting: Meeting; session: SessionState } | Failure;
type Actor = { memberId: string } | { visitor: true };

const NO_CIRCLE: Failure = { ok: false, error: { code: 'not_found', message: 'no such circle' } };
/** CI16: the session of a meeting that was deleted on its own (its retention, or a host). */
const SESSION_GONE: Failure = {
  ok: false,
  error: {
    code: 'not_found',
    message: "this meeting's session was deleted (its retention ended or a host deleted it)",
  },
};
const REMOVED: Failure = {
  ok: false,
  error: { code: 'forbidden', message: 'a facilitator removed you from this meeting' },
};

/** The meeting's record (its key in the state is core's business, so it is looked up by value). */
export const meetingRecord = (state: CircleState, seriesId: string, key: string): Meeting | undefined =>
  Object.values(state.meetings).find((m) => m.seriesId === seriesId && m.key === key);

/** "<series title> — <date>", within the session title's limit (the series' title gives way). */
export function meetingTitle(seriesTitle: string, localDate: string): string {
  const tail = ` — ${localDate}`;
  const room = LIMITS.titleMax - tail.length;
  const head = seriesTitle.length > room ? `${seriesTitle.slice(0, room - 1).trimEnd()}…` : seriesTitle;
  return head + tail;
}

export class MeetingRooms {
  constructor(private readonly deps: MeetingDeps) {}

  /**
   * CI16/CI17: a member (or host) enters a meeting: its session is made if it has none, and they
   * get the same participant every time.
   */
  enter(circleId: string, seriesId: string, key: string, memberId: string): Promise<MeetingEntry> {
    return this.deps.circles.serialised(circleId, async (turn) => {
      const ready = await this.ready(turn, seriesId, key, { memberId });
      if (!ready.ok) return ready;
      const { state, meeting, session } = ready;
      const known = meeting.participants[memberId];
      if (known !== undefined) return this.again(session, known);
      // CI17: the same participant in every meeting of the circle, so their lasting notes stay theirs.
      const participantId = memberId;
      const now = this.deps.circles.now();
      const decided = decideCircle(
        state,
        { type: 'meeting.join', seriesId, key, memberId, participantId },
        { memberId },
        now,
      );
      if (!decided.ok) return decided;
      const joined = decided.events.find(
        (e): e is Omit<CircleEventOf<'meeting.joined'>, 'v'> => e.type === 'meeting.joined',
      );
      if (!joined) return this.again(session, participantId);
      const displayName = state.members[memberId]?.name ?? '';
      const entered = await this.deps.sessions.record(session.sessionId, (s, at) =>
        meetingEntry(s, { participantId, displayName, role: joined.role, now: at }),
      );
      if (!entered.ok) return entered;
      await turn.append(decided.events);
      const fresh = (await this.deps.sessions.get(session.sessionId)) ?? session;
      return {
        ok: true,
        sessionId: session.sessionId,
        joinCode: fresh.joinCode,
        participantId,
        role: joined.role,
        // Someone new starts at token epoch 0 (J5).
        epoch: 0,
      };
    });
  }

  /**
   * CI23: a registrant enters the meeting's session (made as a visitor would, CI19) as a
   * participant with their registered name; `known` is the participant they were before (the same
   * one every time), `remember` keeps a new one with their registration.
   */
  enterAsRegistrant(
    circleId: string,
    seriesId: string,
    key: string,
    registrant: {
      displayName: string;
      known: string | null;
      remember: (participantId: string) => Promise<void>;
    },
  ): Promise<MeetingEntry> {
    return this.deps.circles.serialised(circleId, async (turn) => {
      const ready = await this.ready(turn, seriesId, key, { visitor: true });
      if (!ready.ok) return ready;
      const { session } = ready;
      if (registrant.known !== null && session.participants[registrant.known]) {
        return this.again(session, registrant.known);
      }
      const participantId = newId();
      const entered = await this.deps.sessions.record(session.sessionId, (s, at) =>
        meetingEntry(s, { participantId, displayName: registrant.displayName, role: 'participant', now: at }),
      );
      if (!entered.ok) {
        // CI18's refusal tells a member to rename themselves in the circle; a registrant cannot.
        if (entered.error.code !== 'name_taken') return entered;
        const message = 'a facilitator of this meeting has your name: ask the hosts to help you in';
        return { ok: false, error: { code: 'name_taken', message } };
      }
      await registrant.remember(participantId);
      const fresh = (await this.deps.sessions.get(session.sessionId)) ?? session;
      return {
        ok: true,
        sessionId: session.sessionId,
        joinCode: fresh.joinCode,
        participantId,
        role: 'participant',
        epoch: 0,
      };
    });
  }

  /** CI19: a visitor opens a live meeting (its join is open); the session's current join code. */
  async openForVisitors(
    circleId: string,
    seriesId: string,
    key: string,
  ): Promise<{ ok: true; joinCode: string } | Failure> {
    return this.deps.circles.serialised(circleId, async (turn) => {
      const ready = await this.ready(turn, seriesId, key, { visitor: true });
      return ready.ok ? { ok: true, joinCode: ready.session.joinCode } : ready;
    });
  }

  /**
   * CI19: the current join code of a meeting's session for the event page, or null when it has no
   * session (yet, or any more). Reads only: never makes a session.
   */
  async liveJoinCode(state: CircleState, seriesId: string, key: string): Promise<string | null> {
    const meeting = meetingRecord(state, seriesId, key);
    if (!meeting) return null;
    return (await this.deps.sessions.get(meeting.sessionId))?.joinCode ?? null;
  }

  /** CI17: the member's participant from before, with a token at its current epoch (J5). */
  private again(session: SessionState, participantId: string): MeetingEntry {
    const p = session.participants[participantId];
    if (!p || p.removed) return REMOVED;
    return {
      ok: true,
      sessionId: session.sessionId,
      joinCode: session.joinCode,
      participantId,
      role: p.role,
      epoch: tokenEpochOf(session, participantId),
    };
  }

  /**
   * CI16: the meeting's session, made now if it has none. Core is asked first with empty session
   * ids (it is pure): its answer refuses, records nothing (opened already) or names the session's
   * host; then the session is made and core asked again with its ids, and that is recorded.
   */
  private async ready(turn: CircleTurn, seriesId: string, key: string, actor: Actor): Promise<Ready> {
    const state = await turn.state();
    if (!state) return NO_CIRCLE;
    const now = this.deps.circles.now();
    const ask = (sessionId: string, joinCode: string, hostParticipantId: string) =>
      decideCircle(
        state,
        { type: 'meeting.open', seriesId, key, sessionId, joinCode, hostParticipantId },
        actor,
        now,
      );
    const planned = ask('', '', '');
    if (!planned.ok) return planned;
    const opened = planned.events.find(
      (e): e is Omit<CircleEventOf<'meeting.opened'>, 'v'> => e.type === 'meeting.opened',
    );
    if (!opened) {
      const meeting = meetingRecord(state, seriesId, key);
      if (!meeting) return NO_CIRCLE;
      const session = await this.deps.sessions.get(meeting.sessionId);
      return session ? { ok: true, state, meeting, session } : SESSION_GONE;
    }
    const series = state.series[seriesId];
    const occurrence = series && occurrences(series.plan, series.exceptions).find((o) => o.key === key);
    const hostName = state.members[opened.hostMemberId]?.name;
    if (!series || !occurrence || hostName === undefined) return NO_CIRCLE;
    const title = meetingTitle(series.title, occurrence.localDate);
    const locale = series.language;
    const template = series.templateId ? sessionTemplateIn(series.templateId, locale) : undefined;
    // CI17/CI26: the host is their member id; the circle's lasting boards come after the session's own.
    const setup = {
      hostId: opened.hostMemberId,
      lastingBoards: Object.values(state.boards).sort((a, b) => a.createdAt - b.createdAt),
    };
    const created = template
      ? await this.deps.commands.createFromTemplate(title, template, hostName, locale, setup)
      : await this.deps.sessions.create(title, hostName, undefined, locale, setup);
    const decided = ask(created.state.sessionId, created.state.joinCode, created.hostId);
    if (!decided.ok) return decided;
    const next = await turn.append(decided.events);
    const meeting = meetingRecord(next, seriesId, key);
    if (!meeting) return NO_CIRCLE;
    return { ok: true, state: next, meeting, session: created.state };
  }
}
