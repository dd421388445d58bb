import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Id } from './ids';
import { LIMITS } from './limits';
import { Text } from './text';

/** An active announcement. Dismissing one is per person and lives in the UI only. */
export const AnnouncementState = z.object({ id: Id, text: z.string(), postedAt: z.number(), by: Id });
export type AnnouncementState = z.infer<typeof AnnouncementState>;

/** `announcementId` is set by the server (any value a client sends is replaced). */
export const PostAnnouncement = z.strictObject({
  type: z.literal('announcement.post'),
  announcementId: z.optional(Id),
  text: Text(LIMITS.announcementTextMax),
});
export const ClearAnnouncement = z.strictObject({
  type: z.literal('announcement.clear'),
  announcementId: Id,
});

export const AnnouncementCommands = [PostAnnouncement, ClearAnnouncement] as const;

export const AnnouncementPosted = z.object({
  ...eventBase,
  type: z.literal('announcement.posted'),
  announcementId: Id,
  text: z.string(),
  by: Id,
});
export const AnnouncementCleared = z.object({
  ...eventBase,
  type: z.literal('announcement.cleared'),
  announcementId: Id,
  by: Id,
});

export const AnnouncementEvents = [AnnouncementPosted, AnnouncementCleared] as const;
