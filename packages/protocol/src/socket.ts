import { z } from 'zod';
import type { ErrorBody } from './errors';
import { SessionEvent } from './events';
import { Id } from './ids';
import { Role } from './roles';

/** Bumped whenever a wire shape changes incompatibly; checked at the socket handshake. */
export const PROTOCOL_VERSION = 1;

export const HandshakeAuth = z.object({
  token: z.string().min(1).max(2048),
  protocolVersion: z.number().int(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export const ParticipantState = z.object({
  id: Id,
  displayName: z.string(),
  role: Role,
  joinedAt: z.number(),
});
export type ParticipantState = z.infer<typeof ParticipantState>;

export const BoardState = z.object({ id: Id, title: z.string(), locked: z.boolean() });
export type BoardState = z.infer<typeof BoardState>;

/** The session as one person may see it. Presence is not part of it: it is not persisted. */
export const SessionView = z.object({
  version: z.number().int().nonnegative(),
  sessionId: Id,
  title: z.string(),
  joinCode: z.string(),
  createdAt: z.number(),
  participants: z.record(z.string(), ParticipantState),
  boards: z.array(BoardState),
});
export type SessionView = z.infer<typeof SessionView>;

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type CommandAck = Ack<{ version: number; serverTime: number }>;
export type SnapshotAck = Ack<{ view: SessionView; you: string; online: string[]; serverTime: number }>;

export const EventBatch = z.object({ events: z.array(SessionEvent) });
export type EventBatch = z.infer<typeof EventBatch>;

export const PresenceChange = z.object({ participantId: Id, online: z.boolean() });
export type PresenceChange = z.infer<typeof PresenceChange>;

/** Typed socket.io event maps shared by the server and the browser. */
export interface ClientToServerEvents {
  command: (command: unknown, ack: (res: CommandAck) => void) => void;
  snapshot: (ack: (res: SnapshotAck) => void) => void;
}

export interface ServerToClientEvents {
  events: (batch: EventBatch) => void;
  presence: (change: PresenceChange) => void;
}
