import type { CommandOf, EventOf, FloorState } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import { type FloorOf, refuseIneligible, refuseSpectator, wrongMode } from './engine';

/** Fishbowl (F-F rules): N seats in the inner circle; the inner circle speaks, the rest listens. */

type Fishbowl = FloorOf<'fishbowl'>;
type FishbowlCommand = CommandOf<
  'fishbowl.enter' | 'fishbowl.leave' | 'fishbowl.setSeats' | 'fishbowl.invite' | 'fishbowl.release'
>;
export type FishbowlEvent = EventOf<'fishbowl.seated' | 'fishbowl.unseated' | 'fishbowl.seatsChanged'>;

const isSeated = (floor: Fishbowl, participantId: string) =>
  floor.inner.some((s) => s.participantId === participantId);

export function decideFishbowl(
  ctx: Ctx,
  scope: string,
  floor: FloorState,
  command: FishbowlCommand,
): Decision {
  if (floor.mode !== 'fishbowl') return wrongMode(floor, 'fishbowl');
  const at = ctx.now;
  const me = ctx.who.id;
  const seat = (participantId: string): Decision => {
    if (isSeated(floor, participantId)) return unchanged();
    if (floor.inner.length >= floor.seats) return refuse('full', `all ${floor.seats} seats are taken`);
    return accept({ type: 'fishbowl.seated', at, scope, participantId, by: me });
  };
  const unseat = (participantId: string): Decision =>
    isSeated(floor, participantId)
      ? accept({ type: 'fishbowl.unseated', at, scope, participantId, by: me })
      : unchanged();
  switch (command.type) {
    case 'fishbowl.enter': {
      // F-F1: step into a free seat; a full circle refuses with `full`.
      const spectator = refuseSpectator(ctx);
      return spectator ?? seat(me);
    }
    case 'fishbowl.leave':
      // F-F2
      return unseat(me);
    case 'fishbowl.setSeats': {
      // F-F3: shrinking below the people seated releases the latest to sit down.
      if (command.seats === floor.seats) return unchanged();
      const released = floor.inner.slice(command.seats).map((s) => s.participantId);
      return accept({ type: 'fishbowl.seatsChanged', at, scope, seats: command.seats, released, by: me });
    }
    case 'fishbowl.invite': {
      // F-F4
      const ineligible = refuseIneligible(ctx.state, command.participantId, scope);
      return ineligible ?? seat(command.participantId);
    }
    case 'fishbowl.release':
      // F-F4
      return unseat(command.participantId);
  }
}

export function evolveFishbowl(floor: Fishbowl, event: FishbowlEvent): Fishbowl {
  switch (event.type) {
    case 'fishbowl.seated':
      if (isSeated(floor, event.participantId)) return floor;
      return { ...floor, inner: [...floor.inner, { participantId: event.participantId, since: event.at }] };
    case 'fishbowl.unseated':
      return dropFromFishbowl(floor, event.participantId);
    case 'fishbowl.seatsChanged': {
      const released = new Set(event.released);
      return {
        ...floor,
        seats: event.seats,
        inner: floor.inner.filter((s) => !released.has(s.participantId)),
      };
    }
  }
}

/** RO6: someone who leaves the floor frees their seat. */
export function dropFromFishbowl(floor: Fishbowl, participantId: string): Fishbowl {
  return { ...floor, inner: floor.inner.filter((s) => s.participantId !== participantId) };
}
