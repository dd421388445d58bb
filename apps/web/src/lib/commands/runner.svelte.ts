import type { Command, CommandAck, ErrorBody } from '@kring/protocol';
import { type Reasons, refusalText } from './refusal';

type Send = (command: Command) => Promise<CommandAck>;
/** How a refusal becomes a sentence: `what` did not happen ("Could not …"), `error` says why. */
export type Wording = (what: string, error: ErrorBody, reasons?: Reasons) => string;

/**
 * Sends commands for one control and keeps what the person must see: whether it is busy and,
 * when the server said no, why. One runner per control, so a refusal shows next to what caused
 * it; one command at a time, so a double click is one request. A refusal is kept as the server's
 * answer and worded when it is read, so the sentence follows a switch of language.
 */
export class CommandRunner {
  busy = $state(false);
  #refusal = $state<{ what: () => string; error: ErrorBody; reasons?: Reasons } | null>(null);
  #problem = $state<(() => string) | null>(null);
  readonly #send: Send;
  readonly #word: Wording;

  constructor(send: Send, word: Wording = refusalText) {
    this.#send = send;
    this.#word = word;
  }

  /** The last refusal (or problem found before sending) in plain words, or null. */
  get error(): string | null {
    if (this.#problem) return this.#problem();
    const refusal = this.#refusal;
    return refusal ? this.#word(refusal.what(), refusal.error, refusal.reasons) : null;
  }

  /**
   * Resolves true when the server accepted it; `what` starts the refusal sentence ("Could not …"),
   * `reasons` words the refusals this control knows better than the code says.
   */
  async run(command: Command, what: string | (() => string), reasons?: Reasons): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.clear();
    try {
      const ack = await this.#send(command);
      if (!ack.ok) {
        const words = typeof what === 'function' ? what : () => what;
        this.#refusal = { what: words, error: ack.error, ...(reasons ? { reasons } : {}) };
      }
      return ack.ok;
    } finally {
      this.busy = false;
    }
  }

  /** A problem the control found itself (an empty title), worded when shown. */
  problem(words: () => string): void {
    this.#refusal = null;
    this.#problem = words;
  }

  clear(): void {
    this.#refusal = null;
    this.#problem = null;
  }
}
