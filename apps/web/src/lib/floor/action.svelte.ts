import type { Command, CommandAck } from '@kring/protocol';
import { refusalText } from './refusals';

/**
 * Runs floor commands for one component: the server decides, the component shows its refusal in
 * plain words. One command at a time, so a double click is one request.
 */
export class FloorAction {
  busy = $state(false);
  error = $state<string | null>(null);
  readonly #send: (command: Command) => Promise<CommandAck>;

  constructor(send: (command: Command) => Promise<CommandAck>) {
    this.#send = send;
  }

  /** Sends `command`; on refusal keeps `failed` ("Could not pass") with the reason. True when accepted. */
  async run(command: Command, failed: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      const ack = await this.#send(command);
      if (!ack.ok) this.error = refusalText(failed, ack.error);
      return ack.ok;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    this.error = null;
  }
}
