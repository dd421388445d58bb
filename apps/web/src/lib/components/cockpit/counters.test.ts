import { PLENARY, type QuestionView } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { breakout } from '$lib/breakouts/fixtures';
import { hand, ids, open, people, round } from '$lib/floor/fixtures';
import { countersOf, openQuestionIds, risen, totalOf, type Counters } from './counters';

function question(id: string, over: Partial<QuestionView> = {}): QuestionView {
  return {
    id,
    text: `Question ${id}`,
    anonymous: false,
    authorId: null,
    ownerKey: null,
    askedAt: 1,
    votes: 0,
    votedByMe: false,
    mine: false,
    answered: false,
    pinned: false,
    hidden: false,
    ...over,
  };
}

const quiet = {
  floors: {},
  signals: {},
  participants: people,
  breakouts: { current: null, history: [] },
  questions: [],
};
const none: Counters = { hands: 0, signals: 0, help: 0, questions: 0 };

describe('cockpit counters', () => {
  it('counts nothing in a quiet session', () => {
    expect(countersOf(quiet, new Set())).toEqual(none);
  });

  it('counts the hands raised on the plenary open floor, not a round', () => {
    const hands = open({ hands: [hand(ids.ana), hand(ids.bo)] });
    expect(countersOf({ ...quiet, floors: { [PLENARY]: hands } }, new Set()).hands).toBe(2);
    expect(countersOf({ ...quiet, floors: { [PLENARY]: round([ids.ana]) } }, new Set()).hands).toBe(0);
    // A room's floor is the room's business (BR15), not the plenary cockpit's.
    expect(countersOf({ ...quiet, floors: { 'brk-00001-r0': hands } }, new Set()).hands).toBe(0);
  });

  it('counts people with a private signal on, once per person, leaving out removed people', () => {
    const signals = {
      [ids.ana]: { pause: 5, notToday: 6 },
      [ids.bo]: { pause: null, notToday: 7 },
      [ids.cas]: { pause: null, notToday: null },
      gone: { pause: 1, notToday: null },
    };
    const withGone = {
      ...people,
      gone: { id: 'gone', displayName: 'Gone', role: 'participant' as const, joinedAt: 9, removed: true },
    };
    expect(countersOf({ ...quiet, participants: withGone, signals }, new Set()).signals).toBe(2);
    // Participants' views carry no signals (null): nothing to count.
    expect(countersOf({ ...quiet, signals: null }, new Set()).signals).toBe(0);
  });

  it('counts help calls while rooms are drafted or open, not after they closed', () => {
    const help = { [ids.ana]: 10, [ids.bo]: 11 };
    expect(
      countersOf(
        { ...quiet, breakouts: { current: breakout({ status: 'open', help }), history: [] } },
        new Set(),
      ).help,
    ).toBe(2);
    expect(
      countersOf(
        { ...quiet, breakouts: { current: breakout({ status: 'closed', help }), history: [] } },
        new Set(),
      ).help,
    ).toBe(0);
  });

  it('counts open questions not seen yet; answered and hidden ones need nobody', () => {
    const questions = [
      question('q1'),
      question('q2'),
      question('q3', { answered: true }),
      question('q4', { hidden: true }),
    ];
    expect(openQuestionIds({ questions })).toEqual(['q1', 'q2']);
    expect(countersOf({ ...quiet, questions }, new Set()).questions).toBe(2);
    expect(countersOf({ ...quiet, questions }, new Set(['q1'])).questions).toBe(1);
  });

  it('sums the counters for the tab title and names only the ones that went up', () => {
    const after = { hands: 2, signals: 1, help: 0, questions: 3 };
    expect(totalOf(after)).toBe(6);
    expect(risen(null, after)).toEqual([]);
    expect(risen({ hands: 1, signals: 1, help: 1, questions: 4 }, after)).toEqual(['hands']);
  });
});
