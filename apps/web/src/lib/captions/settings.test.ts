import { describe, expect, it } from 'vitest';
import { bandLineCount, DEFAULT_PREFS, parseProjectorOn, parsePrefs, serializePrefs } from './settings';

describe('caption settings', () => {
  it('default to captions on, medium, not read aloud', () => {
    expect(parsePrefs(null)).toEqual({ on: true, size: 'medium', readAloud: false });
    expect(parsePrefs('')).toEqual(DEFAULT_PREFS);
  });

  it('survive a round trip', () => {
    const prefs = { on: false, size: 'huge', readAloud: true } as const;
    expect(parsePrefs(serializePrefs(prefs))).toEqual(prefs);
  });

  it('fall back field by field on damaged entries', () => {
    expect(parsePrefs('{not json')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('42')).toEqual(DEFAULT_PREFS);
    expect(parsePrefs('{"on":"yes","size":"giant","readAloud":true}')).toEqual({
      on: true,
      size: 'medium',
      readAloud: true,
    });
  });

  it('show fewer lines at larger sizes', () => {
    expect(bandLineCount('small')).toBe(3);
    expect(bandLineCount('medium')).toBe(3);
    expect(bandLineCount('large')).toBe(2);
    expect(bandLineCount('huge')).toBe(2);
  });

  it('keep the projector’s captions on unless turned off', () => {
    expect(parseProjectorOn(null)).toBe(true);
    expect(parseProjectorOn('on')).toBe(true);
    expect(parseProjectorOn('off')).toBe(false);
  });
});
