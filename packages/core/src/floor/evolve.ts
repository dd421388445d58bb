import type { EventOf, FloorState } from '@kring/protocol';
import { settle } from '../balance/balance';
import type { SessionState } from '../state';
import { dropFromFishbowl, evolveFishbowl, type FishbowlEvent } from './fishbowl';
import { dropFromOpen, evolveOpen, type OpenEvent } from './open';
import { dropFromPiece, evolvePiece, type PieceEvent } from './piece';
import { dropFromReflecting, evolveReflecting, type ReflectingEvent } from './reflecting';
import { dropFromRound, evolveRound, type RoundEvent } from './round';
import { evolveOptions, startedFloor } from './start';

export type FloorEvent =
  | EventOf<'floor.started' | 'floor.optionsChanged'>
  | OpenEvent
  | RoundEvent
  | PieceEvent
  | FishbowlEvent
  | ReflectingEvent;

/** Applies a floor event to its scope's floor, then settles the speaking balance (B1, B2). */
export function evolveFloor(state: SessionState, event: FloorEvent): SessionState {
  const before = state.floors[event.scope];
  if (!before) return state;
  const counts = !(event.type === 'round.turnRecorded' && event.outcome !== 'spoke');
  const after = settle(before, applyTo(before, event), event.at, counts);
  return { ...state, floors: { ...state.floors, [event.scope]: after } };
}

/** An event meant for another mode than the floor is in changes nothing (the mode moved on). */
function applyTo(floor: FloorState, event: FloorEvent): FloorState {
  switch (event.type) {
    case 'floor.started':
      return startedFloor(floor, event.setup, event.at);
    case 'floor.optionsChanged':
      return evolveOptions(floor, event);
    case 'hand.raised':
    case 'hand.lowered':
    case 'floor.given':
    case 'floor.turnEnded':
      return floor.mode === 'open' ? evolveOpen(floor, event) : floor;
    case 'round.turnRecorded':
      return floor.mode === 'round' ? evolveRound(floor, event) : floor;
    case 'piece.passed':
      return floor.mode === 'piece' ? evolvePiece(floor, event) : floor;
    case 'fishbowl.seated':
    case 'fishbowl.unseated':
    case 'fishbowl.seatsChanged':
      return floor.mode === 'fishbowl' ? evolveFishbowl(floor, event) : floor;
    case 'reflecting.teamChanged':
    case 'reflecting.phaseChanged':
      return floor.mode === 'reflecting' ? evolveReflecting(floor, event) : floor;
  }
}

/**
 * RO6: someone removed, or made observer or captioner, leaves every floor at once: hand lowered,
 * round turn skipped, piece back to the centre, seat freed, team left. Done by the reducer so the
 * same event does it on every copy of the state.
 */
export function dropFromFloors(state: SessionState, participantId: string, at: number): SessionState {
  const floors: Record<string, FloorState> = {};
  for (const [scope, floor] of Object.entries(state.floors)) {
    // A round turn cut short this way is a skip, and skips are not speaking time (B2).
    floors[scope] = settle(floor, dropFrom(floor, participantId, at), at, floor.mode !== 'round');
  }
  return { ...state, floors };
}

function dropFrom(floor: FloorState, participantId: string, at: number): FloorState {
  switch (floor.mode) {
    case 'open':
      return dropFromOpen(floor, participantId);
    case 'round':
      return dropFromRound(floor, participantId, at);
    case 'piece':
      return dropFromPiece(floor, participantId);
    case 'fishbowl':
      return dropFromFishbowl(floor, participantId);
    case 'reflecting':
      return dropFromReflecting(floor, participantId);
  }
}
