import { describe, expect, it } from 'vitest';
import { keyDate } from './dates';

describe('keyDate', () => {
  it('says a meeting key as its calendar date, never moved by a zone', () => {
    expect(keyDate('2027-10-10', 'en')).toContain('October');
    expect(keyDate('2027-10-10', 'en')).toContain('10');
    expect(keyDate('2027-10-10', 'nl')).toBe('zondag 10 oktober 2027');
    expect(keyDate('not-a-date', 'en')).toBe('not-a-date');
  });
});
