/**
 * Runs background work (board compactions) one task at a time for the whole server, letting the
 * event loop turn between tasks so that waiting writes and sync answers go first.
 *
 * Why (issue 14): boards written at the same moment reach their compaction time at the same moment.
 * Sixty compactions run back to back from one timer tick held every board's writes for 170 ms (the
 * 60-board storm's worst write). Paced, a write waits for one compaction at most (a few ms).
 */
export class Pacer {
  private readonly waiting: (() => Promise<void>)[] = [];
  private running = false;

  /** Queues `task`; a task deals with its own failures (one that throws does not stop the others). */
  schedule(task: () => Promise<void>): void {
    this.waiting.push(task);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    for (let task = this.waiting.shift(); task; task = this.waiting.shift()) {
      await task().catch(() => {});
      // setImmediate, not a microtask: the poll phase (sockets, I/O) runs before the next task.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.running = false;
  }
}
