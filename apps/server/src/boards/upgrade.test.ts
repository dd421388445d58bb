import { describe, expect, it } from 'vitest';
import { parseBoardUrl, statusForAuthFailure } from './upgrade';

describe('parseBoardUrl', () => {
  it('takes the board id from the path and the token from the subprotocols, never from the URL', () => {
    const board = { boardId: 'board-123', doc: { kind: 'board' }, fresh: false };
    const offered = 'kring.v1, kring.token.abc.def';
    expect(parseBoardUrl('/yjs/board-123', offered)).toEqual({ ...board, token: 'abc.def' });
    expect(parseBoardUrl('/yjs/board-123')).toEqual({ ...board, token: null });
    expect(parseBoardUrl('/yjs/board-123', 'kring.token.abc.def')).toEqual({ ...board, token: null });
    // A token in the URL is refused, also next to a good subprotocol: it would be in the logs.
    expect(parseBoardUrl('/yjs/board-123?token=abc.def')).toEqual({ ...board, token: null });
    expect(parseBoardUrl('/yjs/board-123?token=abc.def', offered)).toEqual({ ...board, token: null });
    expect(parseBoardUrl('/yjs/board-123?token=', offered)).toEqual({ ...board, token: null });
  });

  it('names someone’s drafts of a board as /yjs/{board}/drafts/{participant}', () => {
    expect(parseBoardUrl('/yjs/board-123/drafts/person-1', 'kring.v1,kring.token.t')).toEqual({
      boardId: 'board-123',
      doc: { kind: 'drafts', ownerId: 'person-1' },
      token: 't',
      fresh: false,
    });
    for (const url of ['/yjs/board-123/drafts', '/yjs/board-123/drafts/', '/yjs/board-123/notes/person-1']) {
      expect(parseBoardUrl(url)).toBeNull();
    }
    expect(parseBoardUrl('/yjs/board-123/drafts/person-1/x')).toBeNull();
  });

  it('names a board’s moderation document (BD14) as /yjs/{board}/moderation', () => {
    expect(parseBoardUrl('/yjs/board-123/moderation', 'kring.v1,kring.token.t')).toEqual({
      boardId: 'board-123',
      doc: { kind: 'moderation' },
      token: 't',
      fresh: false,
    });
    for (const url of [
      '/yjs/board-123/moderation/',
      '/yjs/board-123/moderation/person-1',
      '/yjs/x/moderation',
    ]) {
      expect(parseBoardUrl(url)).toBeNull();
    }
  });

  it('issue 14: only one fresh=1 marks a fresh connection; the query never joins the board id', () => {
    const offered = 'kring.v1,kring.token.t';
    expect(parseBoardUrl('/yjs/board-123?fresh=1', offered)).toEqual({
      boardId: 'board-123',
      doc: { kind: 'board' },
      token: 't',
      fresh: true,
    });
    expect(parseBoardUrl('/yjs/board-123/drafts/person-1?fresh=1', offered)).toMatchObject({
      doc: { kind: 'drafts', ownerId: 'person-1' },
      fresh: true,
    });
    expect(parseBoardUrl('/yjs/board-123?other=x&fresh=1', offered)).toMatchObject({ fresh: true });
    for (const query of [
      '',
      '?',
      '?fresh',
      '?fresh=',
      '?fresh=yes',
      '?fresh=true',
      '?fresh=01',
      '?fresh=1&fresh=1',
      '?fresh=1&fresh=0',
      '?FRESH=1',
      '?fresh=%ZZ',
      '?fresh=1%00',
      '?%%%&&==',
    ]) {
      expect(parseBoardUrl(`/yjs/board-123${query}`, offered), query).toEqual({
        boardId: 'board-123',
        doc: { kind: 'board' },
        token: 't',
        fresh: false,
      });
    }
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
