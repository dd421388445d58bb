import { describe, expect, it } from 'vitest';
import { parseBoardUrl, statusForAuthFailure } from './upgrade';

describe('parseBoardUrl', () => {
  it('takes the board id from the path and the token from the query', () => {
    expect(parseBoardUrl('/yjs/board-123?token=abc.def')).toEqual({ boardId: 'board-123', token: 'abc.def' });
    expect(parseBoardUrl('/yjs/board-123')).toEqual({ boardId: 'board-123', token: null });
    expect(parseBoardUrl('/yjs/board-123?token=')).toEqual({ boardId: 'board-123', token: null });
  });

  it('refuses anything that is not /yjs/{valid id}', () => {
    for (const url of ['/yjs/', '/yjs/a/b', '/yjs/x', '/yjs/bad%20id', '/api/yjs/board-123', undefined]) {
      expect(parseBoardUrl(url)).toBeNull();
    }
  });

  it('maps auth failures to HTTP statuses', () => {
    expect(statusForAuthFailure('unauthorized')).toBe(401);
    expect(statusForAuthFailure('forbidden')).toBe(403);
    expect(statusForAuthFailure('not_found')).toBe(404);
  });
});
