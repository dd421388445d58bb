import { z } from 'zod';
import type { ErrorBody } from './errors';
import { SessionEvent } from './events';
import { Id } from './ids';
import type { SessionState } from './state';

/** Bumped whenever a wire shape changes incompatibly; checked at the socket handshake. */
export const PROTOCOL_VERSION = 5;

export const HandshakeAuth = z.object({
  token: z.string().min(1).max(2048),
  protocolVersion: z.number().int(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type CommandAck = Ack<{ version: number; serverTime: number }>;
/**
 * The session state cut for the receiver (`redactState` on the server). Clients apply later events
 * to it with the core reducer and render `viewFor(state, you)`.
 */
export type SnapshotAck = Ack<{ state: SessionState; you: string; online: string[]; serverTime: number }>;
export type ClockAck = { serverTime: number };

export const EventBatch = z.object({ events: z.array(SessionEvent) });
export type EventBatch = z.infer<typeof EventBatch>;

export const PresenceChange = z.object({ participantId: Id, online: z.boolean() });
export type PresenceChange = z.infer<typeof PresenceChange>;

/** Typed socket.io event maps shared by the server and the browser. */
export interface ClientToServerEvents {
  command: (command: unknown, ack: (res: CommandAck) => void) => void;
  snapshot: (ack: (res: SnapshotAck) => void) => void;
  /** Round trip for clock-offset estimation (shared timers show the same time everywhere). */
  clock: (ack: (res: ClockAck) => void) => void;
}

export interface ServerToClientEvents {
  events: (batch: EventBatch) => void;
  presence: (change: PresenceChange) => void;
}
