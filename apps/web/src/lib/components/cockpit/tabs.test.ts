import { describe, expect, it } from 'vitest';
import { nextSegmentId } from './next';
import { isTab, TAB_OF, tabForKey } from './tabs';

describe('cockpit tabs', () => {
  it('move with the arrow keys, wrapping, and jump with Home and End', () => {
    expect(tabForKey('run', 'ArrowRight')).toBe('floor');
    expect(tabForKey('run', 'ArrowLeft')).toBe('captions');
    expect(tabForKey('people', 'ArrowRight')).toBe('captions');
    expect(tabForKey('captions', 'ArrowRight')).toBe('run');
    expect(tabForKey('rooms', 'Home')).toBe('run');
    expect(tabForKey('rooms', 'End')).toBe('captions');
    expect(tabForKey('rooms', 'Enter')).toBeNull();
  });

  it('send each counter to where it is acted on', () => {
    expect(TAB_OF).toEqual({ hands: 'floor', signals: 'floor', help: 'rooms', questions: 'questions' });
  });

  it('accept only known tabs from storage', () => {
    expect(isTab('boards')).toBe(true);
    expect(isTab('admin')).toBe(false);
    expect(isTab(null)).toBe(false);
  });
});

describe('Start next', () => {
  const seg = (id: string, startedAt: number | null = null) => ({ id, startedAt });

  it('picks the segment after the current one', () => {
    expect(nextSegmentId({ segments: [seg('a', 1), seg('b', 2), seg('c')], currentId: 'b' } as never)).toBe(
      'c',
    );
  });

  it('with none current, picks the first that has not run', () => {
    expect(nextSegmentId({ segments: [seg('a', 1), seg('b'), seg('c')], currentId: null } as never)).toBe(
      'b',
    );
  });

  it('has nothing to start at the end of the agenda', () => {
    expect(nextSegmentId({ segments: [seg('a', 1), seg('b', 2)], currentId: 'b' } as never)).toBeNull();
    expect(nextSegmentId({ segments: [seg('a', 1)], currentId: null } as never)).toBeNull();
  });
});
