import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { RoundOrder } from './floor';
import { Locale } from './http';
import { Id } from './ids';
import { LIMITS } from './limits';
import { Text } from './text';

export const SEGMENT_KINDS = [
  'talk',
  'round',
  'open_floor',
  'breakouts',
  'board_work',
  'qa',
  'break',
  'closing',
] as const;
export const SegmentKind = z.enum(SEGMENT_KINDS);
export type SegmentKind = z.infer<typeof SegmentKind>;

const PlannedMinutes = z.int().check(z.gte(0), z.lte(LIMITS.plannedMinutesMax));
const Prompt = z.string().check(z.trim(), z.maxLength(LIMITS.segmentPromptMax));
const Notes = z.string().check(z.trim(), z.maxLength(LIMITS.segmentNotesMax));

/** The breakout presets (core `BREAKOUT_PRESETS`) a segment can open rooms from. */
export const BREAKOUT_PRESET_IDS = ['ips-check-in', 'ips-four-tasks', 'pairs'] as const;
export const BreakoutPresetId = z.enum(BREAKOUT_PRESET_IDS);
export type BreakoutPresetId = z.infer<typeof BreakoutPresetId>;

const SetupMinutes = z.int().check(z.gte(1), z.lte(LIMITS.plannedMinutesMax));
const TeamSize = z.int().check(z.gte(1), z.lte(LIMITS.roundSizeMax));

/** A round in a plan is never `manual`: nobody is named before the segment starts. */
const RoundOrderButManual = z.enum(
  RoundOrder.options.filter((o): o is Exclude<typeof o, 'manual'> => o !== 'manual'),
);

/**
 * How the plenary floor runs during a segment. Nobody is named (a plan is written before anyone
 * joins): a random round's order and a reflecting team are drawn when the segment starts.
 */
export const SegmentFloorSetup = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('open'), quietFirst: z.optional(z.boolean()) }),
  z.strictObject({ mode: z.literal('round'), orderBy: RoundOrderButManual }),
  z.strictObject({ mode: z.literal('piece') }),
  z.strictObject({
    mode: z.literal('fishbowl'),
    seats: z.int().check(z.gte(1), z.lte(LIMITS.fishbowlSeatsMax)),
  }),
  z.strictObject({ mode: z.literal('reflecting'), teamSize: TeamSize }),
]);
export type SegmentFloorSetup = z.infer<typeof SegmentFloorSetup>;

/** The board everyone is brought to, and how it is set: private writing, locked, a dot vote. */
export const SegmentBoardSetup = z.strictObject({
  boardId: Id,
  /** `private` starts private writing; `open` reveals it; left out, as it is. */
  phase: z.optional(z.enum(['open', 'private'])),
  /** Left out: unlocked (a board kept closed until its segment opens with it). */
  locked: z.optional(z.boolean()),
  vote: z.optional(
    z.strictObject({
      budget: z.int().check(z.gte(1), z.lte(LIMITS.voteBudgetMax)),
      capPerNote: z.int().check(z.gte(1), z.lte(LIMITS.voteBudgetMax)),
      hidden: z.boolean(),
    }),
  ),
});
export type SegmentBoardSetup = z.infer<typeof SegmentBoardSetup>;

/**
 * What "Start" on a segment does in one step (core A8): each part left out is left as it is.
 * Leaving the segment tidies up what it started (A9).
 */
export const SegmentSetup = z.strictObject({
  /** A plenary timer of this length, labelled with the segment's title. */
  timerMinutes: z.optional(SetupMinutes),
  floor: z.optional(SegmentFloorSetup),
  board: z.optional(SegmentBoardSetup),
  /** Rooms from a breakout preset, opened for this long. */
  breakout: z.optional(z.strictObject({ presetId: BreakoutPresetId, minutes: SetupMinutes })),
});
export type SegmentSetup = z.infer<typeof SegmentSetup>;

/** What a facilitator plans for a segment. `notes` and `setup` are for facilitators only (cut from others' views). */
export const SegmentPlan = z.object({
  id: Id,
  title: z.string(),
  kind: SegmentKind,
  plannedMinutes: z.number(),
  prompt: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  /** Absent in events recorded before segments had setups. */
  setup: z.optional(z.nullable(SegmentSetup)),
});

/** A segment as it ran: `startedAt`/`endedAt` are the actual times it became / stopped being current. */
export const SegmentState = z.extend(SegmentPlan, {
  startedAt: z.nullable(z.number()),
  endedAt: z.nullable(z.number()),
});
export type SegmentState = z.infer<typeof SegmentState>;

export const AgendaState = z.object({
  segments: z.array(SegmentState),
  currentId: z.nullable(Id),
});
export type AgendaState = z.infer<typeof AgendaState>;

/** `id` is set by the server (any value a client sends is replaced): core stays free of randomness. */
export const AddSegment = z.strictObject({
  type: z.literal('agenda.add'),
  segment: z.strictObject({
    id: z.optional(Id),
    title: Text(LIMITS.segmentTitleMax),
    kind: SegmentKind,
    plannedMinutes: PlannedMinutes,
    prompt: z.optional(Prompt),
    notes: z.optional(Notes),
    setup: z.optional(SegmentSetup),
  }),
  /** Position in the agenda; the end when left out. */
  index: z.optional(z.int().check(z.gte(0))),
});

export const UpdateSegment = z.strictObject({
  type: z.literal('agenda.update'),
  segmentId: Id,
  changes: z.strictObject({
    title: z.optional(Text(LIMITS.segmentTitleMax)),
    kind: z.optional(SegmentKind),
    plannedMinutes: z.optional(PlannedMinutes),
    /** null clears it. */
    prompt: z.optional(z.nullable(Prompt)),
    notes: z.optional(z.nullable(Notes)),
    setup: z.optional(z.nullable(SegmentSetup)),
  }),
});

export const RemoveSegment = z.strictObject({ type: z.literal('agenda.remove'), segmentId: Id });

export const MoveSegment = z.strictObject({
  type: z.literal('agenda.move'),
  segmentId: Id,
  toIndex: z.int().check(z.gte(0)),
});

export const NextSegment = z.strictObject({ type: z.literal('agenda.next') });
export const PreviousSegment = z.strictObject({ type: z.literal('agenda.previous') });
/** Makes a segment current; `null` pauses the agenda (no current segment). */
export const JumpToSegment = z.strictObject({ type: z.literal('agenda.jump'), segmentId: z.nullable(Id) });

/**
 * Makes a segment current and applies its setup in one batch (core A8), tidying up after the
 * segment it leaves (A9). The server fills `shuffled` (everyone in the session, in a random order:
 * random rounds, reflecting teams and random rooms draw from it) and `breakoutId`; whatever a
 * client sends there is replaced. `locale`: the language of a preset's room names and boards.
 */
export const StartSegment = z.strictObject({
  type: z.literal('agenda.start'),
  segmentId: Id,
  shuffled: z.optional(z.array(Id).check(z.maxLength(LIMITS.participantsMax))),
  breakoutId: z.optional(Id),
  locale: z.optional(Locale),
});

export const AgendaCommands = [
  AddSegment,
  UpdateSegment,
  RemoveSegment,
  MoveSegment,
  NextSegment,
  PreviousSegment,
  JumpToSegment,
  StartSegment,
] as const;

export const SegmentAdded = z.object({
  ...eventBase,
  type: z.literal('agenda.segmentAdded'),
  segment: SegmentPlan,
  index: z.int().check(z.gte(0)),
  by: Id,
});

/** Only the fields that changed; `notes` is cut from the copy non-facilitators receive. */
export const SegmentUpdated = z.object({
  ...eventBase,
  type: z.literal('agenda.segmentUpdated'),
  segmentId: Id,
  changes: z.object({
    title: z.optional(z.string()),
    kind: z.optional(SegmentKind),
    plannedMinutes: z.optional(z.number()),
    prompt: z.optional(z.nullable(z.string())),
    notes: z.optional(z.nullable(z.string())),
    setup: z.optional(z.nullable(SegmentSetup)),
  }),
  by: Id,
});

export const SegmentRemoved = z.object({
  ...eventBase,
  type: z.literal('agenda.segmentRemoved'),
  segmentId: Id,
  by: Id,
});

export const SegmentMoved = z.object({
  ...eventBase,
  type: z.literal('agenda.segmentMoved'),
  segmentId: Id,
  toIndex: z.int().check(z.gte(0)),
  by: Id,
});

export const CurrentSegmentChanged = z.object({
  ...eventBase,
  type: z.literal('agenda.currentChanged'),
  segmentId: z.nullable(Id),
  by: Id,
});

export const AgendaEvents = [
  SegmentAdded,
  SegmentUpdated,
  SegmentRemoved,
  SegmentMoved,
  CurrentSegmentChanged,
] as const;
