/**
 * How a board connection (`/yjs/...`, the stock y-websocket provider) proves who it is. The token
 * never travels in the URL (URLs end up in proxy and access logs): the client offers two WebSocket
 * subprotocols, `kring.v1` and `kring.token.<token>` (a token's base64url.base64url characters are
 * valid header tokens), and the server selects `kring.v1`, so the token is never echoed back.
 * The provider passes them on every (re)connect. A `?token=` in the URL is refused.
 */
export const BOARD_SYNC_PROTOCOL = 'kring.v1';
export const BOARD_TOKEN_PROTOCOL_PREFIX = 'kring.token.';

/** The subprotocols a board client offers (y-websocket's `protocols` option). */
export function boardSyncProtocols(token: string): string[] {
  return [BOARD_SYNC_PROTOCOL, `${BOARD_TOKEN_PROTOCOL_PREFIX}${token}`];
}

/**
 * The token among offered subprotocols (a `Sec-WebSocket-Protocol` header's comma-separated
 * list); null without `kring.v1`, without exactly one token, or with an empty one.
 */
export function tokenFromProtocols(offered: Iterable<string>): string | null {
  const list = [...offered].map((p) => p.trim());
  if (!list.includes(BOARD_SYNC_PROTOCOL)) return null;
  const tokens = list.filter((p) => p.startsWith(BOARD_TOKEN_PROTOCOL_PREFIX));
  if (tokens.length !== 1) return null;
  const token = tokens[0]!.slice(BOARD_TOKEN_PROTOCOL_PREFIX.length);
  return token === '' ? null : token;
}

/**
 * The board URL's parameter of a connection whose document holds nothing yet (`?fresh=1`): its
 * greeting then carries the whole document (issue 14: one round trip less on a first load).
 */
export const BOARD_FRESH_PARAM = 'fresh';
