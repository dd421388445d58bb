import {
  CIRCLE_LIMITS,
  type CircleCommand,
  type CircleCommandOf,
  type CircleState,
  type NewCircleEvent,
  type SeriesPlan,
  type SeriesState,
} from '@kring/protocol';
import { SeriesPlanError, exceptionProblem, plannedDates, timeZoneOf } from '../series/occurrences';
import { timeZoneProblem } from './create';
import { type MeetingCommand, type VisitorActor, decideMeeting, isMeetingCommand } from './meetings';
import {
  type RegistrationCommand,
  decideRegistration,
  isRegistrationCommand,
  setRegistration,
} from './registrations';
import { planProblem, replan } from './series';
import { type CircleActor, type CircleDecision, accept, hostsOf, refuse, unchanged } from './state';

/**
 * (state, command, actor, now) → events | refusal for circles (CI rules in SPEC.md). Pure and
 * clock-free; ids of created things come in the command (`assignCircleIds`).
 */

/** CI3: what a member may do about themselves; everything else is for hosts. */
const SELF_SERVICE = new Set<CircleCommand['type']>(['member.remove', 'member.rename', 'member.newLink']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** CI6: a plan as stored: its time zone in canonical spelling, after SE1 let it pass. */
const canonical = (plan: SeriesPlan): SeriesPlan => ({ ...plan, timeZone: timeZoneOf(plan.timeZone) });

export function decideCircle(
  state: CircleState,
  command: CircleCommand | MeetingCommand | RegistrationCommand,
  actor: CircleActor | VisitorActor,
  now: number,
): CircleDecision {
  // CI21–CI25: registrations are decided here but kept outside the log (the server's commands).
  if (isRegistrationCommand(command)) return decideRegistration(state, command, now);
  // CI16–CI19: meetings have rules of their own (visitors may open one).
  if (isMeetingCommand(command)) return decideMeeting(state, command, actor, now);
  if (!('memberId' in actor)) return refuse('unauthorized', 'you are not a member of this circle');
  // CI2: only members act.
  const who = state.members[actor.memberId];
  if (!who) return refuse('unauthorized', 'you are not a member of this circle');
  // CI3: hosts change the circle, its members and its series; a member only themselves. Checked
  // before anything else, so a refusal tells nothing about the circle.
  const self = 'memberId' in command && command.memberId === actor.memberId;
  if (who.role !== 'host' && !(SELF_SERVICE.has(command.type) && self)) {
    return refuse('forbidden', 'only the hosts of the circle can do this');
  }
  const by = actor.memberId;
  const at = now;
  switch (command.type) {
    case 'circle.update':
      return updateCircle(state, command, by, at);
    case 'member.invite': {
      if (!command.memberId) return refuse('bad_request', 'a new member needs the id the server assigns');
      if (state.members[command.memberId]) return refuse('conflict', 'a member with this id exists');
      // CI5
      if (Object.keys(state.members).length >= CIRCLE_LIMITS.membersMax) {
        return refuse('full', `a circle has at most ${CIRCLE_LIMITS.membersMax} members`);
      }
      return accept({
        type: 'member.added',
        at,
        memberId: command.memberId,
        name: command.name,
        role: command.role,
        by,
      });
    }
    case 'member.remove': {
      const member = state.members[command.memberId];
      if (!member) return refuse('not_found', 'no such member in this circle');
      // CI4: the last host cannot leave or be removed.
      if (member.role === 'host' && hostsOf(state).length === 1) {
        return refuse('conflict', 'a circle keeps at least one host: make someone else a host first');
      }
      return accept({ type: 'member.removed', at, memberId: command.memberId, by });
    }
    case 'member.rename': {
      const member = state.members[command.memberId];
      if (!member) return refuse('not_found', 'no such member in this circle');
      if (member.name === command.name) return unchanged();
      return accept({ type: 'member.renamed', at, memberId: command.memberId, name: command.name, by });
    }
    case 'member.setRole': {
      const member = state.members[command.memberId];
      if (!member) return refuse('not_found', 'no such member in this circle');
      if (member.role === command.role) return unchanged();
      if (member.role === 'host' && hostsOf(state).length === 1) {
        return refuse('conflict', 'a circle keeps at least one host: make someone else a host first');
      }
      return accept({ type: 'member.roleChanged', at, memberId: command.memberId, role: command.role, by });
    }
    case 'member.newLink': {
      const member = state.members[command.memberId];
      if (!member) return refuse('not_found', 'no such member in this circle');
      // CI13: always recorded — the new epoch is what makes the old link stop working.
      return accept({
        type: 'member.linkRenewed',
        at,
        memberId: command.memberId,
        epoch: member.epoch + 1,
        by,
      });
    }
    case 'series.add':
      return addSeries(state, command, by, at);
    case 'series.update':
      return updateSeries(state, command, by, at);
    case 'series.setException':
      return setException(state, command, by, at);
    case 'series.setRegistration':
      return setRegistration(state, command, by, at);
    case 'series.remove':
      if (!state.series[command.seriesId]) return refuse('not_found', 'no such series in this circle');
      return accept({ type: 'series.removed', at, seriesId: command.seriesId, by });
    case 'circleBoard.add': {
      if (!command.boardId) return refuse('bad_request', 'a new board needs the id the server assigns');
      if (state.boards[command.boardId]) return refuse('conflict', 'a board with this id exists');
      // CI26
      if (Object.keys(state.boards).length >= CIRCLE_LIMITS.boardsMax) {
        return refuse('too_large', `a circle has at most ${CIRCLE_LIMITS.boardsMax} lasting boards`);
      }
      const { boardId, title, templateId, columns } = command;
      // As a session's board (BD1): the `columns` template is made of the columns it is given.
      if (templateId === 'columns' && !columns) return refuse('bad_request', 'Name at least one column.');
      return accept({
        type: 'circleBoard.added',
        at,
        boardId,
        title,
        templateId,
        ...(templateId === 'columns' && columns ? { columns } : {}),
        by,
      });
    }
    case 'circleBoard.remove':
      // CI27
      if (!state.boards[command.boardId]) return refuse('not_found', 'no such board in this circle');
      return accept({ type: 'circleBoard.removed', at, boardId: command.boardId, by });
  }
}

function updateCircle(
  state: CircleState,
  command: CircleCommandOf<'circle.update'>,
  by: string,
  at: number,
): CircleDecision {
  if (command.timeZone !== undefined) {
    const problem = timeZoneProblem(command.timeZone);
    if (problem) return refuse('bad_request', problem);
  }
  // CI1: a time zone is kept in its canonical spelling ("europe/amsterdam" is Europe/Amsterdam).
  const asked = {
    ...command,
    ...(command.timeZone !== undefined ? { timeZone: timeZoneOf(command.timeZone) } : {}),
  };
  const changes = Object.fromEntries(
    (['title', 'description', 'retentionDays', 'timeZone', 'locale'] as const)
      .filter((field) => asked[field] !== undefined && asked[field] !== state[field])
      .map((field) => [field, asked[field]]),
  );
  if (Object.keys(changes).length === 0) return unchanged();
  return accept({ type: 'circle.updated', at, ...changes, by } as NewCircleEvent);
}

function addSeries(
  state: CircleState,
  command: CircleCommandOf<'series.add'>,
  by: string,
  at: number,
): CircleDecision {
  if (!command.seriesId) return refuse('bad_request', 'a new series needs the id the server assigns');
  if (state.series[command.seriesId]) return refuse('conflict', 'a series with this id exists');
  // CI5
  if (Object.keys(state.series).length >= CIRCLE_LIMITS.seriesMax) {
    return refuse('too_large', `a circle has at most ${CIRCLE_LIMITS.seriesMax} series`);
  }
  // CI6
  const problem = planProblem(command.plan);
  if (problem) return refuse('bad_request', problem);
  return accept({
    type: 'series.added',
    at,
    seriesId: command.seriesId,
    title: command.title,
    description: command.description ?? '',
    plan: canonical(command.plan),
    visibility: command.visibility,
    language: command.language ?? state.locale,
    accessibility: command.accessibility ?? '',
    ...(command.templateId !== undefined ? { templateId: command.templateId } : {}),
    by,
  });
}

const SERIES_FIELDS = ['title', 'description', 'visibility', 'language', 'accessibility'] as const;

function updateSeries(
  state: CircleState,
  command: CircleCommandOf<'series.update'>,
  by: string,
  at: number,
): CircleDecision {
  const series = state.series[command.seriesId];
  if (!series) return refuse('not_found', 'no such series in this circle');
  const changes: Partial<Record<(typeof SERIES_FIELDS)[number], string>> = {};
  for (const field of SERIES_FIELDS) {
    const value = command[field];
    if (value !== undefined && value !== series[field]) changes[field] = value;
  }
  // CI16: a series' template changes the sessions of meetings opened from now on; null is blank.
  const templateChange =
    command.templateId !== undefined && command.templateId !== (series.templateId ?? null)
      ? { templateId: command.templateId }
      : {};
  let planChanges: Partial<Pick<SeriesState, 'plan' | 'exceptions' | 'sequences' | 'revision'>> = {};
  const problem = command.plan === undefined ? null : planProblem(command.plan);
  if (problem) return refuse('bad_request', problem);
  const plan = command.plan === undefined ? undefined : canonical(command.plan);
  if (plan !== undefined && !same(plan, series.plan)) {
    // CI6 above, then CI8/CI9.
    const next = replan(series, plan);
    if (!next.ok) return refuse('conflict', next.message);
    planChanges = {
      plan,
      exceptions: next.exceptions,
      sequences: next.sequences,
      revision: next.revision,
    };
  }
  if (
    Object.keys(changes).length === 0 &&
    Object.keys(planChanges).length === 0 &&
    Object.keys(templateChange).length === 0
  ) {
    return unchanged();
  }
  return accept({
    type: 'series.updated',
    at,
    seriesId: series.id,
    ...changes,
    ...templateChange,
    ...planChanges,
    by,
  } as NewCircleEvent);
}

function setException(
  state: CircleState,
  command: CircleCommandOf<'series.setException'>,
  by: string,
  at: number,
): CircleDecision {
  const series = state.series[command.seriesId];
  if (!series) return refuse('not_found', 'no such series in this circle');
  const { key, exception } = command;
  // CI7 (SE5): only a date the plan has.
  if (!plannedDates(series.plan).some((d) => d.toString() === key)) {
    return refuse('not_found', `the series has no meeting planned on ${key}`);
  }
  if (same(series.exceptions[key] ?? null, exception)) return unchanged();
  if (exception !== null) {
    let problem: string | null;
    try {
      problem = exceptionProblem(series.plan, series.exceptions, key, exception);
    } catch (err) {
      // SE1: a move to a date that is not one (2027-02-30).
      if (err instanceof SeriesPlanError) return refuse('bad_request', err.message);
      throw err;
    }
    if (problem) return refuse('conflict', problem);
  }
  // CI8: the meeting's time or status changes, so its SEQUENCE goes up.
  return accept({
    type: 'series.exceptionSet',
    at,
    seriesId: series.id,
    key,
    exception,
    sequence: series.revision + 1,
    by,
  });
}
