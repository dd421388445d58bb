import * as z from 'zod/mini';
import { RoundOrder, TeamPhase } from './floor';
import { Id, Scope } from './ids';
import { LIMITS } from './limits';

/** Every floor command names its scope; left out, it is the plenary. */
const scope = { scope: z.optional(Scope) };
const SoftTurnMs = z.nullable(z.int().check(z.positive(), z.lte(LIMITS.softTurnMaxMs)));
const Seats = z.int().check(z.gte(1), z.lte(LIMITS.fishbowlSeatsMax));
const People = z.array(Id).check(z.minLength(1), z.maxLength(LIMITS.roundSizeMax));

/**
 * Starts a mode on a floor (ending whatever turn was running). For `round` with `orderBy: 'random'`
 * the server supplies the shuffled `participantIds`; for `join` it may pass who is present.
 */
export const StartFloor = z.strictObject({
  type: z.literal('floor.start'),
  ...scope,
  setup: z.discriminatedUnion('mode', [
    z.strictObject({
      mode: z.literal('open'),
      quietFirst: z.optional(z.boolean()),
      softTurnMs: z.optional(SoftTurnMs),
    }),
    z.strictObject({
      mode: z.literal('round'),
      orderBy: RoundOrder,
      participantIds: z.optional(People),
      softTurnMs: z.optional(SoftTurnMs),
    }),
    z.strictObject({
      mode: z.literal('piece'),
      holderId: z.optional(z.nullable(Id)),
      softTurnMs: z.optional(SoftTurnMs),
    }),
    z.strictObject({ mode: z.literal('fishbowl'), seats: Seats }),
    z.strictObject({ mode: z.literal('reflecting'), teamIds: People, phase: z.optional(TeamPhase) }),
  ]),
});

export const SetFloorOptions = z.strictObject({
  type: z.literal('floor.setOptions'),
  ...scope,
  quietFirst: z.optional(z.boolean()),
  softTurnMs: z.optional(SoftTurnMs),
});

export const RaiseHand = z.strictObject({ type: z.literal('hand.raise'), ...scope });
/** Lowers your own hand; a facilitator may name someone else's. */
export const LowerHand = z.strictObject({
  type: z.literal('hand.lower'),
  ...scope,
  participantId: z.optional(Id),
});
/** Facilitator: gives the floor to someone, or (left out) to the next in the queue. */
export const GiveFloor = z.strictObject({
  type: z.literal('floor.give'),
  ...scope,
  participantId: z.optional(Id),
});
/** The speaker ends their own turn; a facilitator may end anyone's. */
export const EndTurn = z.strictObject({ type: z.literal('floor.endTurn'), ...scope });

/** The round's speaker is done (a facilitator may say so for them). */
export const RoundDone = z.strictObject({ type: z.literal('round.done'), ...scope });
/** Pass your turn, now or ahead of time. */
export const RoundPass = z.strictObject({ type: z.literal('round.pass'), ...scope });
/** Facilitator: skip the speaker (left the call, mid-turn) or someone still waiting. */
export const RoundSkip = z.strictObject({
  type: z.literal('round.skip'),
  ...scope,
  participantId: z.optional(Id),
});

/** Hand the talking piece to someone, or back to the centre (`to: null`). */
export const PassPiece = z.strictObject({ type: z.literal('piece.pass'), ...scope, to: z.nullable(Id) });
/** Take the piece from the centre (a facilitator may take it from anyone). */
export const TakePiece = z.strictObject({ type: z.literal('piece.take'), ...scope });

export const EnterFishbowl = z.strictObject({ type: z.literal('fishbowl.enter'), ...scope });
export const LeaveFishbowl = z.strictObject({ type: z.literal('fishbowl.leave'), ...scope });
export const SetFishbowlSeats = z.strictObject({
  type: z.literal('fishbowl.setSeats'),
  ...scope,
  seats: Seats,
});
export const InviteToFishbowl = z.strictObject({
  type: z.literal('fishbowl.invite'),
  ...scope,
  participantId: Id,
});
export const ReleaseFromFishbowl = z.strictObject({
  type: z.literal('fishbowl.release'),
  ...scope,
  participantId: Id,
});

export const SetReflectingTeam = z.strictObject({
  type: z.literal('reflecting.setTeam'),
  ...scope,
  teamIds: People,
});
export const SetReflectingPhase = z.strictObject({
  type: z.literal('reflecting.setPhase'),
  ...scope,
  phase: TeamPhase,
});

export const FloorCommands = [
  StartFloor,
  SetFloorOptions,
  RaiseHand,
  LowerHand,
  GiveFloor,
  EndTurn,
  RoundDone,
  RoundPass,
  RoundSkip,
  PassPiece,
  TakePiece,
  EnterFishbowl,
  LeaveFishbowl,
  SetFishbowlSeats,
  InviteToFishbowl,
  ReleaseFromFishbowl,
  SetReflectingTeam,
  SetReflectingPhase,
] as const;
