import type { Command, CommandAck, ErrorBody } from '@kring/protocol';
import { refusalText } from './refusals';

/**
 * Runs floor commands for one component: the server decides, the component shows its refusal in
 * plain words. One command at a time, so a double click is one request. The refusal is kept as the
 * server's answer and worded when read, so it follows a language switch.
 */
export class FloorAction {
  busy = $state(false);
  #refusal = $state<{ failed: () => string; error: ErrorBody } | null>(null);
  readonly #send: (command: Command) => Promise<CommandAck>;

  constructor(send: (command: Command) => Promise<CommandAck>) {
    this.#send = send;
  }

  /** The last refusal in plain words ("Could not pass: …"), or null. */
  get error(): string | null {
    return this.#refusal ? refusalText(this.#refusal.failed(), this.#refusal.error) : null;
  }

  /**
   * Sends `command`; on refusal keeps `failed` (a message: "Could not pass") with the reason.
   * True when accepted.
   */
  async run(command: Command, failed: () => string): Promise<boolean> {
    if (this.busy) return false;
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
