import { type SessionState, closeWhenDue } from '@kring/core';
import type { Log } from '../log';
import type { SessionService } from './service';

/** Sets and clears the timers the countdown waits on; tests pass their own to control time. */
export interface Scheduler {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  set(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref(); // never what keeps the process alive
    return timer;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The longest a Node timer waits; a longer countdown is waited for in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** After a failed close (the store, say), the next try: soon, but not in a tight loop. */
const RETRY_MS = 5_000;

/**
 * Issue 17: with several nodes, which of them closes a breakout whose time is up. The first to
 * claim `(sessionId, endsAt)` does; the others look again after `RETRY_MS` — by then the close has
 * reached them (its events clear their timers), or the claimant died and its claim has lapsed
 * (claims last less than `RETRY_MS`), so one of them takes over. Core's close is idempotent, so a
 * claim that cannot be asked (Redis away) answers yes.
 */
export type CountdownClaim = (sessionId: string, endsAt: number) => Promise<boolean>;

/** How long a claim holds: shorter than `RETRY_MS`, longer than a close takes. */
export const CLAIM_MS = 4_000;

interface Pending {
  endsAt: number;
  handle: unknown;
}

/**
 * BR8/BR9: closes a breakout when its countdown ends. The countdown is data (`endsAt`), so this
 * needs no ticking: one timer per session with open rooms, set for `endsAt` and set again whenever
 * the state says another time (opened, adjusted), cleared when the rooms close. Sessions are
 * followed as their events are stored and as they are loaded from the store, so a restart picks
 * up open rooms (see `resume`) and closes at once those whose time passed meanwhile.
 */
export class BreakoutCountdown {
  private readonly pending = new Map<string, Pending>();
  private readonly unsubscribe: (() => void)[] = [];
  private stopped = false;

  constructor(
    private readonly sessions: SessionService,
    private readonly log: Log,
    private readonly scheduler: Scheduler = realScheduler,
    /** Several nodes: who closes (left out: this process alone). */
    private readonly claim?: CountdownClaim,
  ) {
    this.unsubscribe.push(
      sessions.onEvents((sessionId, events) => {
        if (events.some((e) => e.type.startsWith('breakout.'))) {
          this.follow(sessionId, sessions.peek(sessionId));
        }
      }),
      sessions.onLoad((sessionId, state) => this.follow(sessionId, state)),
    );
  }

  /** After a start: loads the sessions the store says have open rooms, which sets their timers. */
  async resume(sessionIds: readonly string[]): Promise<void> {
    for (const id of sessionIds) {
      try {
        this.follow(id, await this.sessions.get(id));
      } catch (err) {
        this.log('error', 'breakout countdown not resumed', { sessionId: id, error: String(err) });
      }
    }
  }

  /** Sessions with a timer set (for tests and the benchmark). */
  get size(): number {
    return this.pending.size;
  }

  stop(): void {
    this.stopped = true;
    for (const off of this.unsubscribe) off();
    for (const p of this.pending.values()) this.scheduler.clear(p.handle);
    this.pending.clear();
  }

  /** Brings the session's timer in line with its state: set for `endsAt` while open, else none. */
  private follow(sessionId: string, state: SessionState | null | undefined, minDelayMs = 0): void {
    const current = state?.breakouts.current;
    const endsAt = current?.status === 'open' ? current.endsAt : null;
    const existing = this.pending.get(sessionId);
    if (existing?.endsAt === endsAt) return;
    if (existing) {
      this.scheduler.clear(existing.handle);
      this.pending.delete(sessionId);
    }
    if (endsAt === null || this.stopped) return;
    const delay = Math.min(Math.max(minDelayMs, endsAt - this.sessions.now()), MAX_DELAY_MS);
    const entry: Pending = { endsAt, handle: undefined };
    entry.handle = this.scheduler.set(() => void this.fire(sessionId, entry), delay);
    this.pending.set(sessionId, entry);
  }

  private async fire(sessionId: string, entry: Pending): Promise<void> {
    if (this.pending.get(sessionId) !== entry) return; // replaced or cleared meanwhile
    this.pending.delete(sessionId);
    if (this.stopped) return;
    if (this.claim && !(await this.claimed(sessionId, entry.endsAt))) {
      // Another node closes it; look again later in case it could not.
      this.follow(sessionId, this.sessions.peek(sessionId), RETRY_MS);
      return;
    }
    let failed = false;
    try {
      const result = await this.sessions.record(sessionId, closeWhenDue);
      if (!result.ok) {
        failed = true;
        this.log('warn', 'breakout not closed on time', { sessionId, code: result.error.code });
      }
    } catch (err) {
      failed = true;
      this.log('error', 'breakout not closed on time', { sessionId, error: String(err) });
    }
    // Still open (fired early, a step of a very long countdown, or the close failed): wait again.
    this.follow(sessionId, this.sessions.peek(sessionId), failed ? RETRY_MS : 0);
  }

  private async claimed(sessionId: string, endsAt: number): Promise<boolean> {
    try {
      return await this.claim!(sessionId, endsAt);
    } catch (err) {
      this.log('warn', 'breakout countdown claim not asked', { sessionId, error: String(err) });
      return true;
    }
  }
}
