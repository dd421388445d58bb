import { mayUseScope } from '../breakouts/rules';
import type { Ctx, Decision } from '../decision';
import { refuse } from '../decision';
import { type FloorCommand, scopeOf } from './engine';
import { decideFishbowl } from './fishbowl';
import { decideOpen } from './open';
import { decidePiece } from './piece';
import { decideReflecting } from './reflecting';
import { decideRound } from './round';
import { decideOptions, decideStart } from './start';

/** Routes a floor command to its scope's floor and the mode that handles it. */
export function decideFloor(ctx: Ctx, command: FloorCommand): Decision {
  const scope = scopeOf(command);
  const floor = ctx.state.floors[scope];
  // F1: a floor exists per scope; unknown scopes are refused rather than created on the fly.
  if (!floor) return refuse('not_found', 'no such floor');
  // BR14: a room's floor is for its members (while open) and facilitators.
  if (!mayUseScope(ctx.state, ctx.who.id, scope)) return refuse('forbidden', 'this is another room');
  switch (command.type) {
    case 'floor.start':
      return decideStart(ctx, scope, command);
    case 'floor.setOptions':
      return decideOptions(ctx, scope, floor, command);
    case 'hand.raise':
    case 'hand.lower':
    case 'floor.give':
    case 'floor.endTurn':
      return decideOpen(ctx, scope, floor, command);
    case 'round.done':
    case 'round.pass':
    case 'round.skip':
      return decideRound(ctx, scope, floor, command);
    case 'piece.pass':
    case 'piece.take':
      return decidePiece(ctx, scope, floor, command);
    case 'fishbowl.enter':
    case 'fishbowl.leave':
    case 'fishbowl.setSeats':
    case 'fishbowl.invite':
    case 'fishbowl.release':
      return decideFishbowl(ctx, scope, floor, command);
    case 'reflecting.setTeam':
    case 'reflecting.setPhase':
      return decideReflecting(ctx, scope, floor, command);
  }
}
