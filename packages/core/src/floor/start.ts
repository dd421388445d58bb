import type { CommandOf, EventOf, FloorSetup, FloorState } from '@kring/protocol';
import { accept, type Ctx, type Decision, unchanged } from '../decision';
import { refuseIneligible, refuseIneligibleList, turnOf, wrongMode } from './engine';
import { startedRound, startRound } from './round';

/**
 * F2: a facilitator starts a mode on a floor. Starting ends whatever turn was running and starts
 * the mode fresh (an empty queue, a new round); only the speaking balance carries over.
 */
export function decideStart(ctx: Ctx, scope: string, command: CommandOf<'floor.start'>): Decision {
  const setup = command.setup;
  const started = (concrete: FloorSetup) =>
    accept({ type: 'floor.started', at: ctx.now, scope, setup: concrete, by: ctx.who.id });
  switch (setup.mode) {
    case 'open':
      return started({
        mode: 'open',
        quietFirst: setup.quietFirst ?? false,
        softTurnMs: setup.softTurnMs ?? null,
      });
    case 'round':
      return startRound(ctx, scope, setup);
    case 'piece': {
      const holderId = setup.holderId ?? null;
      const ineligible = holderId === null ? null : refuseIneligible(ctx.state, holderId, scope);
      return ineligible ?? started({ mode: 'piece', holderId, softTurnMs: setup.softTurnMs ?? null });
    }
    case 'fishbowl':
      return started({ mode: 'fishbowl', seats: setup.seats });
    case 'reflecting': {
      const invalid = refuseIneligibleList(ctx.state, setup.teamIds, scope);
      return invalid ?? started({ mode: 'reflecting', team: setup.teamIds, phase: setup.phase ?? 'team' });
    }
  }
}

/** F6: soft time per turn for any mode; `quietFirst` belongs to the open floor. */
export function decideOptions(
  ctx: Ctx,
  scope: string,
  floor: FloorState,
  command: CommandOf<'floor.setOptions'>,
): Decision {
  if (command.quietFirst !== undefined && floor.mode !== 'open') return wrongMode(floor, 'open');
  const quietFirst =
    floor.mode === 'open' && command.quietFirst !== undefined && command.quietFirst !== floor.quietFirst
      ? { quietFirst: command.quietFirst }
      : {};
  const softTurnMs =
    command.softTurnMs !== undefined && command.softTurnMs !== floor.softTurnMs
      ? { softTurnMs: command.softTurnMs }
      : {};
  if (!('quietFirst' in quietFirst) && !('softTurnMs' in softTurnMs)) return unchanged();
  return accept({
    type: 'floor.optionsChanged',
    at: ctx.now,
    scope,
    ...quietFirst,
    ...softTurnMs,
    by: ctx.who.id,
  });
}

export function startedFloor(before: FloorState, setup: FloorSetup, at: number): FloorState {
  const balance = before.balance;
  switch (setup.mode) {
    case 'open':
      return {
        mode: 'open',
        speaker: null,
        softTurnMs: setup.softTurnMs,
        balance,
        hands: [],
        quietFirst: setup.quietFirst,
      };
    case 'round':
      return { ...startedRound(setup, at), balance };
    case 'piece':
      return {
        mode: 'piece',
        speaker: setup.holderId === null ? null : turnOf(setup.holderId, at),
        softTurnMs: setup.softTurnMs,
        balance,
      };
    case 'fishbowl':
      return { mode: 'fishbowl', speaker: null, softTurnMs: null, balance, seats: setup.seats, inner: [] };
    case 'reflecting':
      return {
        mode: 'reflecting',
        speaker: null,
        softTurnMs: null,
        balance,
        team: setup.team,
        phase: setup.phase,
      };
  }
}

export function evolveOptions(floor: FloorState, event: EventOf<'floor.optionsChanged'>): FloorState {
  const softTurnMs = event.softTurnMs === undefined ? floor.softTurnMs : event.softTurnMs;
  if (floor.mode === 'open' && event.quietFirst !== undefined) {
    return { ...floor, softTurnMs, quietFirst: event.quietFirst };
  }
  return { ...floor, softTurnMs };
}
