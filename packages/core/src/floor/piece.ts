import type { CommandOf, EventOf, FloorState } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import { runsFloor } from '../breakouts/room-floor';
import { type FloorOf, refuseIneligible, refuseSpectator, turnOf, wrongMode } from './engine';

/** The talking piece (F-P rules): whoever holds it speaks; `speaker` is the holder. */

type Piece = FloorOf<'piece'>;
type PieceCommand = CommandOf<'piece.pass' | 'piece.take'>;
export type PieceEvent = EventOf<'piece.passed'>;

export function decidePiece(ctx: Ctx, scope: string, floor: FloorState, command: PieceCommand): Decision {
  if (floor.mode !== 'piece') return wrongMode(floor, 'piece');
  const me = ctx.who.id;
  const holder = floor.speaker?.participantId ?? null;
  const passTo = (to: string | null) => accept({ type: 'piece.passed', at: ctx.now, scope, to, by: me });
  switch (command.type) {
    case 'piece.pass': {
      // F-P1: the holder hands it to anyone or back to the centre. F-P3: whoever runs the floor
      // (facilitators; in a room, BR15) may move it any time.
      if (holder !== me && !runsFloor(ctx.state, me, scope)) {
        return refuse('forbidden', 'only the holder of the piece passes it on');
      }
      if (command.to !== null) {
        const ineligible = refuseIneligible(ctx.state, command.to, scope);
        if (ineligible) return ineligible;
      }
      return command.to === holder ? unchanged() : passTo(command.to);
    }
    case 'piece.take': {
      // F-P2: anyone takes it from the centre. F-P3: whoever runs the floor may take it back.
      const spectator = refuseSpectator(ctx);
      if (spectator) return spectator;
      if (holder === me) return unchanged();
      if (holder !== null && !runsFloor(ctx.state, me, scope)) {
        return refuse('conflict', 'someone holds the piece; wait until it comes back to the centre');
      }
      return passTo(me);
    }
  }
}

export function evolvePiece(floor: Piece, event: PieceEvent): Piece {
  if ((floor.speaker?.participantId ?? null) === event.to) return floor;
  return { ...floor, speaker: event.to === null ? null : turnOf(event.to, event.at) };
}

/** RO6: a holder who leaves the floor puts the piece back in the centre. */
export function dropFromPiece(floor: Piece, participantId: string): Piece {
  return floor.speaker?.participantId === participantId ? { ...floor, speaker: null } : floor;
}
