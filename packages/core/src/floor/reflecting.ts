import type { CommandOf, EventOf, FloorState } from '@kring/protocol';
import { accept, type Ctx, type Decision, unchanged } from '../decision';
import { type FloorOf, refuseIneligibleList, wrongMode } from './engine';

/**
 * Reflecting team (Open Dialogue, F-T rules): in phase `team` the team reflects aloud while the
 * others listen; in phase `others` the others respond to what they heard.
 */

type Reflecting = FloorOf<'reflecting'>;
type ReflectingCommand = CommandOf<'reflecting.setTeam' | 'reflecting.setPhase'>;
export type ReflectingEvent = EventOf<'reflecting.teamChanged' | 'reflecting.phaseChanged'>;

const sameMembers = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export function decideReflecting(
  ctx: Ctx,
  scope: string,
  floor: FloorState,
  command: ReflectingCommand,
): Decision {
  if (floor.mode !== 'reflecting') return wrongMode(floor, 'reflecting');
  const base = { at: ctx.now, scope, by: ctx.who.id };
  switch (command.type) {
    case 'reflecting.setTeam': {
      // F-T1: whoever runs the floor names the team, from people who take the floor.
      const invalid = refuseIneligibleList(ctx.state, command.teamIds, scope);
      if (invalid) return invalid;
      if (sameMembers(floor.team, command.teamIds)) return unchanged();
      return accept({ type: 'reflecting.teamChanged', ...base, team: command.teamIds });
    }
    case 'reflecting.setPhase':
      // F-T2
      if (floor.phase === command.phase) return unchanged();
      return accept({ type: 'reflecting.phaseChanged', ...base, phase: command.phase });
  }
}

export function evolveReflecting(floor: Reflecting, event: ReflectingEvent): Reflecting {
  switch (event.type) {
    case 'reflecting.teamChanged':
      return { ...floor, team: event.team };
    case 'reflecting.phaseChanged':
      return { ...floor, phase: event.phase };
  }
}

/** RO6: someone who leaves the floor leaves the team. */
export function dropFromReflecting(floor: Reflecting, participantId: string): Reflecting {
  return floor.team.includes(participantId)
    ? { ...floor, team: floor.team.filter((id) => id !== participantId) }
    : floor;
}
