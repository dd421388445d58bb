import { z } from 'zod';
import { eventBase } from './event-base';
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

/** What a facilitator plans for a segment. `notes` are for facilitators only (cut from others' views). */
export const SegmentPlan = z.object({
  id: Id,
  title: z.string(),
  kind: SegmentKind,
  plannedMinutes: z.number(),
  prompt: z.string().nullable(),
  notes: z.string().nullable(),
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

export const AgendaCommands = [
  AddSegment,
  UpdateSegment,
  RemoveSegment,
  MoveSegment,
  NextSegment,
  PreviousSegment,
  JumpToSegment,
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
