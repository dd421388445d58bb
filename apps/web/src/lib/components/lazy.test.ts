import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Lazy } from './lazy.svelte';

describe('Lazy: code fetched on first need', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fetches once however often it is asked', async () => {
    const fetch = vi.fn(async () => 'module');
    const lazy = new Lazy(fetch);
    await Promise.all([lazy.load(), lazy.load()]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lazy.current).toBe('module');
  });

  it('retrying: a failed fetch is tried again after each delay until it arrives', async () => {
    let failures = 3;
    const fetch = vi.fn(async () => {
      if (failures-- > 0) throw new TypeError('Failed to fetch dynamically imported module');
      return 'module';
    });
    const lazy = new Lazy(fetch);
    lazy.retrying([100, 200]);
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    // The last delay repeats.
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(lazy.current).toBe('module');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('retrying: stops trying once stopped (the screen no longer needs it)', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('offline');
    });
    const lazy = new Lazy(fetch);
    const stop = lazy.retrying([100]);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lazy.current).toBeNull();
  });
});
