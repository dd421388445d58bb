import * as z from 'zod/mini';
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
  prompt: z.nullable(z.string()),
  /** Most people self-select may put in the room; null: no cap. */
  capacity: z.nullable(z.int().check(z.positive())),
  callUrl: z.nullable(z.string()),
  boardId: Id,
  /** BR15: a room host runs the room's floor; null: every member of the room runs it. */
  host: z.nullable(Id),
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
  endsAt: z.nullable(z.number()),
  warningMs: z.int().check(z.nonnegative()),
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
  current: z.nullable(BreakoutState),
  history: z.array(BreakoutRecord),
});
export type BreakoutsState = z.infer<typeof BreakoutsState>;

export const roomIdOf = (breakoutId: string, index: number): string => `${breakoutId}-r${index}`;
export const roomBoardIdOf = (breakoutId: string, index: number): string => `${breakoutId}-b${index}`;

const RoomSpec = z.strictObject({
  name: Text(LIMITS.roomNameMax),
  prompt: z.optional(Text(LIMITS.segmentPromptMax)),
  capacity: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.roundSizeMax))),
  /** A link to the group's call tool; https only. */
  callUrl: z.optional(z.url({ protocol: /^https$/ }).check(z.maxLength(LIMITS.callUrlMax))),
});
const RoomCount = z.int().check(z.gte(1), z.lte(LIMITS.breakoutRoomsMax));

/** `breakoutId` is set by the server (any value a client sends is replaced). */
export const CreateBreakout = z.strictObject({
  type: z.literal('breakout.create'),
  breakoutId: z.optional(Id),
  rooms: z.discriminatedUnion('by', [
    z.strictObject({
      by: z.literal('names'),
      rooms: z.array(RoomSpec).check(z.minLength(1), z.maxLength(LIMITS.breakoutRoomsMax)),
    }),
    z.strictObject({ by: z.literal('count'), count: RoomCount }),
    z.strictObject({ by: z.literal('size'), size: z.int().check(z.gte(1), z.lte(LIMITS.roundSizeMax)) }),
  ]),
  selfSelect: z.optional(z.boolean()),
  boardTemplateId: z.optional(TemplateId),
  /** The language of the room boards' template text (core S4); left out, English. */
  locale: z.optional(Locale),
});
const Move = z.strictObject({ participantId: Id, roomId: z.nullable(Id) });
/** For `random` the server supplies the shuffled, balanced `groups` (one per room, in room order). */
export const AssignBreakout = z.strictObject({
  type: z.literal('breakout.assign'),
  assign: z.discriminatedUnion('mode', [
    z.strictObject({
      mode: z.literal('random'),
      groups: z
        .array(z.array(Id).check(z.maxLength(LIMITS.roundSizeMax)))
        .check(z.maxLength(LIMITS.breakoutRoomsMax)),
    }),
    z.strictObject({ mode: z.literal('keep') }),
    z.strictObject({
      mode: z.literal('manual'),
      moves: z.array(Move).check(z.maxLength(LIMITS.roundSizeMax)),
    }),
  ]),
});
/** A facilitator moves one person (null: back to the plenary), also while rooms are open. */
export const MoveToRoom = z.strictObject({ type: z.literal('breakout.move'), ...Move.shape });
/** A participant picks a room when the breakout is self-select. */
export const ChooseRoom = z.strictObject({ type: z.literal('breakout.choose'), roomId: Id });
export const OpenBreakout = z.strictObject({
  type: z.literal('breakout.open'),
  durationMs: z.int().check(z.positive(), z.lte(LIMITS.timerMaxMs)),
  warningMs: z.optional(z.int().check(z.nonnegative(), z.lte(LIMITS.timerMaxMs))),
});
export const AdjustBreakout = z.strictObject({
  type: z.literal('breakout.adjust'),
  deltaMs: z.int().check(z.gte(-LIMITS.timerMaxMs), z.lte(LIMITS.timerMaxMs)),
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
  participantId: z.nullable(Id),
});
/** BR16: a facilitator visits a room (null: leaves), seen by its members or unseen. */
export const VisitRoom = z.strictObject({
  type: z.literal('breakout.visit'),
  roomId: z.nullable(Id),
  unseen: z.optional(z.boolean()),
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
  roomId: z.nullable(Id),
  by: Id,
});
export const BreakoutOpened = z.object({
  ...eventBase,
  type: z.literal('breakout.opened'),
  endsAt: z.number(),
  warningMs: z.int().check(z.nonnegative()),
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
  by: z.nullable(Id),
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
  participantId: z.nullable(Id),
  by: Id,
});
export const RoomVisited = z.object({
  ...eventBase,
  type: z.literal('breakout.visited'),
  participantId: Id,
  roomId: z.nullable(Id),
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
