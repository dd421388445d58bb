import { describe, expect, it } from 'vitest';
import { boardUpdate, keepStart, takeStart } from './start';

const start = { state: { version: 3 }, online: ['host01'], board: 'AAA=' };
const joined = { participantId: 'part01', boardId: 'board1', start };

describe("a join's start, waiting for the session page", () => {
  it('is taken once, by the page of the code it was joined with (any case)', () => {
    keepStart('abcdef', joined);
    expect(takeStart('GHJKLM')).toBeNull();
    expect(takeStart('ABCDEF')).toEqual({ ...start, you: 'part01', boardId: 'board1' });
    expect(takeStart('ABCDEF')).toBeNull();
  });

  it('keeps only the newest join: an earlier one is stale by then', () => {
    keepStart('ABCDEF', joined);
    keepStart('GHJKLM', { participantId: 'part02', boardId: null });
    expect(takeStart('ABCDEF')).toBeNull();
    expect(takeStart('GHJKLM')).toBeNull();
  });

  it("gives the board's document as bytes, or none when it is missing or not base64", () => {
    const opening = { ...start, you: 'part01', boardId: 'board1' };
    expect(boardUpdate({ ...opening, board: btoa(String.fromCharCode(0, 1, 255)) })).toEqual(
      Uint8Array.from([0, 1, 255]),
    );
    expect(boardUpdate({ ...opening, board: null })).toBeNull();
    expect(boardUpdate({ ...opening, board: '%%%' })).toBeNull();
  });
});
