import {
  type CommandOf,
  type EventOf,
  type FloorSetup,
  type FloorState,
  type NewSessionEvent,
  PLENARY,
  type RoundOutcome,
} from '@kring/protocol';
import { roomMembers, runsFloor } from '../breakouts/room-floor';
import { accept, type Ctx, type Decision, isPresent, refuse, unchanged } from '../decision';
import { takesTheFloor } from '../permissions';
import { type FloorOf, refuseIneligibleList, refuseSpectator, turnOf, wrongMode } from './engine';

/** Rounds (F-R rules): everyone in the order gets a turn; passing is always fine. */

type Round = FloorOf<'round'>;
type RoundCommand = CommandOf<'round.done' | 'round.pass' | 'round.skip'>;
type RoundSetupCommand = Extract<CommandOf<'floor.start'>['setup'], { mode: 'round' }>;
export type RoundEvent = EventOf<'round.turnRecorded'>;

/** Who still waits for their turn, in order. The speaker is always the first of them. */
export function pendingIds(floor: Round): string[] {
  const recorded = new Set(floor.turns.map((t) => t.participantId));
  return floor.order.filter((id) => !recorded.has(id));
}

/** F-R2: who comes after the speaker. */
export const nextInRound = (floor: Round): string | null => pendingIds(floor)[1] ?? null;

/**
 * F-R5: absent people at the head of `waiting` are skipped when their turn comes (not earlier:
 * they may be back by then). Each skip is its own event, so replay needs no presence.
 */
function skipAbsent(ctx: Ctx, scope: string, waiting: readonly string[]): NewSessionEvent[] {
  const events: NewSessionEvent[] = [];
  for (const id of waiting) {
    if (isPresent(ctx, id)) break;
    events.push({
      type: 'round.turnRecorded',
      at: ctx.now,
      scope,
      participantId: id,
      outcome: 'skipped',
      by: ctx.who.id,
    });
  }
  return events;
}

/**
 * F-R1: the order is concrete in the event. `join` orders members by when they joined (the server
 * may narrow it to who is present); `random` and `manual` take the list as given; for `random`
 * the server shuffles, so core needs no randomness. BR15: in a room, the round is the room's:
 * `join` defaults to its members, and the server must draw a random order from `roomMembers`
 * (who is online among them), not from everyone online; anyone else listed is refused.
 */
export function startRound(ctx: Ctx, scope: string, setup: RoundSetupCommand): Decision {
  const { state } = ctx;
  let order: string[];
  if (setup.orderBy === 'join') {
    const ids =
      setup.participantIds ??
      (scope === PLENARY
        ? Object.values(state.participants)
            .filter((p) => !p.removed && takesTheFloor(p.role))
            .map((p) => p.id)
        : roomMembers(state, scope));
    const joinedAt = (id: string) => state.participants[id]?.joinedAt ?? 0;
    order = [...ids].sort((a, b) => joinedAt(a) - joinedAt(b) || (a < b ? -1 : a > b ? 1 : 0));
  } else {
    if (!setup.participantIds) {
      const why =
        setup.orderBy === 'random' ? 'the server supplies the shuffled order' : 'name who speaks when';
      return refuse('bad_request', `a ${setup.orderBy} round needs its order: ${why}`);
    }
    order = setup.participantIds;
  }
  if (order.length === 0) return refuse('conflict', 'nobody here takes part in a round');
  const invalid = refuseIneligibleList(state, order, scope);
  if (invalid) return invalid;
  const started: FloorSetup = {
    mode: 'round',
    orderBy: setup.orderBy,
    order,
    softTurnMs: setup.softTurnMs ?? null,
  };
  return accept(
    { type: 'floor.started', at: ctx.now, scope, setup: started, by: ctx.who.id },
    ...skipAbsent(ctx, scope, order),
  );
}

export function decideRound(ctx: Ctx, scope: string, floor: FloorState, command: RoundCommand): Decision {
  if (floor.mode !== 'round') return wrongMode(floor, 'round');
  const me = ctx.who.id;
  const waiting = pendingIds(floor);
  const speaker = waiting[0];
  const record = (participantId: string, outcome: RoundOutcome): Decision => {
    const rest = waiting.filter((id) => id !== participantId);
    return accept(
      { type: 'round.turnRecorded', at: ctx.now, scope, participantId, outcome, by: me },
      // Only when the speaker's turn ends does the turn move on to someone who may have left.
      ...(participantId === speaker ? skipAbsent(ctx, scope, rest) : []),
    );
  };
  switch (command.type) {
    case 'round.done': {
      // F-R3: the speaker says done; whoever runs the floor (BR15) may say it for them.
      if (!speaker) return refuse('conflict', 'the round is over');
      if (speaker !== me && !runsFloor(ctx.state, me, scope))
        return refuse('forbidden', 'it is not your turn');
      return record(speaker, 'spoke');
    }
    case 'round.pass': {
      // F-R4: anyone still waiting may pass, on their turn or ahead of it.
      const spectator = refuseSpectator(ctx);
      if (spectator) return spectator;
      if (!floor.order.includes(me)) return refuse('conflict', 'you are not in this round');
      if (!waiting.includes(me)) return unchanged();
      return record(me, 'passed');
    }
    case 'round.skip': {
      // F-R5: a facilitator skips the speaker (gone mid-turn) or someone still waiting.
      const target = command.participantId ?? speaker;
      if (!target) return refuse('conflict', 'the round is over');
      if (!floor.order.includes(target)) return refuse('conflict', 'that person is not in this round');
      if (!waiting.includes(target)) return unchanged();
      return record(target, 'skipped');
    }
  }
}

/** F-R6: a recorded outcome moves the turn to the first person still waiting; none left ends the round. */
export const evolveRound = (floor: Round, event: RoundEvent): Round =>
  recordTurn(floor, event.participantId, event.outcome, event.at);

function recordTurn(floor: Round, participantId: string, outcome: RoundOutcome, at: number): Round {
  if (!floor.order.includes(participantId)) return floor;
  if (floor.turns.some((t) => t.participantId === participantId)) return floor;
  return withSpeaker({ ...floor, turns: [...floor.turns, { participantId, outcome, at }] }, at);
}

function withSpeaker(floor: Round, at: number): Round {
  const first = pendingIds(floor)[0];
  if (!first) return { ...floor, speaker: null };
  if (floor.speaker?.participantId === first) return floor;
  return { ...floor, speaker: turnOf(first, at) };
}

/** The floor a round starts with: the first in the order speaks. */
export function startedRound(
  setup: Extract<FloorSetup, { mode: 'round' }>,
  at: number,
): Omit<Round, 'balance'> {
  return {
    mode: 'round',
    orderBy: setup.orderBy,
    order: setup.order,
    turns: [],
    softTurnMs: setup.softTurnMs,
    speaker: setup.order[0] ? turnOf(setup.order[0], at) : null,
  };
}

/** RO6: someone who leaves the floor is skipped (if still waiting); if speaking, the turn moves on. */
export function dropFromRound(floor: Round, participantId: string, at: number): Round {
  if (!pendingIds(floor).includes(participantId)) return floor;
  return recordTurn(floor, participantId, 'skipped', at);
}
