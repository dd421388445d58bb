import * as z from 'zod/mini';
import { AgendaEvents } from './agenda';
import { AnnouncementEvents } from './announcements';
import { BoardEvents } from './boards';
import { BreakoutEvents } from './breakouts';
import { CaptionEvents } from './captions';
import { PrivacyEvents } from './privacy';
import { eventBase } from './event-base';
import { FloorEvents } from './floor-events';
import { Id } from './ids';
import { ParticipantEvents } from './participants';
import { QaEvents } from './qa';
import { Role } from './roles';
import { SessionAccessEvents } from './session';
import { SignalEvents } from './signals';
import { TimerEvents } from './timer';

/**
 * Session events: the facts the session engine records. They are stored in order (one version
 * per event) and broadcast as deltas; a client that applies them with the core reducer holds the
 * same state as the server (cut for its audience, see core `redactEvent`).
 */
const base = eventBase;

export const SessionCreated = z.object({
  ...base,
  type: z.literal('session.created'),
  sessionId: Id,
  title: z.string(),
  joinCode: z.string(),
});

export const ParticipantJoined = z.object({
  ...base,
  type: z.literal('participant.joined'),
  participantId: Id,
  displayName: z.string(),
  role: Role,
});

/**
 * Stands in for an event this person may not see. It keeps the version chain whole (R1), so a
 * client never mistakes a private event for a gap; applying it changes nothing but the version.
 */
export const EventRedacted = z.object({ ...base, type: z.literal('event.redacted') });

export const SessionEvent = z.discriminatedUnion('type', [
  SessionCreated,
  ParticipantJoined,
  ...BoardEvents,
  EventRedacted,
  ...ParticipantEvents,
  ...AgendaEvents,
  ...TimerEvents,
  ...FloorEvents,
  ...QaEvents,
  ...AnnouncementEvents,
  ...SignalEvents,
  ...BreakoutEvents,
  ...SessionAccessEvents,
  ...CaptionEvents,
  ...PrivacyEvents,
]);
export type SessionEvent = z.infer<typeof SessionEvent>;
export type SessionEventType = SessionEvent['type'];
/** The event of one type, e.g. `EventOf<'timer.changed'>`. */
export type EventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;
/** An event before the store gives it a version. */
export type NewSessionEvent = SessionEvent extends infer E
  ? E extends SessionEvent
    ? Omit<E, 'v'>
    : never
  : never;
