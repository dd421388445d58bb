import { ApiError, describeApiError, type ReasonWords } from '$lib/api';

/**
 * One button's or form's call to the server: busy while it runs, and the refusal in the page's
 * words when it fails (the server's SE/CI messages in English, the code's words in other
 * languages: `describeApiError`). The caller says the outcome and moves focus.
 */
export class Action {
  busy = $state(false);
  error = $state('');

  constructor(private readonly sentences: ReasonWords = {}) {}

  /** The answer, or undefined when it failed (then `error` says why). */
  async run<T>(call: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.error = '';
    try {
      return await call();
    } catch (err) {
      this.error =
        err instanceof ApiError
          ? describeApiError(err, this.sentences)
          : describeApiError(new ApiError(0, 'network', ''));
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    this.error = '';
  }
}
