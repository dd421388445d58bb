import { describe, expect, it } from 'vitest';
import { StateMemo } from './access-memo';

describe('answers kept per session state (issue 14)', () => {
  it('computes once per state and key, and afresh for a new state', () => {
    const memo = new StateMemo<string>();
    let computed = 0;
    const answer = (state: object, key: string) =>
      memo.get(state, key, () => {
        computed++;
        return `${key}@${computed}`;
      });
    const v1 = {};
    expect(answer(v1, 'ada:b1')).toBe('ada:b1@1');
    expect(answer(v1, 'ada:b1')).toBe('ada:b1@1');
    expect(answer(v1, 'ben:b1')).toBe('ben:b1@2');
    // The next event makes a new state object: nothing of the old one's answers is reused.
    const v2 = {};
    expect(answer(v2, 'ada:b1')).toBe('ada:b1@3');
    expect(computed).toBe(3);
  });
});
