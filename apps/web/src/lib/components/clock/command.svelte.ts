import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Command, CommandAck, ErrorBody, ErrorCode } from '@kring/protocol';

/** Why the server said no, worded from its code (its own message is English). */
const REASON: Record<ErrorCode, () => string> = {
  bad_request: m.clock_refused_bad_request,
  unauthorized: m.clock_refused_unauthorized,
  forbidden: m.clock_refused_forbidden,
  not_found: m.clock_refused_not_found,
  conflict: m.clock_refused_conflict,
  too_large: m.clock_refused_too_large,
  rate_limited: m.clock_refused_rate_limited,
  board_locked: m.clock_refused_board_locked,
  full: m.clock_refused_full,
  name_taken: m.clock_refused_name_taken,
  door_closed: m.clock_refused_door_closed,
  protocol_mismatch: m.clock_refused_protocol_mismatch,
  internal: m.clock_refused_internal,
};

/** A control's own wording for some refusals, where it knows more than the code says. */
export type Reasons = Partial<Record<ErrorCode, () => string>>;

/**
 * "Could not start the timer: there is no timer to change." from the server's refusal. In English
 * the server's own words give the reason; in other languages the code does (`reasons` first),
 * with a general reason for a code this page does not know.
 */
export function refusalText(what: string, error: ErrorBody, reasons: Reasons = {}): string {
  const reason =
    getLocale() === 'en'
      ? error.message.trim().replace(/[.!]$/, '') || error.code.replace('_', ' ')
      : (reasons[error.code] ?? REASON[error.code] ?? m.clock_refused_other)();
  return m.clock_refusal({ what, reason });
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

  /**
   * Resolves true when the server accepted it; `what` starts the refusal sentence ("Could not …"),
   * `reasons` words the refusals this control knows better (see `refusalText`).
   */
  async run(command: Command, what: string, reasons?: Reasons): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      const ack = await this.#send(command);
      if (!ack.ok) this.error = refusalText(what, ack.error, reasons);
      return ack.ok;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    this.error = null;
  }
}
