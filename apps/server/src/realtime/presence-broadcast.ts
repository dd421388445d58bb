import type { PresenceUpdate } from '@kring/protocol';

/** How long changes of one session's presence are gathered before they go out together. */
export const PRESENCE_WINDOW_MS = 100;

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
 * its end and go out as one update, each person once, in their latest state.
 */
export class PresenceBroadcast {
  private readonly pending = new Map<string, Pending>();
  private readonly lastSent = new Map<string, number>();

  constructor(
    private readonly send: (sessionId: string, update: PresenceUpdate) => void,
    private readonly windowMs = PRESENCE_WINDOW_MS,
    private readonly timers: PresenceTimers = realTimers,
  ) {}

  change(sessionId: string, participantId: string, online: boolean): void {
    const waiting = this.pending.get(sessionId);
    if (waiting) {
      waiting.changes.set(participantId, online);
      return;
    }
    const since = this.timers.now() - (this.lastSent.get(sessionId) ?? Number.NEGATIVE_INFINITY);
    const batch: Pending = { changes: new Map([[participantId, online]]), timer: null };
    this.pending.set(sessionId, batch);
    if (since >= this.windowMs) this.flush(sessionId);
    else batch.timer = this.timers.after(this.windowMs - since, () => this.flush(sessionId));
  }

  /** The session is gone: nothing more to send for it. */
  forget(sessionId: string): void {
    this.pending.get(sessionId)?.timer?.cancel();
    this.pending.delete(sessionId);
    this.lastSent.delete(sessionId);
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
