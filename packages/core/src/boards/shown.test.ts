import { describe, expect, it } from 'vitest';
import type { BreakoutsState } from '@kring/protocol';
import { plenaryBoards, roomBoardIds, showableBoards, shownBoardId } from './shown';

describe('which board a screen shows (BD18)', () => {
  const boards = [
    { id: 'old', archived: true },
    { id: 'a', archived: false },
    { id: 'b', archived: false },
  ];

  it('the focus wins, then the own choice, then the first open board, then the first', () => {
    expect(shownBoardId(boards, 'b', 'a')).toBe('b');
    expect(shownBoardId(boards, null, 'a')).toBe('a');
    expect(shownBoardId(boards, null, 'old')).toBe('old');
    expect(shownBoardId(boards, null, null)).toBe('a');
    expect(shownBoardId(boards, 'gone', 'gone')).toBe('a');
    expect(shownBoardId([{ id: 'x', archived: true }], null, null)).toBe('x');
    expect(shownBoardId([], null, null)).toBeNull();
  });

  it('keeps room boards, of this breakout and earlier ones (BR13), off the plenary, unless in the focus (BR17)', () => {
    const all = [{ id: 'plenary' }, { id: 'room-now' }, { id: 'room-then' }];
    const breakouts = {
      current: { rooms: [{ id: 'r1', boardId: 'room-now' }] } as unknown as BreakoutsState['current'],
      history: [{ id: 'old', groups: [], boardIds: ['room-then'] }],
    };
    expect([...roomBoardIds(breakouts)]).toEqual(['room-now', 'room-then']);
    expect(plenaryBoards(all, breakouts)).toEqual([{ id: 'plenary' }]);
    expect(showableBoards(all, breakouts, null)).toEqual([{ id: 'plenary' }]);
    expect(showableBoards(all, breakouts, 'room-now')).toEqual([{ id: 'plenary' }, { id: 'room-now' }]);
    // An earlier breakout's board in the focus is no current room's: the plenary does not show it.
    expect(showableBoards(all, breakouts, 'room-then')).toEqual([{ id: 'plenary' }]);
  });
});
