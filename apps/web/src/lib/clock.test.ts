import { describe, expect, it } from 'vitest';
import { ClockOffset } from './clock';

describe('ClockOffset', () => {
  it('is zero before any sample', () => {
    expect(new ClockOffset().offsetMs).toBe(0);
  });

  it('takes the midpoint of the fastest round trip', () => {
    const clock = new ClockOffset();
    // Server is 5000 ms ahead. Slow sample: asymmetric delay skews it; fast one is near exact.
    clock.add({ sentAt: 1000, receivedAt: 1400, serverTime: 6350 });
    clock.add({ sentAt: 2000, receivedAt: 2020, serverTime: 7011 });
    expect(clock.offsetMs).toBe(5001);
    expect(clock.uncertaintyMs).toBe(10);
    expect(clock.serverNow(10_000)).toBe(15_001);
  });

  it('ignores impossible samples and forgets old ones', () => {
    const clock = new ClockOffset();
    clock.add({ sentAt: 100, receivedAt: 50, serverTime: 0 });
    expect(clock.offsetMs).toBe(0);
    clock.add({ sentAt: 0, receivedAt: 2, serverTime: -1000 });
    for (let i = 1; i <= 8; i++)
      clock.add({ sentAt: i * 100, receivedAt: i * 100 + 40, serverTime: i * 100 + 20 + 300 });
    expect(clock.offsetMs).toBe(300);
  });
});
