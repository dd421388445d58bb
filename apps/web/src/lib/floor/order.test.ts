import { describe, expect, it } from 'vitest';
import { includedIds, moveEntry, syncOrder } from './order';

describe('hand-made round order', () => {
  it('moves an entry up or down, clamped at the ends', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 7, 1)).toEqual(['a', 'b', 'c']);
  });

  it('keeps choices and places as people join and leave', () => {
    const entries = [
      { id: 'c', included: true },
      { id: 'a', included: false },
      { id: 'b', included: true },
    ];
    expect(syncOrder(entries, ['a', 'b', 'c'])).toEqual(entries);
    expect(syncOrder(entries, ['a', 'c', 'd'])).toEqual([
      { id: 'c', included: true },
      { id: 'a', included: false },
      { id: 'd', included: true },
    ]);
    expect(syncOrder([], ['a', 'b'])).toEqual([
      { id: 'a', included: true },
      { id: 'b', included: true },
    ]);
    expect(includedIds(entries)).toEqual(['c', 'b']);
  });
});
