/**
 * Code a screen needs only sometimes, fetched on first use (issue 14: a phone on a slow connection
 * should not wait for screens it may never show). `current` is null until the module is here, then
 * the page renders it; `load()` may be called early to fetch while other work goes on. A failed
 * fetch (the connection dropped) is tried again on the next `load()`.
 */
export class Lazy<T> {
  current = $state<T | null>(null);
  #loading: Promise<T> | undefined;
  readonly #fetch: () => Promise<T>;

  constructor(fetch: () => Promise<T>) {
    this.#fetch = fetch;
  }

  load(): Promise<T> {
    this.#loading ??= this.#fetch().then(
      (value) => (this.current = value),
      (err: unknown) => {
        this.#loading = undefined;
        throw err;
      },
    );
    return this.#loading;
  }

  /**
   * Loads, and after a failed fetch tries again after each of `delays` in turn (the last one
   * repeating) until the module is here or the returned stop is called. For code a screen needs
   * now: a dropped connection must not leave a facilitator without their controls until a reload.
   */
  retrying(delays: readonly number[] = RETRY_DELAYS_MS): () => void {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) => {
      this.load().catch(() => {
        if (stopped) return;
        const delay = delays[Math.min(n, delays.length - 1)] ?? 1_000;
        timer = setTimeout(() => attempt(n + 1), delay);
      });
    };
    if (this.current === null) attempt(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
}

/** Between tries of a failed fetch: soon at first, then no more often than every half minute. */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000];
