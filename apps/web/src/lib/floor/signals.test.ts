import { describe, expect, it } from 'vitest';
import { ids, people } from './fixtures';
import { signalRows } from './signals';

describe('signals for facilitators (SG)', () => {
  it('lists each signal that is on, longest waiting first', () => {
    const rows = signalRows(
      {
        [ids.ana]: { pause: 300, notToday: 100 },
        [ids.bo]: { pause: 200, notToday: null },
        [ids.cas]: { pause: null, notToday: null },
      },
      people,
    );
    expect(rows.map((r) => [r.name, r.signal])).toEqual([
      ['Ana', 'notToday'],
      ['Bo', 'pause'],
      ['Ana', 'pause'],
    ]);
  });
});
