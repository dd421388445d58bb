import type { PresenceUpdate } from '@kring/protocol';

/** How long changes of one session's presence are gathered before they go out together, at least. */
export const PRESENCE_WINDOW_MS = 100;
/**
 * The window grows by this much per person online: a flush costs one write per person, so the
 * time spent on presence stays a small share of the server's, whatever the room's size (issue 14:
 * after a restart, 900 people coming back in 100 ms windows spent ~20% of the CPU on presence).
 */
export const PRESENCE_MS_PER_PERSON = 1;
/** ...but never longer than this: people still see who is there within about a second. */
export const PRESENCE_MAX_WINDOW_MS = 1000;

export interface PresenceTimers {
  now(): number;
  after(ms: number, run: () => void): { cancel(): void };
}

const realTimers: PresenceTimers = {
  now: () => performance.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

interface Pending {
  /** participant id → their latest state in this window (the last change wins). */
  changes: Map<string, boolean>;
  timer: { cancel(): void } | null;
}

/**
 * Sends presence changes per session, gathered (issue 14: one message per person per connect was
 * O(N²) when a thousand people arrive together). The first change after a quiet window goes out at
 * once, so one person arriving is seen without delay; changes within the window after it wait for
 * its end and go out as one update, each person once, in their latest state. The window is longer
 * the more people are online (see `PRESENCE_MS_PER_PERSON`); people who (re)connect need none of
 * these updates to be current: their snapshot says who is online.
 */
export class PresenceBroadcast {
  private readonly pending = new Map<string, Pending>();
  private readonly lastSent = new Map<string, number>();
  /** People online per session, as the changes tell it: who a flush writes to. */
  private readonly online = new Map<string, number>();

  constructor(
    private readonly send: (sessionId: string, update: PresenceUpdate) => void,
    private readonly windowMs = PRESENCE_WINDOW_MS,
    private readonly timers: PresenceTimers = realTimers,
    private readonly msPerPerson = PRESENCE_MS_PER_PERSON,
    private readonly maxWindowMs = PRESENCE_MAX_WINDOW_MS,
  ) {}

  /** Called once per person coming online or going offline (not per connection). */
  change(sessionId: string, participantId: string, online: boolean): void {
    this.online.set(sessionId, Math.max(0, (this.online.get(sessionId) ?? 0) + (online ? 1 : -1)));
    const waiting = this.pending.get(sessionId);
    if (waiting) {
      waiting.changes.set(participantId, online);
      return;
    }
    const window = this.window(sessionId);
    const since = this.timers.now() - (this.lastSent.get(sessionId) ?? Number.NEGATIVE_INFINITY);
    const batch: Pending = { changes: new Map([[participantId, online]]), timer: null };
    this.pending.set(sessionId, batch);
    if (since >= window) this.flush(sessionId);
    else batch.timer = this.timers.after(window - since, () => this.flush(sessionId));
  }

  /** The session is gone: nothing more to send for it. */
  forget(sessionId: string): void {
    this.pending.get(sessionId)?.timer?.cancel();
    this.pending.delete(sessionId);
    this.lastSent.delete(sessionId);
    this.online.delete(sessionId);
  }

  private window(sessionId: string): number {
    const grown = (this.online.get(sessionId) ?? 0) * this.msPerPerson;
    return Math.min(this.maxWindowMs, Math.max(this.windowMs, grown));
  }

  private flush(sessionId: string): void {
    const batch = this.pending.get(sessionId);
    if (!batch) return;
    this.pending.delete(sessionId);
    const update: PresenceUpdate = { online: [], offline: [] };
    for (const [id, online] of batch.changes) (online ? update.online : update.offline).push(id);
    this.lastSent.set(sessionId, this.timers.now());
    this.send(sessionId, update);
    // A window starts with what was just sent: changes in it wait for its end.
  }
}
