import { WS_CLOSE } from '@kring/protocol';

/** Standard close codes we use besides the 44xx ones of `WS_CLOSE`. */
export const CLOSE_GOING_AWAY = 1001;
/** The provider treats codes outside 4400–4499 as transient and reconnects: right for our own faults. */
export const CLOSE_INTERNAL = 1011;

/**
 * Thrown while handling a client message when the only right answer is to close that connection
 * with `code`. Anything else thrown is our bug and closes with 1011.
 */
export class BoardCloseError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'BoardCloseError';
  }
}

export const badMessage = (why: string) => new BoardCloseError(WS_CLOSE.badMessage, why);
export const tooLarge = (why: string) => new BoardCloseError(WS_CLOSE.tooLarge, why);
