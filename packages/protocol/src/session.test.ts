import { describe, expect, it } from 'vitest';
import { boardSyncProtocols, tokenFromProtocols } from './board-sync';
import { Command } from './commands';
import { httpStatusFor } from './errors';
import { CreateSessionBody } from './http';
import { LIMITS } from './limits';

describe('doors, codes and sign-ins (issue 9)', () => {
  it('takes an optional host name on create, trimmed and bounded like any display name', () => {
    expect(CreateSessionBody.parse({ title: 'IPS', hostName: '  Hanna ' })).toEqual({
      title: 'IPS',
      hostName: 'Hanna',
    });
    expect(CreateSessionBody.parse({ title: 'IPS' })).toEqual({ title: 'IPS' });
    expect(CreateSessionBody.safeParse({ title: 'IPS', hostName: ' ' }).success).toBe(false);
    expect(
      CreateSessionBody.safeParse({ title: 'IPS', hostName: 'x'.repeat(LIMITS.displayNameMax + 1) }).success,
    ).toBe(false);
  });

  it('parses the door, code and sign-out commands, with no extra fields', () => {
    expect(Command.safeParse({ type: 'session.setDoor', open: false }).success).toBe(true);
    expect(Command.safeParse({ type: 'session.setDoor' }).success).toBe(false);
    expect(Command.safeParse({ type: 'session.rotateJoinCode' }).success).toBe(true);
    expect(Command.safeParse({ type: 'session.rotateJoinCode', joinCode: 'nope' }).success).toBe(false);
    expect(Command.safeParse({ type: 'session.signOutOthers' }).success).toBe(true);
    expect(Command.safeParse({ type: 'session.signOutOthers', keep: ['someone1'] }).success).toBe(false);
  });

  it('maps the new refusals: name_taken 409, door_closed 403', () => {
    expect(httpStatusFor('name_taken')).toBe(409);
    expect(httpStatusFor('door_closed')).toBe(403);
  });

  it('carries the board token as a subprotocol next to kring.v1, and reads it back', () => {
    const offered = boardSyncProtocols('abc.DEF-_1');
    expect(offered).toEqual(['kring.v1', 'kring.token.abc.DEF-_1']);
    expect(tokenFromProtocols(offered)).toBe('abc.DEF-_1');
    expect(tokenFromProtocols(' kring.token.t1 , kring.v1'.split(','))).toBe('t1');
    expect(tokenFromProtocols(['kring.token.t1'])).toBeNull(); // kring.v1 missing
    expect(tokenFromProtocols(['kring.v1'])).toBeNull();
    expect(tokenFromProtocols(['kring.v1', 'kring.token.'])).toBeNull();
    expect(tokenFromProtocols(['kring.v1', 'kring.token.a', 'kring.token.b'])).toBeNull();
  });
});
