import { type SessionState, erasuresOf, needsRedaction, redactBatch } from '@kring/core';
import type { SessionEvent } from '@kring/protocol';

/** How much of a session's recent past is kept for clients coming back. */
export interface RecentLimits {
  /** Events kept per session, oldest dropped first. */
  events: number;
  /** How long a batch is kept. */
  ms: number;
}

export const RECENT_LIMITS: RecentLimits = { events: 500, ms: 120_000 };

interface Kept {
  /** The session's version before the batch. */
  from: number;
  events: readonly SessionEvent[];
  /**
   * The state before the batch, only when the batch goes out cut per person: each cut is worked
   * out from it. Kept for no other batch, so a thousand arrivals do not hold a thousand copies of
   * the people in memory.
   */
  before: SessionState | null;
  at: number;
}

/**
 * A session's latest published batches, so a client whose connection dropped for a moment gets
 * what it missed, cut for it as the live events were, instead of a whole new snapshot (issue 14:
 * people once, then deltas; at a thousand people a snapshot is 116 KiB, three seconds on a phone at
 * 400 kbit/s). Kept in memory only, for a short while; a batch that erases anything (PR: a note
 * deleted, someone leaving with their words, a purge) drops the session's whole past, so nothing
 * erased is ever sent again from here: whoever was away then takes a snapshot.
 */
export class RecentBatches {
  private readonly bySession = new Map<string, Kept[]>();

  constructor(
    private readonly clock: () => number,
    private readonly limits: RecentLimits = RECENT_LIMITS,
  ) {}

  record(sessionId: string, before: SessionState, events: readonly SessionEvent[]): void {
    if (events.some((e) => erasuresOf(e).length > 0)) {
      this.bySession.delete(sessionId);
      return;
    }
    const kept = this.bySession.get(sessionId) ?? [];
    const cut = needsRedaction(events, before);
    kept.push({ from: before.version, events, before: cut ? before : null, at: this.clock() });
    this.trim(kept);
    this.bySession.set(sessionId, kept);
  }

  /** The session is gone (PR4): nothing of it is kept. */
  forget(sessionId: string): void {
    this.bySession.delete(sessionId);
  }

  /**
   * The events after version `since`, as `viewerId` received them live, up to `current`; null
   * when they are not all kept (the client then takes a snapshot).
   */
  since(sessionId: string, since: number, current: number, viewerId: string): SessionEvent[] | null {
    if (since === current) return [];
    if (since > current) return null;
    const kept = this.bySession.get(sessionId);
    if (!kept) return null;
    this.trim(kept);
    const from = kept.findIndex((k) => (k.events.at(-1)?.v ?? 0) > since);
    // The first batch needed must start at or before what the client holds: no gap between.
    if (from < 0 || kept[from]!.from > since) return null;
    const out: SessionEvent[] = [];
    for (const k of kept.slice(from)) {
      const cut = k.before ? redactBatch(k.before, k.events)(viewerId) : k.events;
      for (const e of cut) if (e.v > since) out.push(e);
    }
    return out.at(-1)?.v === current ? out : null;
  }

  private trim(kept: Kept[]): void {
    const oldest = this.clock() - this.limits.ms;
    let events = kept.reduce((n, k) => n + k.events.length, 0);
    while (kept.length > 0 && (kept[0]!.at < oldest || events > this.limits.events)) {
      events -= kept.shift()!.events.length;
    }
  }
}
