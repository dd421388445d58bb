import { describe, expect, it } from 'vitest';
import { BOARD_LOCALES, REACTIONS, boardText, isReactionId, tallyReactions, toggleReaction } from './index';

describe('reactions', () => {
  it('is a small fixed set with a plain-language label in every language', () => {
    expect(REACTIONS.map((r) => r.id)).toEqual(['heart', 'thanks', 'me-too', 'idea', 'question']);
    for (const locale of BOARD_LOCALES) {
      for (const { id } of REACTIONS) expect(boardText(`reaction.${id}`, locale)).toMatch(/\p{L}/u);
    }
    expect(isReactionId('heart')).toBe(true);
    expect(isReactionId('thumbs-down')).toBe(false);
  });

  it('toggles one reaction of each kind per person, in the fixed order', () => {
    expect(toggleReaction([], 'idea')).toEqual(['idea']);
    expect(toggleReaction(['idea'], 'heart')).toEqual(['heart', 'idea']);
    expect(toggleReaction(['heart', 'idea'], 'heart')).toEqual(['idea']);
  });

  it('tallies who reacted into counts per note, ignoring repeats and unknown kinds', () => {
    expect(
      tallyReactions({
        ann: { n1: ['heart', 'heart', 'idea'], n2: ['thanks'] },
        bo: { n1: ['heart', 'boo'], n3: [] },
      }),
    ).toEqual({ n1: { heart: 2, idea: 1 }, n2: { thanks: 1 } });
  });
});
