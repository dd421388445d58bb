import { describe, expect, it } from 'vitest';
import { dismissedKey, loadDismissed, saveDismissed } from './dismissed';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe('dismissed announcements', () => {
  it('are kept per session and only while still active', () => {
    const store = memoryStore();
    expect(loadDismissed('s-one-1', store)).toEqual([]);
    saveDismissed('s-one-1', ['a-1', 'a-2', 'a-1'], ['a-1', 'a-2', 'a-3'], store);
    expect(loadDismissed('s-one-1', store)).toEqual(['a-1', 'a-2']);
    expect(loadDismissed('s-two-2', store)).toEqual([]);
    // a-1 was cleared for everyone: it is forgotten on the next save.
    expect(saveDismissed('s-one-1', ['a-1', 'a-2'], ['a-2'], store)).toEqual(['a-2']);
    expect(store.map.get(dismissedKey('s-one-1'))).toBe('["a-2"]');
  });

  it('survive broken storage', () => {
    const store = memoryStore();
    store.map.set(dismissedKey('s-one-1'), '{not json');
    expect(loadDismissed('s-one-1', store)).toEqual([]);
    store.map.set(dismissedKey('s-one-1'), '[1, "a-1"]');
    expect(loadDismissed('s-one-1', store)).toEqual(['a-1']);
    expect(loadDismissed('s-one-1', null)).toEqual([]);
  });
});
