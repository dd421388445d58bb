import type { Command, CommandAck, ErrorBody } from '@kring/protocol';

/** "Could not start the timer: there is no timer to change." from the server's refusal. */
export function refusalText(what: string, error: ErrorBody): string {
  const reason = error.message.trim().replace(/[.!]$/, '') || error.code.replace('_', ' ');
  return `${what}: ${reason}.`;
}

/**
 * Sends commands for one control and keeps what the person must see: whether it is busy and,
 * when the server said no, why. One runner per control, so a refusal shows next to what caused it.
 */
export class CommandRunner {
  busy = $state(false);
  error = $state<string | null>(null);
  readonly #send: (command: Command) => Promise<CommandAck>;

  constructor(send: (command: Command) => Promise<CommandAck>) {
    this.#send = send;
  }

  /** Resolves true when the server accepted it; `what` starts the refusal sentence ("Could not …"). */
  async run(command: Command, what: string): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      const ack = await this.#send(command);
      if (!ack.ok) this.error = refusalText(what, ack.error);
      return ack.ok;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    this.error = null;
  }
}
