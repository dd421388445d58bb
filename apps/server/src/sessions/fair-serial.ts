/**
 * Runs tasks one at a time per key (a session), like `KeyedSerial`, but takes turns between lanes
 * (a person): after a task of one lane, the oldest task of the next lane that has one runs. One
 * person's burst of commands then waits behind everyone else's single commands instead of in
 * front of them. Within a lane the order is kept; between lanes there never was an order to keep
 * (the network decides which of two people's commands arrives first).
 */
export class FairSerial {
  private readonly keys = new Map<string, Map<string, (() => Promise<void>)[]>>();

  run<T>(key: string, lane: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let lanes = this.keys.get(key);
      const idle = !lanes;
      if (!lanes) {
        lanes = new Map();
        this.keys.set(key, lanes);
      }
      const queued = lanes.get(lane) ?? [];
      queued.push(async () => {
        try {
          resolve(await task());
        } catch (err) {
          reject(err);
        }
      });
      lanes.set(lane, queued);
      if (idle) void this.drain(key, lanes);
    });
  }

  private async drain(key: string, lanes: Map<string, (() => Promise<void>)[]>): Promise<void> {
    await Promise.resolve(); // as with a promise chain, nothing runs inside the caller's `run`
    // A Map keeps insertion order: take the first lane, and put it back at the end if it has more.
    for (let first = lanes.entries().next(); !first.done; first = lanes.entries().next()) {
      const [lane, queued] = first.value;
      const task = queued.shift()!;
      lanes.delete(lane);
      if (queued.length > 0) lanes.set(lane, queued);
      await task(); // never rejects: the task's own promise carries its failure
    }
    this.keys.delete(key);
  }
}
