import * as z from 'zod';
import { TemplateId } from './boards';
import { eventBase } from './event-base';
import { Locale } from './http';
import { Id } from './ids';
import { LIMITS } from './limits';
import { Text } from './text';

/**
 * Breakout rooms (core SPEC, BR rules). One breakout at a time: drafted, opened, closed. Each room
 * has its own board (in `boards`), its own floor (`floors[roomId]`) and optionally a call link.
 * Room and board ids are derived from the breakout id (`roomIdOf`, `roomBoardIdOf`), so a create
 * command needs one id, assigned by the server.
 */
export const BREAKOUT_STATUSES = ['draft', 'open', 'closed'] as const;
export const BreakoutStatus = z.enum(BREAKOUT_STATUSES);

export const RoomState = z.object({
  id: Id,
  name: z.string(),
  prompt: z.string().nullable(),
  /** Most people self-select may put in the room; null: no cap. */
  capacity: z.number().int().positive().nullable(),
  callUrl: z.string().nullable(),
  boardId: Id,
  /** BR15: a room host runs the room's floor; null: every member of the room runs it. */
  host: Id.nullable(),
});
export type RoomState = z.infer<typeof RoomState>;

export const BreakoutMessage = z.object({ text: z.string(), at: z.number(), by: Id });

export const BreakoutState = z.object({
  id: Id,
  status: BreakoutStatus,
  rooms: z.array(RoomState),
  /** participant id → room id; people without a key are in the plenary. */
  assignment: z.record(z.string(), Id),
  selfSelect: z.boolean(),
  /** The countdown as data (like timers): set while open. */
  endsAt: z.number().nullable(),
  warningMs: z.number().int().nonnegative(),
  galleryOpen: z.boolean(),
  /** participant id → when they asked for help. Cut to facilitators and the caller (BR11). */
  help: z.record(z.string(), z.number()),
  /** Broadcasts to all rooms, oldest first. */
  messages: z.array(BreakoutMessage),
  /**
   * BR16: facilitator id → the room they are visiting. Unseen visits are cut from everyone but
   * facilitators.
   */
  visits: z.record(z.string(), z.object({ roomId: Id, unseen: z.boolean() })),
});
export type BreakoutState = z.infer<typeof BreakoutState>;

/** A closed breakout as far as later ones need it: its groups (per room, in room order) and boards. */
export const BreakoutRecord = z.object({
  id: Id,
  groups: z.array(z.array(Id)),
  boardIds: z.array(Id),
});
export type BreakoutRecord = z.infer<typeof BreakoutRecord>;

export const BreakoutsState = z.object({
  current: BreakoutState.nullable(),
  history: z.array(BreakoutRecord),
});
export type BreakoutsState = z.infer<typeof BreakoutsState>;

export const roomIdOf = (breakoutId: string, index: number): string => `${breakoutId}-r${index}`;
export const roomBoardIdOf = (breakoutId: string, index: number): string => `${breakoutId}-b${index}`;

const RoomSpec = z.strictObject({
  name: Text(LIMITS.roomNameMax),
  prompt: Text(LIMITS.segmentPromptMax).optional(),
  capacity: z.number().int().min(1).max(LIMITS.roundSizeMax).optional(),
  /** A link to the group's call tool; https only. */
  callUrl: z
    .url({ protocol: /^https$/ })
    .max(LIMITS.callUrlMax)
    .optional(),
});
const RoomCount = z.number().int().min(1).max(LIMITS.breakoutRoomsMax);

/** `breakoutId` is set by the server (any value a client sends is replaced). */
export const CreateBreakout = z.strictObject({
  type: z.literal('breakout.create'),
  breakoutId: Id.optional(),
  rooms: z.discriminatedUnion('by', [
    z.strictObject({ by: z.literal('names'), rooms: z.array(RoomSpec).min(1).max(LIMITS.breakoutRoomsMax) }),
    z.strictObject({ by: z.literal('count'), count: RoomCount }),
    z.strictObject({ by: z.literal('size'), size: z.number().int().min(1).max(LIMITS.roundSizeMax) }),
  ]),
  selfSelect: z.boolean().optional(),
  boardTemplateId: TemplateId.optional(),
  /** The language of the room boards' template text (core S4); left out, English. */
  locale: Locale.optional(),
});
const Move = z.strictObject({ participantId: Id, roomId: Id.nullable() });
/** For `random` the server supplies the shuffled, balanced `groups` (one per room, in room order). */
export const AssignBreakout = z.strictObject({
  type: z.literal('breakout.assign'),
  assign: z.discriminatedUnion('mode', [
    z.strictObject({
      mode: z.literal('random'),
      groups: z.array(z.array(Id).max(LIMITS.roundSizeMax)).max(LIMITS.breakoutRoomsMax),
    }),
    z.strictObject({ mode: z.literal('keep') }),
    z.strictObject({ mode: z.literal('manual'), moves: z.array(Move).max(LIMITS.roundSizeMax) }),
  ]),
});
/** A facilitator moves one person (null: back to the plenary), also while rooms are open. */
export const MoveToRoom = z.strictObject({ type: z.literal('breakout.move'), ...Move.shape });
/** A participant picks a room when the breakout is self-select. */
export const ChooseRoom = z.strictObject({ type: z.literal('breakout.choose'), roomId: Id });
export const OpenBreakout = z.strictObject({
  type: z.literal('breakout.open'),
  durationMs: z.number().int().positive().max(LIMITS.timerMaxMs),
  warningMs: z.number().int().nonnegative().max(LIMITS.timerMaxMs).optional(),
});
export const AdjustBreakout = z.strictObject({
  type: z.literal('breakout.adjust'),
  deltaMs: z.number().int().min(-LIMITS.timerMaxMs).max(LIMITS.timerMaxMs),
});
export const CloseBreakout = z.strictObject({ type: z.literal('breakout.close') });
export const BroadcastToRooms = z.strictObject({
  type: z.literal('breakout.broadcast'),
  text: Text(LIMITS.announcementTextMax),
});
export const AskForHelp = z.strictObject({ type: z.literal('breakout.help'), on: z.boolean() });
export const BreakoutGallery = z.strictObject({ type: z.literal('breakout.gallery'), open: z.boolean() });
/** BR15: a facilitator names a member of the room as its host (null: the room runs its own floor). */
export const SetRoomHost = z.strictObject({
  type: z.literal('breakout.setHost'),
  roomId: Id,
  participantId: Id.nullable(),
});
/** BR16: a facilitator visits a room (null: leaves), seen by its members or unseen. */
export const VisitRoom = z.strictObject({
  type: z.literal('breakout.visit'),
  roomId: Id.nullable(),
  unseen: z.boolean().optional(),
});

export const BreakoutCommands = [
  CreateBreakout,
  AssignBreakout,
  MoveToRoom,
  ChooseRoom,
  OpenBreakout,
  AdjustBreakout,
  CloseBreakout,
  BroadcastToRooms,
  AskForHelp,
  BreakoutGallery,
  SetRoomHost,
  VisitRoom,
] as const;

/** Carries the concrete rooms (ids included); the server creates each room's board document. */
export const BreakoutCreated = z.object({
  ...eventBase,
  type: z.literal('breakout.created'),
  breakoutId: Id,
  rooms: z.array(RoomState),
  selfSelect: z.boolean(),
  boardTemplateId: TemplateId,
  by: Id,
});
/** The whole assignment after the command (replaces the previous one). */
export const BreakoutAssigned = z.object({
  ...eventBase,
  type: z.literal('breakout.assigned'),
  assignment: z.record(z.string(), Id),
  by: Id,
});
export const BreakoutMoved = z.object({
  ...eventBase,
  type: z.literal('breakout.moved'),
  participantId: Id,
  roomId: Id.nullable(),
  by: Id,
});
export const BreakoutOpened = z.object({
  ...eventBase,
  type: z.literal('breakout.opened'),
  endsAt: z.number(),
  warningMs: z.number().int().nonnegative(),
  by: Id,
});
export const BreakoutTimeChanged = z.object({
  ...eventBase,
  type: z.literal('breakout.timeChanged'),
  endsAt: z.number(),
  by: Id,
});
/** `by` is null when the countdown ran out and the server closed the rooms (BR9). */
export const BreakoutClosed = z.object({
  ...eventBase,
  type: z.literal('breakout.closed'),
  by: Id.nullable(),
});
export const BreakoutBroadcast = z.object({
  ...eventBase,
  type: z.literal('breakout.broadcast'),
  text: z.string(),
  by: Id,
});
export const BreakoutHelpChanged = z.object({
  ...eventBase,
  type: z.literal('breakout.helpChanged'),
  participantId: Id,
  on: z.boolean(),
});
export const BreakoutGalleryChanged = z.object({
  ...eventBase,
  type: z.literal('breakout.galleryChanged'),
  open: z.boolean(),
  by: Id,
});

export const RoomHostSet = z.object({
  ...eventBase,
  type: z.literal('breakout.hostSet'),
  roomId: Id,
  participantId: Id.nullable(),
  by: Id,
});
export const RoomVisited = z.object({
  ...eventBase,
  type: z.literal('breakout.visited'),
  participantId: Id,
  roomId: Id.nullable(),
  unseen: z.boolean(),
});

export const BreakoutEvents = [
  BreakoutCreated,
  BreakoutAssigned,
  BreakoutMoved,
  BreakoutOpened,
  BreakoutTimeChanged,
  BreakoutClosed,
  BreakoutBroadcast,
  BreakoutHelpChanged,
  BreakoutGalleryChanged,
  RoomHostSet,
  RoomVisited,
] as const;
