import { describe, expect, it } from 'vitest';
import { SCROLL_STEP, firstLimit, nextStep, revealMore, shownCount } from './paging';

describe('paging of a list of notes', () => {
  it('shows a short list whole, and it keeps following what is added', () => {
    const limit = firstLimit(12, 50);
    expect(limit).toBe('all');
    expect(shownCount(limit, 12)).toBe(12);
    expect(shownCount(limit, 80)).toBe(80);
  });

  it('opens a long list at one page, whatever its length', () => {
    expect(firstLimit(51, 50)).toBe(50);
    expect(shownCount(firstLimit(2000, 50), 2000)).toBe(50);
  });

  it('keeps a page when notes are added at the end of a long list', () => {
    expect(shownCount(50, 512)).toBe(50);
    expect(shownCount(50, 513)).toBe(50);
  });

  it('shows less when notes leave the list', () => {
    expect(shownCount(50, 20)).toBe(20);
  });

  it('steps a page at a time, and the last step says how many are left', () => {
    expect(nextStep(50, 512, 50)).toBe(50);
    expect(nextStep(500, 512, 50)).toBe(12);
    expect(nextStep(512, 512, 50)).toBe(0);
    expect(revealMore(50, 512, 50)).toBe(100);
  });

  it('reveals less per step while scrolling than per press', () => {
    expect(revealMore(50, 512, SCROLL_STEP)).toBe(50 + SCROLL_STEP);
    expect(SCROLL_STEP).toBeLessThan(50);
  });

  it('follows new notes once the reader has unfolded the list to the end', () => {
    const limit = revealMore(500, 512, 50);
    expect(limit).toBe('all');
    expect(shownCount(limit, 530)).toBe(530);
  });

  it('reaches far enough to render a note that must be there, and steps on from it', () => {
    expect(shownCount(50, 512, 300)).toBe(301);
    expect(shownCount(50, 512, 10)).toBe(50);
    expect(revealMore(shownCount(50, 512, 300), 512, 50)).toBe(351);
  });
});
