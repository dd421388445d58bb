import * as z from 'zod/mini';
import { Id } from './ids';

/**
 * The floor: who may speak, in one of five modes. One floor per scope (the plenary today, every
 * breakout room later), so a floor is a plain value and the same engine runs each of them.
 */
export const FLOOR_MODES = ['open', 'round', 'piece', 'fishbowl', 'reflecting'] as const;
export const FloorMode = z.enum(FLOOR_MODES);
export type FloorMode = z.infer<typeof FloorMode>;

/** The person who holds the floor now and since when (soft time and speaking balance count from it). */
export const Turn = z.object({ participantId: Id, startedAt: z.number() });
export type Turn = z.infer<typeof Turn>;

/** Speaking balance of one person on one floor: finished turns and their total length. */
export const Tally = z.object({
  turns: z.int().check(z.nonnegative()),
  speakingMs: z.number().check(z.nonnegative()),
});
export type Tally = z.infer<typeof Tally>;

export const Hand = z.object({ participantId: Id, raisedAt: z.number() });
export type Hand = z.infer<typeof Hand>;

export const ROUND_ORDERS = ['join', 'random', 'manual'] as const;
export const RoundOrder = z.enum(ROUND_ORDERS);

/** How a round turn ended. Recorded neutrally: passing is always fine. */
export const ROUND_OUTCOMES = ['spoke', 'passed', 'skipped'] as const;
export const RoundOutcome = z.enum(ROUND_OUTCOMES);
export type RoundOutcome = z.infer<typeof RoundOutcome>;

export const RoundTurn = z.object({ participantId: Id, outcome: RoundOutcome, at: z.number() });
export type RoundTurn = z.infer<typeof RoundTurn>;

export const Seat = z.object({ participantId: Id, since: z.number() });
export type Seat = z.infer<typeof Seat>;

export const TeamPhase = z.enum(['team', 'others']);
export type TeamPhase = z.infer<typeof TeamPhase>;

const SoftTurnMs = z.nullable(z.int().check(z.positive()));

/** What every mode shares. `balance` survives mode changes; views show it to facilitators only. */
const common = {
  speaker: z.nullable(Turn),
  softTurnMs: SoftTurnMs,
  balance: z.record(z.string(), Tally),
};

/** Open floor: a hand-raise queue in raise order (or quiet-first) and one speaker at a time. */
export const OpenFloor = z.object({
  mode: z.literal('open'),
  ...common,
  hands: z.array(Hand),
  quietFirst: z.boolean(),
});

/** Round: everyone in `order` gets a turn; the speaker is always the first person without an outcome. */
export const RoundFloor = z.object({
  mode: z.literal('round'),
  ...common,
  orderBy: RoundOrder,
  order: z.array(Id),
  turns: z.array(RoundTurn),
});

/** Talking piece: `speaker` is the holder; null means the piece lies in the centre. */
export const PieceFloor = z.object({ mode: z.literal('piece'), ...common });

/** Fishbowl: the inner circle speaks; seats in the order they were taken. */
export const FishbowlFloor = z.object({
  mode: z.literal('fishbowl'),
  ...common,
  seats: z.int().check(z.positive()),
  inner: z.array(Seat),
});

/** Reflecting team (Open Dialogue): the team reflects while others listen, then the others respond. */
export const ReflectingFloor = z.object({
  mode: z.literal('reflecting'),
  ...common,
  team: z.array(Id),
  phase: TeamPhase,
});

export const FloorState = z.discriminatedUnion('mode', [
  OpenFloor,
  RoundFloor,
  PieceFloor,
  FishbowlFloor,
  ReflectingFloor,
]);
export type FloorState = z.infer<typeof FloorState>;

/** A mode as it starts, concretely: a round carries its order (the server resolves randomness). */
export const FloorSetup = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('open'), quietFirst: z.boolean(), softTurnMs: SoftTurnMs }),
  z.object({ mode: z.literal('round'), orderBy: RoundOrder, order: z.array(Id), softTurnMs: SoftTurnMs }),
  z.object({ mode: z.literal('piece'), holderId: z.nullable(Id), softTurnMs: SoftTurnMs }),
  z.object({ mode: z.literal('fishbowl'), seats: z.int().check(z.positive()) }),
  z.object({ mode: z.literal('reflecting'), team: z.array(Id), phase: TeamPhase }),
]);
export type FloorSetup = z.infer<typeof FloorSetup>;
