import { describe, expect, it } from 'vitest';
import { loadSoundOn, saveSoundOn, SOUND_KEY } from './sound';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('sound preference', () => {
  it('is off until switched on, and remembers the choice', () => {
    const store = memoryStore();
    expect(loadSoundOn(store)).toBe(false);
    saveSoundOn(true, store);
    expect(store.map.get(SOUND_KEY)).toBe('on');
    expect(loadSoundOn(store)).toBe(true);
    saveSoundOn(false, store);
    expect(loadSoundOn(store)).toBe(false);
  });

  it('is off when storage is unavailable or throws', () => {
    expect(loadSoundOn(null)).toBe(false);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(loadSoundOn(broken)).toBe(false);
    expect(() => saveSoundOn(true, broken)).not.toThrow();
  });
});
