import { describe, expect, it } from 'vitest';
import { Command } from './commands';
import { ERROR_CODES, httpStatusFor } from './errors';
import { CreateSessionBody, JoinSessionBody, LIMITS } from './http';
import { JoinCode } from './ids';
import { DisplayName } from './participants';
import { Text } from './text';

describe('wire schemas', () => {
  it('normalises join codes people type (case, spaces) and refuses look-alike letters', () => {
    expect(JoinCode.parse(' abc234 ')).toBe('ABC234');
    expect(JoinCode.safeParse('ABCDE0').success).toBe(false); // 0 is not in the alphabet
    expect(JoinCode.safeParse('ABCDEFG').success).toBe(false);
  });

  it('trims display names and titles and bounds their length', () => {
    expect(JoinSessionBody.parse({ displayName: '  Ada ' })).toEqual({ displayName: 'Ada' });
    expect(JoinSessionBody.safeParse({ displayName: ' ' }).success).toBe(false);
    expect(JoinSessionBody.safeParse({ displayName: 'x'.repeat(LIMITS.displayNameMax + 1) }).success).toBe(
      false,
    );
    expect(CreateSessionBody.safeParse({ title: 'IPS', extra: 1 }).success).toBe(false);
  });

  it('refuses commands with unknown types or extra fields', () => {
    expect(Command.safeParse({ type: 'board.setLock', boardId: 'board1', locked: true }).success).toBe(true);
    expect(
      Command.safeParse({ type: 'board.setLock', boardId: 'board1', locked: true, as: 'host' }).success,
    ).toBe(false);
    expect(Command.safeParse({ type: 'board.nuke', boardId: 'board1' }).success).toBe(false);
  });

  it('maps every error code to an HTTP status', () => {
    for (const code of ERROR_CODES) expect(httpStatusFor(code)).toBeGreaterThanOrEqual(400);
    expect(httpStatusFor('bad_request')).toBe(400);
    expect(httpStatusFor('unauthorized')).toBe(401);
    expect(httpStatusFor('forbidden')).toBe(403);
    expect(httpStatusFor('not_found')).toBe(404);
  });
});

describe('text at the edge', () => {
  it('refuses a NUL character by name (PostgreSQL cannot store one; every store is treated alike)', () => {
    expect(Text(20).safeParse('a\u0000b').error?.issues[0]?.message).toBe('must not contain a NUL character');
    expect(DisplayName.safeParse('Ada\u0000').success).toBe(false);
    expect(Text(20).safeParse('Ada — café ☕').success).toBe(true);
  });
});
