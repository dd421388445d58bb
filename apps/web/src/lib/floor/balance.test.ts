import { describe, expect, it } from 'vitest';
import { balanceRows, sharePercent } from './balance';
import { ids, people } from './fixtures';

describe('speaking balance table (B)', () => {
  it('lists everyone who takes the floor, quiet people included, then people who left', () => {
    const rows = balanceRows(
      { [ids.ana]: { turns: 2, speakingMs: 90_000 }, 'gone-0001': { turns: 1, speakingMs: 30_000 } },
      people,
    );
    expect(rows.map((r) => [r.name, r.turns, r.speakingMs])).toEqual([
      ['Facilitator', 0, 0],
      ['Ana', 2, 90_000],
      ['Bo', 0, 0],
      ['Cas', 0, 0],
      ['Someone who left', 1, 30_000],
    ]);
    expect(sharePercent(rows[1]!, rows)).toBe(75);
    expect(sharePercent(rows[0]!, rows)).toBe(0);
    expect(sharePercent(rows[0]!, [])).toBe(0);
  });
});
