import { describe, expect, it } from 'vitest';
import { parseBoardUrl, statusForAuthFailure } from './upgrade';

describe('parseBoardUrl', () => {
  it('takes the board id from the path and the token from the query', () => {
    const board = { boardId: 'board-123', draftsOf: null };
    expect(parseBoardUrl('/yjs/board-123?token=abc.def')).toEqual({ ...board, token: 'abc.def' });
    expect(parseBoardUrl('/yjs/board-123')).toEqual({ ...board, token: null });
    expect(parseBoardUrl('/yjs/board-123?token=')).toEqual({ ...board, token: null });
  });

  it('names someone’s drafts of a board as /yjs/{board}/drafts/{participant}', () => {
    expect(parseBoardUrl('/yjs/board-123/drafts/person-1?token=t')).toEqual({
      boardId: 'board-123',
      draftsOf: 'person-1',
      token: 't',
    });
    for (const url of ['/yjs/board-123/drafts', '/yjs/board-123/drafts/', '/yjs/board-123/notes/person-1']) {
      expect(parseBoardUrl(url)).toBeNull();
    }
    expect(parseBoardUrl('/yjs/board-123/drafts/person-1/x')).toBeNull();
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
