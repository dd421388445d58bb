import { CIRCLE_LIMITS, type CircleCommand, type Locale } from '@kring/protocol';
import { SeriesPlanError, timeZoneOf } from '../series/occurrences';
import { type CircleDecision, accept, refuse } from './state';

/** CI1: a time zone the time zone database knows (SE1), as a refusal message (null: fine). */
export function timeZoneProblem(name: string): string | null {
  try {
    timeZoneOf(name);
    return null;
  } catch (err) {
    if (err instanceof SeriesPlanError) return err.message;
    throw err;
  }
}

export interface NewCircle {
  circleId: string;
  code: string;
  title: string;
  description?: string;
  timeZone: string;
  locale?: Locale;
  hostId: string;
  hostName: string;
  now: number;
}

/**
 * CI1: a new circle and its first host (whoever creates it), in one batch: the circle keeps its
 * content `CIRCLE_LIMITS.retentionDaysDefault` days after its last meeting unless its hosts
 * choose otherwise, and speaks English unless told.
 */
export function createCircle(input: NewCircle): CircleDecision {
  const problem = timeZoneProblem(input.timeZone);
  if (problem) return refuse('bad_request', problem);
  return accept(
    {
      type: 'circle.created',
      at: input.now,
      circleId: input.circleId,
      code: input.code,
      title: input.title,
      description: input.description ?? '',
      timeZone: timeZoneOf(input.timeZone),
      locale: input.locale ?? 'en',
      retentionDays: CIRCLE_LIMITS.retentionDaysDefault,
    },
    {
      type: 'member.added',
      at: input.now,
      memberId: input.hostId,
      name: input.hostName,
      role: 'host',
      by: input.hostId,
    },
  );
}

/**
 * Fills in the ids of what a command creates, from the server's generators (core has no
 * randomness). It replaces any id a client sent, so nobody chooses (or collides with) an id.
 * Series ids come from their own generator: a link-only series is found by its id alone.
 */
export function assignCircleIds(
  command: CircleCommand,
  ids: { member: () => string; series: () => string; board: () => string },
): CircleCommand {
  switch (command.type) {
    case 'member.invite':
      return { ...command, memberId: ids.member() };
    case 'series.add':
      return { ...command, seriesId: ids.series() };
    case 'circleBoard.add':
      return { ...command, boardId: ids.board() };
    default:
      return command;
  }
}
