import type { BoardData } from '@kring/board';
import { describe, expect, it } from 'vitest';
import { visibleResults } from './results';

const data = (votes: number): BoardData => ({
  meta: { title: 'B', templateId: null, anonymous: false, locale: 'en' },
  columns: [
    {
      id: 'c',
      title: 'Connection',
      implicit: false,
      clusters: [],
      notes: [{ id: 'n', text: 'Heard', color: 'yellow', createdAt: 0, hidden: false, reactions: {}, votes }],
    },
  ],
});

describe('visibleResults', () => {
  it('ranks the board once totals may be seen', () => {
    const results = visibleResults(data(2), { totals: { n: 2 } });
    expect(results?.overall).toMatchObject([{ id: 'n', votes: 2, rank: 1, columnTitle: 'Connection' }]);
    expect(results?.columns[0]?.notes).toHaveLength(1);
  });

  it('shows nothing while totals are hidden (VO6), without a vote, or when nobody voted', () => {
    expect(visibleResults(data(2), { totals: null })).toBeNull();
    expect(visibleResults(data(2), null)).toBeNull();
    expect(visibleResults(null, { totals: {} })).toBeNull();
    expect(visibleResults(data(0), { totals: {} })).toBeNull();
  });
});
