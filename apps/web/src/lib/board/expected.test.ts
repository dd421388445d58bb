import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectBoard, expectedBoard } from './expected';

/** Just enough of sessionStorage. */
function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: () => null,
    get length() {
      return items.size;
    },
  };
}

describe('the board a session page expects before its state (issue 14)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps it per session code, case-blind, and forgets it on null', () => {
    vi.stubGlobal('sessionStorage', fakeStorage());
    expectBoard('abcdef', 'board_00001');
    expect(expectedBoard('ABCDEF')).toBe('board_00001');
    expect(expectedBoard('OTHERS')).toBeNull();
    expectBoard('ABCDEF', null);
    expect(expectedBoard('abcdef')).toBeNull();
  });

  it('gives back only what looks like an id, and nothing without storage', () => {
    const storage = fakeStorage();
    vi.stubGlobal('sessionStorage', storage);
    storage.setItem('kring:board:ABCDEF', '../../admin');
    expect(expectedBoard('ABCDEF')).toBeNull();
    vi.stubGlobal('sessionStorage', undefined);
    expectBoard('ABCDEF', 'board_00001');
    expect(expectedBoard('ABCDEF')).toBeNull();
  });
});
