import * as z from 'zod';
import type { CaptionLine, CaptionPartial, CaptionScope, CaptionUpdate } from './captions';
import type { ErrorBody } from './errors';
import { SessionEvent } from './events';
import { Id } from './ids';
import type { SessionState } from './state';

/** Bumped whenever a wire shape changes incompatibly; checked at the socket handshake. */
export const PROTOCOL_VERSION = 8;

export const HandshakeAuth = z.object({
  token: z.string().min(1).max(2048),
  protocolVersion: z.number().int(),
  /**
   * A shared screen (the projector) shows the plenary's captions, wherever the person whose token
   * opened it is (a facilitator visiting a room). Plenary captions are every member's (CA3).
   */
  screen: z.literal('projector').optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type CommandAck = Ack<{ version: number; serverTime: number }>;
/**
 * The session state cut for the receiver (`redactState` on the server). Clients apply later events
 * to it with the core reducer and render `viewFor(state, you)`.
 */
export type SnapshotAck = Ack<{ state: SessionState; you: string; online: string[]; serverTime: number }>;
/**
 * A snapshot as it travels: the state as UTF-8 JSON bytes, a binary attachment. The server writes
 * the part every cut shares (the people) once per version instead of once per connection, and as
 * bytes it is neither escaped into the packet's JSON nor scanned again (issue 14: a thousand people
 * connecting at once each received the same 100 KiB of people, encoded a thousand times). Node
 * clients receive a Buffer, browsers an ArrayBuffer; `readSnapshot` turns either back.
 */
export type SnapshotWire = Ack<{
  state: ArrayBuffer | Uint8Array;
  you: string;
  online: string[];
  serverTime: number;
}>;

const utf8 = new TextDecoder();

/** A snapshot's state read back from its JSON bytes (clients that check shapes parse it further). */
export function readSnapshot(wire: SnapshotWire): SnapshotAck {
  if (!wire.ok) return wire;
  return { ...wire, state: JSON.parse(utf8.decode(wire.state)) as SessionState };
}
/**
 * The answer to `resume`: what a client that was connected before missed since the version it
 * holds, cut for it as the live events were, or `events: null` when the server no longer has all
 * of them (it restarted, too much happened, or something was erased meanwhile): then it takes a
 * snapshot. People are sent once, with the first snapshot; a reconnect costs what changed.
 */
export type ResumeAck = Ack<{ events: SessionEvent[] | null; online: string[]; serverTime: number }>;
export type ClockAck = { serverTime: number };
/** A caption input's answer: the stored line (null for a partial). */
export type CaptionAck = Ack<{ line: CaptionLine | null }>;
/** The latest lines and partials of the asker's caption scope (CA3), oldest first. */
export type CaptionsAck = Ack<{ scope: CaptionScope; lines: CaptionLine[]; partials: CaptionPartial[] }>;

export const EventBatch = z.object({ events: z.array(SessionEvent) });
export type EventBatch = z.infer<typeof EventBatch>;

/**
 * Who came and went since the last update of this session's presence. The server gathers the
 * changes of a short window into one message (each person at most once, in their latest state), so
 * a thousand people arriving together cost a few messages per screen, not a thousand.
 */
export const PresenceUpdate = z.object({ online: z.array(Id), offline: z.array(Id) });
export type PresenceUpdate = z.infer<typeof PresenceUpdate>;

/** Typed socket.io event maps shared by the server and the browser. */
export interface ClientToServerEvents {
  command: (command: unknown, ack: (res: CommandAck) => void) => void;
  snapshot: (ack: (res: SnapshotWire) => void) => void;
  /** After a reconnect: the events after the version the client holds (`ResumeAck`). */
  resume: (since: number, ack: (res: ResumeAck) => void) => void;
  /** Round trip for clock-offset estimation (shared timers show the same time everywhere). */
  clock: (ack: (res: ClockAck) => void) => void;
  /** A captioner's partial, line or correction (`CaptionInput`, validated by the server). */
  caption: (input: unknown, ack: (res: CaptionAck) => void) => void;
  /** The latest captions of this person's scope (on open, and whenever their scope changes). */
  captions: (ack: (res: CaptionsAck) => void) => void;
}

export interface ServerToClientEvents {
  events: (batch: EventBatch) => void;
  presence: (update: PresenceUpdate) => void;
  /** Captions of the receiver's scope (CA3); partials are volatile: a slow screen skips some. */
  caption: (update: CaptionUpdate) => void;
}
