import type { Command, CommandAck, ErrorBody } from '@kring/protocol';
import { qaRefusalText } from './refusals';

/**
 * Sends Q&A commands for one control and keeps what the person must see: whether it is busy and,
 * when the server said no, why. One runner per control, so a refusal shows next to what caused it.
 * The refusal is kept as the server's answer and worded when read, so it follows a language switch.
 */
export class QaAction {
  busy = $state(false);
  #refusal = $state<{ what: () => string; error: ErrorBody } | null>(null);
  readonly #send: (command: Command) => Promise<CommandAck>;

  constructor(send: (command: Command) => Promise<CommandAck>) {
    this.#send = send;
  }

  /** The last refusal in plain words ("Your vote was not counted: …"), or null. */
  get error(): string | null {
    return this.#refusal ? qaRefusalText(this.#refusal.what(), this.#refusal.error) : null;
  }

  /** Resolves true when the server accepted it; `what` (a message) starts the refusal sentence. */
  async run(command: Command, what: () => string): Promise<boolean> {
    this.busy = true;
    this.#refusal = null;
    try {
      const ack = await this.#send(command);
      if (!ack.ok) this.#refusal = { what, error: ack.error };
      return ack.ok;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    this.#refusal = null;
  }
}
