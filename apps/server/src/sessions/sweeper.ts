import type { Log } from '../log';
import { type Scheduler, realScheduler } from './countdown';

/** How often the server looks for what has reached the end of its retention (PR3, CI12). */
export const SWEEP_INTERVAL_MS = 60_000;

export interface SweeperDeps {
  /** What it deletes, for its log lines: "session", "circle". */
  what: string;
  /** The ids whose time has come at `now`, oldest first. */
  due: (now: number) => Promise<string[]>;
  /** Deletes one of them everywhere. */
  purge: (id: string) => Promise<unknown>;
  log: Log;
  clock?: () => number;
  scheduler?: Scheduler;
}

/**
 * The retention loop shared by sessions and circles: a sweep at start, then every
 * `SWEEP_INTERVAL_MS`, one sweep at a time; a failed deletion is logged (by id, never by content)
 * and tried again on the next sweep. Stopping waits for the sweep in progress.
 */
export class Sweeper {
  private handle: unknown = null;
  private stopped = false;
  private running: Promise<void> = Promise.resolve();
  private readonly clock: () => number;
  private readonly scheduler: Scheduler;

  constructor(private readonly deps: SweeperDeps) {
    this.clock = deps.clock ?? Date.now;
    this.scheduler = deps.scheduler ?? realScheduler;
  }

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      void this.sweep().finally(() => {
        if (!this.stopped) this.handle = this.scheduler.set(tick, SWEEP_INTERVAL_MS);
      });
    };
    tick();
  }

  /** Deletes everything whose time has come; resolves when done. */
  sweep(): Promise<void> {
    const { what, log } = this.deps;
    this.running = this.running.then(async () => {
      for (const id of await this.deps.due(this.clock())) {
        try {
          await this.deps.purge(id);
          log('info', `${what} deleted`, { [`${what}Id`]: id, reason: 'retention' });
        } catch (err) {
          log('error', `${what} could not be deleted`, { [`${what}Id`]: id, error: String(err) });
        }
      }
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== null) this.scheduler.clear(this.handle);
    await this.running;
  }
}
