import type { Command, CommandAck, ErrorBody } from '@kring/protocol';
import { refusalText } from './refusals';

/**
 * Sends the commands of one breakout control and keeps what the person must see: whether it is
 * busy and, when the server said no, why — worded in this person's language when it is shown,
 * so a refusal on screen follows a switch of language. One runner per control.
 */
export class BreakoutAction {
  busy = $state(false);
  #refusal = $state<{ failed: () => string; error: ErrorBody } | null>(null);
  readonly #send: (command: Command) => Promise<CommandAck>;

  constructor(send: (command: Command) => Promise<CommandAck>) {
    this.#send = send;
  }

  /** The refusal as a sentence ("Could not open the rooms: …"), or null. */
  get error(): string | null {
    const refusal = this.#refusal;
    return refusal ? refusalText(refusal.failed(), refusal.error) : null;
  }

  /** Resolves true when the server accepted it; `failed` words what did not happen ("Could not …"). */
  async run(command: Command, failed: () => string): Promise<boolean> {
    this.busy = true;
    this.#refusal = null;
    try {
      const ack = await this.#send(command);
      if (!ack.ok) this.#refusal = { failed, error: ack.error };
      return ack.ok;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    this.#refusal = null;
  }
}
