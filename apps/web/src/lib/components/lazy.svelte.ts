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
}
