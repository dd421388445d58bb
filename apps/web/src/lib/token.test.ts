import { describe, expect, it } from 'vitest';
import { parseJoinCode } from './code';
import { clearToken, loadToken, moveToken, saveToken, tokenFromHash, tokenKey } from './token';

describe('tokens', () => {
  it('reads the token from a URL fragment', () => {
    expect(tokenFromHash('#token=abc.def')).toBe('abc.def');
    expect(tokenFromHash('token=xyz&other=1')).toBe('xyz');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });

  it('keys tokens by upper-case join code and falls back to memory without localStorage', () => {
    expect(tokenKey('abc234')).toBe('kring:token:ABC234');
    saveToken('ABC234', 't1');
    expect(loadToken('abc234')).toBe('t1');
    clearToken('ABC234');
    expect(loadToken('ABC234')).toBeNull();
  });

  it('moves the token to a new join code (J4), again and again without harm', () => {
    saveToken('ABC234', 't1');
    moveToken('ABC234', 'XYZ789', 't1');
    expect(loadToken('XYZ789')).toBe('t1');
    expect(loadToken('ABC234')).toBeNull();
    moveToken('ABC234', 'XYZ789', 't1'); // another tab of the same session
    expect(loadToken('XYZ789')).toBe('t1');
    // Another token kept under the old code (another session that drew it later) stays.
    saveToken('ABC234', 'other');
    moveToken('ABC234', 'XYZ789', 't1');
    expect(loadToken('ABC234')).toBe('other');
    clearToken('ABC234');
    clearToken('XYZ789');
  });
});

describe('parseJoinCode', () => {
  it('normalises what people type', () => {
    expect(parseJoinCode(' k7m pq2 ')).toBe('K7MPQ2');
    expect(parseJoinCode('k7m-pq2')).toBe('K7MPQ2');
  });

  it('refuses what cannot be a code', () => {
    expect(parseJoinCode('')).toBeNull();
    expect(parseJoinCode('ABCDE')).toBeNull();
    expect(parseJoinCode('ABCDE0')).toBeNull(); // 0 is not in the alphabet
  });
});
