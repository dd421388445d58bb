import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { FloorSetup, RoundOutcome, TeamPhase } from './floor';
import { Id, Scope } from './ids';

const on = { ...eventBase, scope: Scope };

export const FloorStarted = z.object({ ...on, type: z.literal('floor.started'), setup: FloorSetup, by: Id });

export const FloorOptionsChanged = z.object({
  ...on,
  type: z.literal('floor.optionsChanged'),
  quietFirst: z.optional(z.boolean()),
  softTurnMs: z.optional(z.nullable(z.int().check(z.positive()))),
  by: Id,
});

export const HandRaised = z.object({ ...on, type: z.literal('hand.raised'), participantId: Id });
export const HandLowered = z.object({ ...on, type: z.literal('hand.lowered'), participantId: Id, by: Id });

export const FloorGiven = z.object({ ...on, type: z.literal('floor.given'), participantId: Id, by: Id });
export const TurnEnded = z.object({ ...on, type: z.literal('floor.turnEnded'), participantId: Id, by: Id });

/** One round turn's outcome. Absent people skipped on the way get their own `skipped` event. */
export const RoundTurnRecorded = z.object({
  ...on,
  type: z.literal('round.turnRecorded'),
  participantId: Id,
  outcome: RoundOutcome,
  by: Id,
});

export const PiecePassed = z.object({ ...on, type: z.literal('piece.passed'), to: z.nullable(Id), by: Id });

export const FishbowlSeated = z.object({
  ...on,
  type: z.literal('fishbowl.seated'),
  participantId: Id,
  by: Id,
});
export const FishbowlUnseated = z.object({
  ...on,
  type: z.literal('fishbowl.unseated'),
  participantId: Id,
  by: Id,
});
export const FishbowlSeatsChanged = z.object({
  ...on,
  type: z.literal('fishbowl.seatsChanged'),
  seats: z.int().check(z.positive()),
  /** Who had to step out because the circle shrank (the latest to sit down first). */
  released: z.array(Id),
  by: Id,
});

export const ReflectingTeamChanged = z.object({
  ...on,
  type: z.literal('reflecting.teamChanged'),
  team: z.array(Id),
  by: Id,
});
export const ReflectingPhaseChanged = z.object({
  ...on,
  type: z.literal('reflecting.phaseChanged'),
  phase: TeamPhase,
  by: Id,
});

export const FloorEvents = [
  FloorStarted,
  FloorOptionsChanged,
  HandRaised,
  HandLowered,
  FloorGiven,
  TurnEnded,
  RoundTurnRecorded,
  PiecePassed,
  FishbowlSeated,
  FishbowlUnseated,
  FishbowlSeatsChanged,
  ReflectingTeamChanged,
  ReflectingPhaseChanged,
] as const;
