import * as z from 'zod';
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

const PlannedMinutes = z.number().int().min(0).max(LIMITS.plannedMinutesMax);
const Prompt = z.string().trim().max(LIMITS.segmentPromptMax);
const Notes = z.string().trim().max(LIMITS.segmentNotesMax);

/** The breakout presets (core `BREAKOUT_PRESETS`) a segment can open rooms from. */
export const BREAKOUT_PRESET_IDS = ['ips-check-in', 'ips-four-tasks', 'pairs'] as const;
export const BreakoutPresetId = z.enum(BREAKOUT_PRESET_IDS);
export type BreakoutPresetId = z.infer<typeof BreakoutPresetId>;

const SetupMinutes = z.number().int().min(1).max(LIMITS.plannedMinutesMax);
const TeamSize = z.number().int().min(1).max(LIMITS.roundSizeMax);

/**
 * How the plenary floor runs during a segment. Nobody is named (a plan is written before anyone
 * joins): a random round's order and a reflecting team are drawn when the segment starts.
 */
export const SegmentFloorSetup = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('open'), quietFirst: z.boolean().optional() }),
  z.strictObject({ mode: z.literal('round'), orderBy: RoundOrder.exclude(['manual']) }),
  z.strictObject({ mode: z.literal('piece') }),
  z.strictObject({
    mode: z.literal('fishbowl'),
    seats: z.number().int().min(1).max(LIMITS.fishbowlSeatsMax),
  }),
  z.strictObject({ mode: z.literal('reflecting'), teamSize: TeamSize }),
]);
export type SegmentFloorSetup = z.infer<typeof SegmentFloorSetup>;

/** The board everyone is brought to, and how it is set: private writing, locked, a dot vote. */
export const SegmentBoardSetup = z.strictObject({
  boardId: Id,
  /** `private` starts private writing; `open` reveals it; left out, as it is. */
  phase: z.enum(['open', 'private']).optional(),
  /** Left out: unlocked (a board kept closed until its segment opens with it). */
  locked: z.boolean().optional(),
  vote: z
    .strictObject({
      budget: z.number().int().min(1).max(LIMITS.voteBudgetMax),
      capPerNote: z.number().int().min(1).max(LIMITS.voteBudgetMax),
      hidden: z.boolean(),
    })
    .optional(),
});
export type SegmentBoardSetup = z.infer<typeof SegmentBoardSetup>;

/**
 * What "Start" on a segment does in one step (core A8): each part left out is left as it is.
 * Leaving the segment tidies up what it started (A9).
 */
export const SegmentSetup = z.strictObject({
  /** A plenary timer of this length, labelled with the segment's title. */
  timerMinutes: SetupMinutes.optional(),
  floor: SegmentFloorSetup.optional(),
  board: SegmentBoardSetup.optional(),
  /** Rooms from a breakout preset, opened for this long. */
  breakout: z.strictObject({ presetId: BreakoutPresetId, minutes: SetupMinutes }).optional(),
});
export type SegmentSetup = z.infer<typeof SegmentSetup>;

/** What a facilitator plans for a segment. `notes` and `setup` are for facilitators only (cut from others' views). */
export const SegmentPlan = z.object({
  id: Id,
  title: z.string(),
  kind: SegmentKind,
  plannedMinutes: z.number(),
  prompt: z.string().nullable(),
  notes: z.string().nullable(),
  /** Absent in events recorded before segments had setups. */
  setup: SegmentSetup.nullable().optional(),
});

/** A segment as it ran: `startedAt`/`endedAt` are the actual times it became / stopped being current. */
export const SegmentState = SegmentPlan.extend({
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
});
export type SegmentState = z.infer<typeof SegmentState>;

export const AgendaState = z.object({
  segments: z.array(SegmentState),
  currentId: Id.nullable(),
});
export type AgendaState = z.infer<typeof AgendaState>;

/** `id` is set by the server (any value a client sends is replaced): core stays free of randomness. */
export const AddSegment = z.strictObject({
  type: z.literal('agenda.add'),
  segment: z.strictObject({
    id: Id.optional(),
    title: Text(LIMITS.segmentTitleMax),
    kind: SegmentKind,
    plannedMinutes: PlannedMinutes,
    prompt: Prompt.optional(),
    notes: Notes.optional(),
    setup: SegmentSetup.optional(),
  }),
  /** Position in the agenda; the end when left out. */
  index: z.number().int().min(0).optional(),
});

export const UpdateSegment = z.strictObject({
  type: z.literal('agenda.update'),
  segmentId: Id,
  changes: z.strictObject({
    title: Text(LIMITS.segmentTitleMax).optional(),
    kind: SegmentKind.optional(),
    plannedMinutes: PlannedMinutes.optional(),
    /** null clears it. */
    prompt: Prompt.nullable().optional(),
    notes: Notes.nullable().optional(),
    setup: SegmentSetup.nullable().optional(),
  }),
});

export const RemoveSegment = z.strictObject({ type: z.literal('agenda.remove'), segmentId: Id });

export const MoveSegment = z.strictObject({
  type: z.literal('agenda.move'),
  segmentId: Id,
  toIndex: z.number().int().min(0),
});

export const NextSegment = z.strictObject({ type: z.literal('agenda.next') });
export const PreviousSegment = z.strictObject({ type: z.literal('agenda.previous') });
/** Makes a segment current; `null` pauses the agenda (no current segment). */
export const JumpToSegment = z.strictObject({ type: z.literal('agenda.jump'), segmentId: Id.nullable() });

/**
 * Makes a segment current and applies its setup in one batch (core A8), tidying up after the
 * segment it leaves (A9). The server fills `shuffled` (everyone in the session, in a random order:
 * random rounds, reflecting teams and random rooms draw from it) and `breakoutId`; whatever a
 * client sends there is replaced. `locale`: the language of a preset's room names and boards.
 */
export const StartSegment = z.strictObject({
  type: z.literal('agenda.start'),
  segmentId: Id,
  shuffled: z.array(Id).max(LIMITS.participantsMax).optional(),
  breakoutId: Id.optional(),
  locale: Locale.optional(),
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
  index: z.number().int().min(0),
  by: Id,
});

/** Only the fields that changed; `notes` is cut from the copy non-facilitators receive. */
export const SegmentUpdated = z.object({
  ...eventBase,
  type: z.literal('agenda.segmentUpdated'),
  segmentId: Id,
  changes: z.object({
    title: z.string().optional(),
    kind: SegmentKind.optional(),
    plannedMinutes: z.number().optional(),
    prompt: z.string().nullable().optional(),
    notes: z.string().nullable().optional(),
    setup: SegmentSetup.nullable().optional(),
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
  toIndex: z.number().int().min(0),
  by: Id,
});

export const CurrentSegmentChanged = z.object({
  ...eventBase,
  type: z.literal('agenda.currentChanged'),
  segmentId: Id.nullable(),
  by: Id,
});

export const AgendaEvents = [
  SegmentAdded,
  SegmentUpdated,
  SegmentRemoved,
  SegmentMoved,
  CurrentSegmentChanged,
] as const;
