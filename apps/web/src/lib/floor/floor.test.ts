import { maySpeak, nextSpeaker, turnInfo } from '@kring/core';
import { describe, expect, it } from 'vitest';
import { asFloorState } from './floor';
import { hand, ids, open, speaking } from './fixtures';

describe('asFloorState', () => {
  it('keeps a quiet-first queue in the order the view serves it, without the hidden balance (B4)', () => {
    // The view already put Bo (no turns yet) before Ana; a participant's view has no balance.
    const view = open({ quietFirst: true, hands: [hand(ids.bo, 2), hand(ids.ana, 1)], next: ids.bo });
    const state = asFloorState(view);
    expect(state.balance).toEqual({});
    expect(nextSpeaker(state)).toBe(ids.bo);
    expect(turnInfo(state, ids.bo)).toBe('next');
    expect('next' in state).toBe(false);
  });

  it('answers who may speak like core does', () => {
    const view = open({ speaker: speaking(ids.ana) });
    expect(maySpeak(asFloorState(view), ids.ana)).toBe(true);
    expect(maySpeak(asFloorState(view), ids.bo)).toBe(false);
  });
});
