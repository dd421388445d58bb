import { z } from 'zod';
import { Id } from './ids';
import { Role } from './roles';

/**
 * Session events: the facts the session engine records. They are stored in order (one version
 * per event) and broadcast as deltas; a client that applies them with the core reducer holds the
 * same state as the server.
 */
const base = { v: z.number().int().positive(), at: z.number() };

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

export const BoardCreated = z.object({
  ...base,
  type: z.literal('board.created'),
  boardId: Id,
  title: z.string(),
});

export const BoardLockChanged = z.object({
  ...base,
  type: z.literal('board.lockChanged'),
  boardId: Id,
  locked: z.boolean(),
  by: Id,
});

export const SessionEvent = z.discriminatedUnion('type', [
  SessionCreated,
  ParticipantJoined,
  BoardCreated,
  BoardLockChanged,
]);
export type SessionEvent = z.infer<typeof SessionEvent>;
export type SessionEventType = SessionEvent['type'];
/** An event before the store gives it a version. */
export type NewSessionEvent = SessionEvent extends infer E
  ? E extends SessionEvent
    ? Omit<E, 'v'>
    : never
  : never;
