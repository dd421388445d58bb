import * as z from 'zod/mini';

/**
 * Every error that crosses the wire carries one of these codes. HTTP status codes are derived
 * from them in one place (`httpStatusFor`) so that the REST API and socket acks never drift.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  /** Too many requests in a short time (rate limits, per-session caps); `Retry-After` says when to try again. */
  'rate_limited',
  'board_locked',
  /** No room left: a full fishbowl (later: a breakout room at capacity). */
  'full',
  /** A participant chose the display name of one of the session's facilitators (RO8). */
  'name_taken',
  /** The facilitators closed the session to new people (J2). */
  'door_closed',
  'protocol_mismatch',
  'internal',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const ErrorResponse = z.object({ error: ErrorBody });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  board_locked: 423,
  full: 409,
  name_taken: 409,
  door_closed: 403,
  protocol_mismatch: 426,
  internal: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code];
}

/**
 * Close codes for the board WebSocket, modelled on HTTP (4000 + status) so a client can tell
 * "your token is bad" from "the server is going away".
 */
export const WS_CLOSE = {
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  tooLarge: 4413,
  badMessage: 4400,
  /**
   * Too many messages on one connection or from one person. Not permanent, although it is in the
   * 44xx range that y-websocket treats as final by default: clients reconnect after a backoff.
   */
  rateLimited: 4429,
} as const;
