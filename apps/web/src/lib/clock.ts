/**
 * Estimates how far the server's clock is from this browser's, from request/ack round trips
 * whose ack carries `serverTime`. Timers are data (`endsAt` in server time), so every screen shows
 * the same countdown once it corrects `Date.now()` by this offset.
 *
 * The sample with the shortest round trip wins: its midpoint is the least uncertain (error is at
 * most half the round trip). Old samples expire so a changed network path is picked up.
 */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverTime: number;
}

const KEEP = 8;

export class ClockOffset {
  #samples: (ClockSample & { rtt: number; offset: number })[] = [];

  add(sample: ClockSample): void {
    const rtt = sample.receivedAt - sample.sentAt;
    if (!(rtt >= 0) || !Number.isFinite(sample.serverTime)) return;
    const offset = sample.serverTime - (sample.sentAt + rtt / 2);
    this.#samples.push({ ...sample, rtt, offset });
    if (this.#samples.length > KEEP) this.#samples.shift();
  }

  /** Milliseconds to add to the local clock to get server time; 0 until the first sample. */
  get offsetMs(): number {
    let best: { rtt: number; offset: number } | undefined;
    for (const s of this.#samples) if (!best || s.rtt < best.rtt) best = s;
    return best ? Math.round(best.offset) : 0;
  }

  /** Half the best round trip: how wrong `offsetMs` can be at most. */
  get uncertaintyMs(): number {
    const rtts = this.#samples.map((s) => s.rtt);
    return rtts.length ? Math.min(...rtts) / 2 : Infinity;
  }

  serverNow(localNow: number): number {
    return localNow + this.offsetMs;
  }
}
