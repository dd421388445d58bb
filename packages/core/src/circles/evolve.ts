import type { CircleEvent, CircleState } from '@kring/protocol';
import { meetingIdOf } from './meetings';
import { emptyCircle } from './state';

/**
 * (state, event) → state for circles. Pure; the server replays a circle's log with it. Like
 * sessions (R1), an event whose version is not the next one is a gap and is refused.
 */
export class CircleVersionGapError extends Error {
  constructor(
    readonly have: number,
    readonly got: number,
  ) {
    super(`expected circle event v${have + 1}, got v${got}`);
  }
}

export function evolveCircle(state: CircleState, event: CircleEvent): CircleState {
  if (event.v !== state.version + 1) throw new CircleVersionGapError(state.version, event.v);
  return { ...apply(state, event), version: event.v };
}

export function replayCircle(events: readonly CircleEvent[], from: CircleState = emptyCircle()): CircleState {
  return events.reduce(evolveCircle, from);
}

function apply(state: CircleState, e: CircleEvent): CircleState {
  switch (e.type) {
    case 'circle.created':
      return {
        ...state,
        id: e.circleId,
        code: e.code,
        title: e.title,
        description: e.description,
        timeZone: e.timeZone,
        locale: e.locale,
        retentionDays: e.retentionDays,
        createdAt: e.at,
      };
    case 'circle.updated': {
      const { title, description, retentionDays, timeZone, locale } = e;
      return {
        ...state,
        ...(title !== undefined ? { title } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(retentionDays !== undefined ? { retentionDays } : {}),
        ...(timeZone !== undefined ? { timeZone } : {}),
        ...(locale !== undefined ? { locale } : {}),
      };
    }
    case 'member.added':
      return {
        ...state,
        members: { ...state.members, [e.memberId]: { name: e.name, role: e.role, joinedAt: e.at, epoch: 0 } },
      };
    case 'member.removed': {
      const { [e.memberId]: _gone, ...members } = state.members;
      return { ...state, members };
    }
    case 'member.renamed':
      return withMember(state, e.memberId, { name: e.name });
    case 'member.roleChanged':
      return withMember(state, e.memberId, { role: e.role });
    case 'member.linkRenewed':
      return withMember(state, e.memberId, { epoch: e.epoch });
    case 'series.added':
      return {
        ...state,
        series: {
          ...state.series,
          [e.seriesId]: {
            id: e.seriesId,
            title: e.title,
            description: e.description,
            plan: e.plan,
            exceptions: {},
            sequences: {},
            revision: 0,
            visibility: e.visibility,
            language: e.language,
            accessibility: e.accessibility,
            ...(e.templateId !== undefined ? { templateId: e.templateId } : {}),
            createdAt: e.at,
          },
        },
      };
    case 'series.updated': {
      const series = state.series[e.seriesId];
      if (!series) return state;
      const { type: _t, v: _v, at: _at, by: _by, seriesId: _id, templateId, ...changes } = e;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const next = { ...series, ...defined };
      // `templateId: null` goes back to blank sessions: the field leaves the state.
      if (templateId === null) delete next.templateId;
      else if (templateId !== undefined) next.templateId = templateId;
      return { ...state, series: { ...state.series, [e.seriesId]: next } };
    }
    case 'series.registrationSet': {
      const series = state.series[e.seriesId];
      if (!series) return state;
      const { registration: _old, ...rest } = series;
      const next = e.registration === null ? rest : { ...rest, registration: e.registration };
      return { ...state, series: { ...state.series, [e.seriesId]: next } };
    }
    case 'series.exceptionSet': {
      const series = state.series[e.seriesId];
      if (!series) return state;
      const { [e.key]: _old, ...rest } = series.exceptions;
      const exceptions = e.exception === null ? rest : { ...rest, [e.key]: e.exception };
      return {
        ...state,
        series: {
          ...state.series,
          [e.seriesId]: {
            ...series,
            exceptions,
            sequences: { ...series.sequences, [e.key]: e.sequence },
            revision: e.sequence,
          },
        },
      };
    }
    case 'series.removed': {
      // Its meetings' records stay (CI16): deleting the circle still finds their sessions.
      const { [e.seriesId]: _gone, ...series } = state.series;
      return { ...state, series };
    }
    case 'meeting.opened':
      return {
        ...state,
        meetings: {
          ...state.meetings,
          [meetingIdOf(e.seriesId, e.key)]: {
            seriesId: e.seriesId,
            key: e.key,
            sessionId: e.sessionId,
            joinCode: e.joinCode,
            // The session's host is that circle host's participant from the start (CI16).
            participants: { [e.hostMemberId]: e.hostParticipantId },
            openedAt: e.at,
          },
        },
      };
    case 'meeting.joined': {
      const id = meetingIdOf(e.seriesId, e.key);
      const meeting = state.meetings[id];
      if (!meeting) return state;
      const participants = { ...meeting.participants, [e.memberId]: e.participantId };
      return { ...state, meetings: { ...state.meetings, [id]: { ...meeting, participants } } };
    }
    case 'circleBoard.added': {
      const board = { id: e.boardId, title: e.title, templateId: e.templateId, createdAt: e.at };
      return { ...state, boards: { ...state.boards, [e.boardId]: board } };
    }
    case 'circleBoard.removed': {
      const { [e.boardId]: _gone, ...boards } = state.boards;
      return { ...state, boards };
    }
  }
}

function withMember(
  state: CircleState,
  memberId: string,
  change: Partial<CircleState['members'][string]>,
): CircleState {
  const member = state.members[memberId];
  if (!member) return state;
  return { ...state, members: { ...state.members, [memberId]: { ...member, ...change } } };
}
