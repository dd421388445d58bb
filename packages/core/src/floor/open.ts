import type { CommandOf, EventOf, FloorState, Hand } from '@kring/protocol';
import { accept, type Ctx, type Decision, isPresent, refuse, unchanged } from '../decision';
import { runsFloor } from '../breakouts/room-floor';
import { type FloorOf, refuseIneligible, refuseSpectator, turnOf, wrongMode } from './engine';

/** Open floor with a hand-raise queue (F-Q rules). */

type Open = FloorOf<'open'>;
type OpenCommand = CommandOf<'hand.raise' | 'hand.lower' | 'floor.give' | 'floor.endTurn'>;
export type OpenEvent = EventOf<'hand.raised' | 'hand.lowered' | 'floor.given' | 'floor.turnEnded'>;

/**
 * F-Q2/F-Q3: the queue as it will be served. In raise order; with `quietFirst` (progressive
 * stack) people with fewer finished turns on this floor move ahead, ties keep raise order. A pure
 * function of the floor, so every screen shows the same queue.
 */
export function queueOrder(floor: Open): Hand[] {
  if (!floor.quietFirst) return floor.hands;
  const turns = (h: Hand) => floor.balance[h.participantId]?.turns ?? 0;
  // Array.prototype.sort is stable, so equal turn counts keep their raise order.
  return [...floor.hands].sort((a, b) => turns(a) - turns(b));
}

const hasHand = (floor: Open, participantId: string) =>
  floor.hands.some((h) => h.participantId === participantId);

export function decideOpen(ctx: Ctx, scope: string, floor: FloorState, command: OpenCommand): Decision {
  if (floor.mode !== 'open') return wrongMode(floor, 'open');
  const at = ctx.now;
  const me = ctx.who.id;
  switch (command.type) {
    case 'hand.raise': {
      // F-Q1: raising twice is one raised hand.
      const spectator = refuseSpectator(ctx);
      if (spectator) return spectator;
      if (hasHand(floor, me)) return unchanged();
      return accept({ type: 'hand.raised', at, scope, participantId: me });
    }
    case 'hand.lower': {
      // F-Q1/F-Q6: your own hand, or (whoever runs the floor, BR15) anyone's.
      const target = command.participantId ?? me;
      if (target !== me && !runsFloor(ctx.state, me, scope)) {
        return refuse('forbidden', "only facilitators lower someone else's hand");
      }
      if (!hasHand(floor, target)) return unchanged();
      return accept({ type: 'hand.lowered', at, scope, participantId: target, by: me });
    }
    case 'floor.give': {
      // F-Q4: to the next in the queue who is still here, or to anyone the facilitator names.
      const target =
        command.participantId ??
        queueOrder(floor).find((h) => isPresent(ctx, h.participantId))?.participantId;
      if (!target) return refuse('conflict', 'nobody is waiting for the floor');
      const ineligible = refuseIneligible(ctx.state, target, scope);
      if (ineligible) return ineligible;
      if (floor.speaker?.participantId === target) return unchanged();
      return accept({ type: 'floor.given', at, scope, participantId: target, by: me });
    }
    case 'floor.endTurn': {
      // F-Q5: the speaker ends their own turn; whoever runs the floor (BR15) may end anyone's.
      const speaker = floor.speaker;
      if (!speaker) return unchanged();
      if (speaker.participantId !== me && !runsFloor(ctx.state, me, scope)) {
        return refuse('forbidden', 'only the speaker or a facilitator ends this turn');
      }
      return accept({ type: 'floor.turnEnded', at, scope, participantId: speaker.participantId, by: me });
    }
  }
}

export function evolveOpen(floor: Open, event: OpenEvent): Open {
  switch (event.type) {
    case 'hand.raised':
      if (hasHand(floor, event.participantId)) return floor;
      return {
        ...floor,
        hands: [...floor.hands, { participantId: event.participantId, raisedAt: event.at }],
      };
    case 'hand.lowered':
      return { ...floor, hands: floor.hands.filter((h) => h.participantId !== event.participantId) };
    case 'floor.given':
      // Getting the floor answers your raised hand.
      return {
        ...floor,
        hands: floor.hands.filter((h) => h.participantId !== event.participantId),
        speaker: turnOf(event.participantId, event.at),
      };
    case 'floor.turnEnded':
      return floor.speaker?.participantId === event.participantId ? { ...floor, speaker: null } : floor;
  }
}

/** RO6: someone who leaves the floor loses their hand and, if speaking, their turn. */
export function dropFromOpen(floor: Open, participantId: string): Open {
  return {
    ...floor,
    hands: floor.hands.filter((h) => h.participantId !== participantId),
    speaker: floor.speaker?.participantId === participantId ? null : floor.speaker,
  };
}
