import { describe, expect, it } from 'vitest';
import { markRemoved, removedKey, wasRemoved } from './removed';

describe('removed on this device', () => {
  it('remembers a removal per join code, whatever its case', () => {
    expect(wasRemoved('ABC234')).toBe(false);
    markRemoved('abc234');
    expect(wasRemoved('ABC234')).toBe(true);
    expect(wasRemoved('XYZ789')).toBe(false);
    expect(removedKey('abc234')).toBe('kring:removed:ABC234');
  });
});
