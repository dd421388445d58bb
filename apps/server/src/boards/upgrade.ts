import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { Id } from '@kring/protocol';
import type { BoardAuthResult } from './deps';

export const BOARD_PATH_PREFIX = '/yjs/';

export interface BoardTarget {
  boardId: string;
  /** Whose drafts of the board (BD7), or null for the board itself. */
  draftsOf: string | null;
  token: string | null;
}

/**
 * `/yjs/{boardId}?token=…` (the board) or `/yjs/{boardId}/drafts/{participantId}?token=…` (that
 * person's drafts of it) → its parts; null when the path is neither.
 */
export function parseBoardUrl(url: string | undefined): BoardTarget | null {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '', 'http://localhost');
  } catch {
    return null;
  }
  if (!parsed.pathname.startsWith(BOARD_PATH_PREFIX)) return null;
  const parts = parsed.pathname.slice(BOARD_PATH_PREFIX.length).split('/');
  const [boardId, drafts, owner] = parts;
  if (!boardId || !Id.safeParse(boardId).success) return null;
  let draftsOf: string | null = null;
  if (parts.length === 3 && drafts === 'drafts' && owner && Id.safeParse(owner).success) draftsOf = owner;
  else if (parts.length !== 1) return null;
  const token = parsed.searchParams.get('token');
  return { boardId, draftsOf, token: token === null || token === '' ? null : token };
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
