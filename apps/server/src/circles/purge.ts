import { circleExpiresAt } from '@kring/core';
import type { Log } from '../log';
import type { Scheduler } from '../sessions/countdown';
import { Sweeper } from '../sessions/sweeper';
import type { CircleStore } from '../store/store';
import type { CircleService } from './service';

export interface CirclePurgeDeps {
  store: Pick<CircleStore, 'setCircleExpiry' | 'circlesExpiredBy' | 'deleteCircle'>;
  circles: CircleService;
  /** Deletes one session everywhere (the session purge's path): a deleted circle's meetings' (CI16). */
  deleteSession?: (sessionId: string) => Promise<boolean>;
  /** CI26: closes every connection to a lasting board and waits for its writes, before it goes. */
  endBoard?: (boardId: string) => Promise<void>;
  log: Log;
  clock?: () => number;
  scheduler?: Scheduler;
}

/**
 * CI12: keeps each circle's expiry current after every batch, and deletes circles whose time has
 * come: at start, then every `SWEEP_INTERVAL_MS` (as the session purge does). Deleting is one
 * store transaction, so a restart in the middle leaves the circle whole for the next sweep.
 */
export class CirclePurge {
  private readonly sweeper: Sweeper;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: CirclePurgeDeps) {
    this.sweeper = new Sweeper({
      what: 'circle',
      due: (now) => deps.store.circlesExpiredBy(now),
      purge: (circleId) => this.purge(circleId),
      log: deps.log,
      ...(deps.clock ? { clock: deps.clock } : {}),
      ...(deps.scheduler ? { scheduler: deps.scheduler } : {}),
    });
    this.unsubscribe = deps.circles.onEvents((circleId, events, state) => {
      const last = events.reduce((max, e) => Math.max(max, e.at), 0);
      void deps.store
        .setCircleExpiry(circleId, circleExpiresAt(state, last))
        .catch((err: unknown) =>
          deps.log('error', 'circle expiry not stored', { circleId, error: String(err) }),
        );
    });
  }

  start(): void {
    this.sweeper.start();
  }

  /** Deletes every circle whose time has come; resolves when done. One sweep at a time. */
  sweep(): Promise<void> {
    return this.sweeper.sweep();
  }

  /**
   * Deletes everything of one circle now (a host's request, or its expiry), its meetings' sessions
   * first (CI16): should the circle's deletion fail after them, the next sweep finds the circle
   * whole, its meetings' sessions already gone (CI16 says what a join then answers).
   */
  async purge(circleId: string): Promise<boolean> {
    const state = await this.deps.circles.get(circleId);
    const deleteSession = this.deps.deleteSession;
    if (state && deleteSession) {
      for (const meeting of Object.values(state.meetings)) await deleteSession(meeting.sessionId);
    }
    if (state && this.deps.endBoard) {
      for (const boardId of Object.keys(state.boards)) await this.deps.endBoard(boardId);
    }
    return this.deps.circles.remove(circleId, () => this.deps.store.deleteCircle(circleId));
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.sweeper.stop();
  }
}
