import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { Id } from '@kring/protocol';
import type { BoardAuthResult } from './deps';

export const BOARD_PATH_PREFIX = '/yjs/';

/** `/yjs/{boardId}?token=…` → its parts; null when the path is not a board URL. */
export function parseBoardUrl(url: string | undefined): { boardId: string; token: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', 'http://localhost');
  } catch {
    return null;
  }
  if (!parsed.pathname.startsWith(BOARD_PATH_PREFIX)) return null;
  const boardId = parsed.pathname.slice(BOARD_PATH_PREFIX.length);
  if (!Id.safeParse(boardId).success) return null;
  const token = parsed.searchParams.get('token');
  return { boardId, token: token === null || token === '' ? null : token };
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
