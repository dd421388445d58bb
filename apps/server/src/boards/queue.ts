/**
 * Runs async tasks one after the other. Each board has one, so that loading, every write
 * (persist then broadcast), every sync answer and the unload happen in a single order: nobody
 * can read document state that is not yet in the store, and an unload cannot overtake a write.
 */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  /** Queues `task`; the returned promise settles with it. A failing task does not stop the queue. */
  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail;
  }
}
