import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { BOARD_FRESH_PARAM, Id, tokenFromProtocols } from '@kring/protocol';
import { type BoardDoc, parseDocId } from '../store/store';
import type { BoardAuthResult } from './deps';

export const BOARD_PATH_PREFIX = '/yjs/';

export interface BoardTarget {
  boardId: string;
  /** Which of the board's documents: the board, someone's drafts (BD7) or its moderation document (BD14). */
  doc: BoardDoc;
  /**
   * The token offered as the `kring.token.<token>` subprotocol (with `kring.v1`), never one from
   * the URL: URLs end up in proxy logs. Null without one, and whenever the URL has a `?token=`
   * (refused, so no client leaks a token into logs by accident).
   */
  token: string | null;
  /**
   * Issue 14: the client holds nothing yet (`?fresh=1`), so its greeting may carry the whole
   * document at once instead of waiting a round trip for the client's own sync step 1.
   */
  fresh: boolean;
}

/**
 * `/yjs/{boardId}` (the board), `/yjs/{boardId}/drafts/{participantId}` (that person's drafts of
 * it) or `/yjs/{boardId}/moderation` (its hidden notes' words) → its parts, with the token from
 * the `Sec-WebSocket-Protocol` header (`protocols`); null when the path is none of these. The
 * query string never names the document (only the path does); of it only `fresh` is read.
 */
export function parseBoardUrl(url: string | undefined, protocols?: string): BoardTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', 'http://localhost');
  } catch {
    return null;
  }
  if (!parsed.pathname.startsWith(BOARD_PATH_PREFIX)) return null;
  const path = parseDocId(parsed.pathname.slice(BOARD_PATH_PREFIX.length));
  if (!path || !Id.safeParse(path.boardId).success) return null;
  if (path.doc.kind === 'drafts' && !Id.safeParse(path.doc.ownerId).success) return null;
  const { boardId, doc } = path;
  const token = parsed.searchParams.has('token') ? null : tokenFromProtocols((protocols ?? '').split(','));
  return { boardId, doc, token, fresh: isFresh(parsed.searchParams) };
}

/**
 * Exactly one `fresh=1` means fresh; anything else (`fresh=yes`, the parameter twice, garbage)
 * is an ordinary connection, never a refusal: the hint only saves a round trip.
 */
function isFresh(params: URLSearchParams): boolean {
  const values = params.getAll(BOARD_FRESH_PARAM);
  return values.length === 1 && values[0] === '1';
}

const STATUS_FOR: Record<Extract<BoardAuthResult, { ok: false }>['code'], number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
};

export function statusForAuthFailure(code: Extract<BoardAuthResult, { ok: false }>['code']): number {
  return STATUS_FOR[code];
}

/**
 * Answers an upgrade request with a plain HTTP error, before any WebSocket exists: the browser
 * (and the provider) then see a failed connection rather than a socket that opens and closes.
 */
export function refuseUpgrade(socket: Duplex, status: number): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const text = STATUS_CODES[status] ?? 'Error';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n` +
      text,
  );
}
