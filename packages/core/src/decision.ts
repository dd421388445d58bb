import type { ErrorBody, NewSessionEvent, ParticipantState } from '@kring/protocol';
import type { SessionState } from './state';

export type Decision = { ok: true; events: NewSessionEvent[] } | { ok: false; error: ErrorBody };

export interface Actor {
  participantId: string;
}

/**
 * What the server knows besides the state when it decides. Presence is not session state (it is
 * not persisted), but a round skips people who left, so the server passes who is online; left
 * out, everyone counts as present. The events record who was skipped, so replay needs no presence.
 */
export interface DecideContext {
  online?: Iterable<string>;
  /**
   * The notes of the command's board as the server read them from its document just before
   * deciding (note id → facts). Core cannot see documents; left out, a note a command names is
   * taken to exist. With it, a missing note is `not_found` and votes on notes that are gone are
   * given back (VO3).
   */
  notes?: ReadonlyMap<string, NoteFacts>;
  /**
   * PR8: the notes of every board of the session (board id → note id → facts), read the same way,
   * for a command about everything one person wrote (`participant.leave`).
   */
  boardNotes?: ReadonlyMap<string, ReadonlyMap<string, NoteFacts>>;
}

/** What core needs to know about a note in a board document. */
export interface NoteFacts {
  hidden: boolean;
  /** The author the document names (named boards: notes written over the board connection). */
  authorId?: string;
  /** BD15: an anonymous note's owner key. */
  ownerKey?: string;
}

/** Everything a rule needs: the state, the acting member, the time, and who is online. */
export interface Ctx {
  state: SessionState;
  who: ParticipantState;
  now: number;
  online: ReadonlySet<string> | null;
  notes: ReadonlyMap<string, NoteFacts> | null;
  boardNotes: ReadonlyMap<string, ReadonlyMap<string, NoteFacts>> | null;
}

export const refuse = (code: ErrorBody['code'], message: string): Decision => ({
  ok: false,
  error: { code, message },
});

export const accept = (...events: NewSessionEvent[]): Decision => ({ ok: true, events });

/** C4: a command that would change nothing records no event. */
export const unchanged = (): Decision => ({ ok: true, events: [] });

export const isPresent = (ctx: Ctx, participantId: string): boolean =>
  ctx.online === null || ctx.online.has(participantId);
