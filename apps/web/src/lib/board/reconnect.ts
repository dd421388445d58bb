import { WS_CLOSE } from '@kring/protocol';

/**
 * Whether the board provider reconnects after the server closed with `code`. y-websocket treats
 * 4400–4499 as final (no access, no such board); a rate limit (4429) is not: the provider waits
 * its backoff, reconnects and sends what the server is missing, so nothing written is lost.
 */
export function reconnectsAfter(code: number): boolean {
  return code === WS_CLOSE.rateLimited || code < 4400 || code >= 4500;
}
