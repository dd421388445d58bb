/**
 * Runs async tasks one after the other. Each board has one, so that loading, every write
 * (persist then broadcast), every sync answer and the unload happen in a single order: nobody
 * can read document state that is not yet in the store, and an unload cannot overtake a write.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;

  /** Tasks queued and not yet settled, the running one included. */
  get pending(): number {
    return this.queued;
  }

  /** Queues `task`; the returned promise settles with it. A failing task does not stop the queue. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.queued++;
    const result = this.tail.then(task);
    const settled = () => {
      this.queued--;
    };
    this.tail = result.then(settled, settled);
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail;
  }
}
