import { describe, expect, it } from 'vitest';
import { shownBoardId } from './shown';

describe('which board is shown', () => {
  const boards = [
    { id: 'old', archived: true },
    { id: 'a', archived: false },
    { id: 'b', archived: false },
  ];
  it('the focus wins, then the own choice, then the first open board', () => {
    expect(shownBoardId(boards, 'b', 'a')).toBe('b');
    expect(shownBoardId(boards, null, 'a')).toBe('a');
    expect(shownBoardId(boards, null, 'old')).toBe('old');
    expect(shownBoardId(boards, null, null)).toBe('a');
    expect(shownBoardId(boards, 'gone', 'gone')).toBe('a');
    expect(shownBoardId([{ id: 'x', archived: true }], null, null)).toBe('x');
    expect(shownBoardId([], null, null)).toBeNull();
  });
});
