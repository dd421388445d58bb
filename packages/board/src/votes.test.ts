import { describe, expect, it } from 'vitest';
import { checkVote, tallyVotes, votesLeft, type VotesByNote } from './index';

const rules = { budget: 3, capPerNote: 2 };

describe('checkVote', () => {
  it('adds votes within budget and cap and says how many are left', () => {
    expect(checkVote({ ...rules, votesByVoter: {}, noteId: 'a', delta: 1 })).toEqual({
      ok: true,
      votes: { a: 1 },
      left: 2,
    });
    expect(checkVote({ ...rules, votesByVoter: { a: 1 }, noteId: 'a', delta: 1 })).toEqual({
      ok: true,
      votes: { a: 2 },
      left: 1,
    });
  });

  it('refuses a vote over the cap on one note', () => {
    expect(checkVote({ ...rules, votesByVoter: { a: 2 }, noteId: 'a', delta: 1 })).toEqual({
      ok: false,
      reason: 'cap_reached',
    });
  });

  it('refuses a vote when the budget is spent, even on a note at its cap', () => {
    expect(checkVote({ ...rules, votesByVoter: { a: 2, b: 1 }, noteId: 'c', delta: 1 })).toEqual({
      ok: false,
      reason: 'budget_exhausted',
    });
    expect(checkVote({ ...rules, votesByVoter: { a: 2, b: 1 }, noteId: 'a', delta: 1 })).toEqual({
      ok: false,
      reason: 'budget_exhausted',
    });
    expect(checkVote({ ...rules, votesByVoter: {}, noteId: 'a', delta: 4 })).toMatchObject({
      reason: 'budget_exhausted',
    });
  });

  it('takes votes back, and refuses to take back what is not there', () => {
    expect(checkVote({ ...rules, votesByVoter: { a: 1, b: 2 }, noteId: 'a', delta: -1 })).toEqual({
      ok: true,
      votes: { b: 2 },
      left: 1,
    });
    expect(checkVote({ ...rules, votesByVoter: { b: 2 }, noteId: 'a', delta: -1 })).toEqual({
      ok: false,
      reason: 'no_votes_to_remove',
    });
  });

  it('lets people take votes back after the budget was lowered below what they spent', () => {
    const votesByVoter = { a: 2, b: 2 };
    expect(checkVote({ budget: 2, capPerNote: 2, votesByVoter, noteId: 'c', delta: 1 })).toMatchObject({
      reason: 'budget_exhausted',
    });
    expect(checkVote({ budget: 2, capPerNote: 2, votesByVoter, noteId: 'a', delta: -1 })).toEqual({
      ok: true,
      votes: { a: 1, b: 2 },
      left: 0,
    });
  });

  it('refuses a zero or fractional change and closes voting with a budget of 0', () => {
    for (const delta of [0, 0.5, Number.NaN, Infinity]) {
      expect(checkVote({ ...rules, votesByVoter: {}, noteId: 'a', delta })).toEqual({
        ok: false,
        reason: 'bad_delta',
      });
    }
    expect(checkVote({ budget: 0, capPerNote: 1, votesByVoter: {}, noteId: 'a', delta: 1 })).toMatchObject({
      reason: 'budget_exhausted',
    });
  });

  it('throws on rules that make no sense (a programming error, not a refusal)', () => {
    expect(() => checkVote({ budget: -1, capPerNote: 1, votesByVoter: {}, noteId: 'a', delta: 1 })).toThrow(
      RangeError,
    );
    expect(() => checkVote({ budget: 3, capPerNote: 0, votesByVoter: {}, noteId: 'a', delta: 1 })).toThrow(
      RangeError,
    );
  });

  it('never lets anyone pass the budget or the cap, whatever they try (seeded sequence)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let votes: VotesByNote = {};
    for (let i = 0; i < 2000; i++) {
      const noteId = `n${Math.floor(random() * 4)}`;
      const delta = random() < 0.7 ? 1 : -1;
      const result = checkVote({ budget: 5, capPerNote: 2, votesByVoter: votes, noteId, delta });
      if (result.ok) votes = result.votes;
      expect(votesLeft(5, votes)).toBeGreaterThanOrEqual(0);
      expect(Object.values(votes).every((n) => n >= 1 && n <= 2)).toBe(true);
    }
  });
});

describe('tallyVotes', () => {
  it('adds everyone’s votes per note, sorted by note id, skipping zeros and junk', () => {
    expect(
      tallyVotes({
        ann: { b: 2, a: 1 },
        bo: { a: 1, c: 0 },
        cy: { b: -3, d: Number.NaN },
      }),
    ).toEqual({ a: 2, b: 2 });
    expect(Object.keys(tallyVotes({ x: { z: 1, a: 1, m: 1 } }))).toEqual(['a', 'm', 'z']);
  });
});
