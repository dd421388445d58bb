import * as z from 'zod/mini';
import type { CaptionLine, CaptionPartial, CaptionScope, CaptionUpdate } from './captions';
import type { ErrorBody } from './errors';
import { SessionEvent } from './events';
import { Id } from './ids';
import type { SessionState } from './state';

/** Bumped whenever a wire shape changes incompatibly; checked at the socket handshake. */
export const PROTOCOL_VERSION = 9;

export const HandshakeAuth = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(2048)),
  protocolVersion: z.int(),
  /**
   * A shared screen (the projector) shows the plenary's captions, wherever the person whose token
   * opened it is (a facilitator visiting a room). Plenary captions are every member's (CA3).
   */
  screen: z.optional(z.literal('projector')),
  /**
   * The state version this client holds, when it comes back after a drop: its welcome then carries
   * what it missed instead of the whole state.
   */
  since: z.optional(z.int().check(z.gte(0))),
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
 * What the server sends a socket as soon as it is connected, unasked (issue 14: asking cost a phone
 * at 400 ms round trip one more of them before every first state and every return): for a client
 * back after a drop (`HandshakeAuth.since`), what it missed since the version it holds, cut for it
 * as the live events were, when the server still has all of it; else, and on a first connect, the
 * whole state as a snapshot travels. People are sent once, with the first snapshot; a return costs
 * what changed. Live batches the socket receives before its welcome are in the welcome already.
 */
export type WelcomeWire = Ack<
  | {
      kind: 'snapshot';
      state: ArrayBuffer | Uint8Array;
      you: string;
      online: string[];
      serverTime: number;
    }
  | { kind: 'resume'; events: SessionEvent[]; online: string[]; serverTime: number }
>;
/** A welcome with its snapshot's state read back (`readWelcome`). */
export type Welcome = Ack<
  | { kind: 'snapshot'; state: SessionState; you: string; online: string[]; serverTime: number }
  | { kind: 'resume'; events: SessionEvent[]; online: string[]; serverTime: number }
>;

/** A welcome as the screens read it: a snapshot's state turned back from its JSON bytes. */
export function readWelcome(wire: WelcomeWire): Welcome {
  if (!wire.ok || wire.kind === 'resume') return wire;
  return { ...wire, state: JSON.parse(utf8.decode(wire.state)) as SessionState };
}
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
  /** The whole state again (after a gap in the events, or a welcome that never came). */
  snapshot: (ack: (res: SnapshotWire) => void) => void;
  /** Round trip for clock-offset estimation (shared timers show the same time everywhere). */
  clock: (ack: (res: ClockAck) => void) => void;
  /** A captioner's partial, line or correction (`CaptionInput`, validated by the server). */
  caption: (input: unknown, ack: (res: CaptionAck) => void) => void;
  /** The latest captions of this person's scope (on open, and whenever their scope changes). */
  captions: (ack: (res: CaptionsAck) => void) => void;
}

export interface ServerToClientEvents {
  /** Once per connection, first of all that concerns the session (`WelcomeWire`). */
  welcome: (welcome: WelcomeWire) => void;
  events: (batch: EventBatch) => void;
  presence: (update: PresenceUpdate) => void;
  /** Captions of the receiver's scope (CA3); partials are volatile: a slow screen skips some. */
  caption: (update: CaptionUpdate) => void;
}
