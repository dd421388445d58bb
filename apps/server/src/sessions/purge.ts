import { expiresAt } from '@kring/core';
import type { BoardSync } from '../boards';
import type { Log } from '../log';
import type { Store } from '../store/store';
import type { Scheduler } from './countdown';
import type { SessionService } from './service';
import { Sweeper } from './sweeper';

export interface PurgeDeps {
  store: Pick<Store, 'setSessionExpiry' | 'sessionsExpiredBy' | 'deleteSession'>;
  sessions: SessionService;
  boards: Pick<BoardSync, 'endSession'>;
  /** Cuts the session's socket.io connections (they learn the session is gone when they come back). */
  disconnect: (sessionId: string) => void;
  /** Forgets what the server keeps of the session in memory besides its state (caption partials). */
  forget: (sessionId: string) => void;
  log: Log;
  clock?: () => number;
  scheduler?: Scheduler;
}

/**
 * PR3/PR4: keeps each session's expiry current after every batch, and deletes sessions whose time
 * has come: at start, then every `SWEEP_INTERVAL_MS`. Deleting is one store transaction, so a
 * restart in the middle leaves the session whole, and the next sweep deletes it.
 */
export class SessionPurge {
  private readonly sweeper: Sweeper;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: PurgeDeps) {
    this.sweeper = new Sweeper({
      what: 'session',
      due: (now) => deps.store.sessionsExpiredBy(now),
      purge: (sessionId) => this.purge(sessionId),
      log: deps.log,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    });
    this.unsubscribe = deps.sessions.onEvents((sessionId, events) => {
      const state = deps.sessions.peek(sessionId);
      const last = events.reduce((max, e) => Math.max(max, e.at), 0);
      if (!state) return;
      void deps.store
        .setSessionExpiry(sessionId, expiresAt(state, last))
        .catch((err: unknown) =>
          deps.log('error', 'session expiry not stored', { sessionId, error: String(err) }),
        );
    });
  }

  /** Sweeps now, then every `SWEEP_INTERVAL_MS`. */
  start(): void {
    this.sweeper.start();
  }

  /** Deletes every session whose time has come; resolves when done. One sweep at a time. */
  sweep(): Promise<void> {
    return this.sweeper.sweep();
  }

  /**
   * PR4: deletes everything of one session now (the host's "end and delete", or its expiry): cuts
   * its connections, lets queued board writes finish, deletes it in one transaction, forgets it.
   */
  async purge(sessionId: string): Promise<boolean> {
    const state = await this.deps.sessions.get(sessionId);
    this.deps.disconnect(sessionId);
    await this.deps.boards.endSession(sessionId, state?.boards.map((b) => b.id) ?? []);
    const removed = await this.deps.sessions.remove(sessionId, () =>
      this.deps.store.deleteSession(sessionId),
    );
    this.deps.forget(sessionId);
    // Connections that came in while the deletion waited find no session from now on.
    this.deps.disconnect(sessionId);
    return removed;
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.sweeper.stop();
  }
}
