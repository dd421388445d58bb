import { describe, expect, it } from 'vitest';
import { seeded, shuffled } from '../testing';
import { byVotes, checkVote, tallyVotes, votesLeft, votesSpent } from './votes';

const rules = { budget: 3, capPerNote: 2 };

describe('dot-vote rules', () => {
  it('VO2: adds and takes back one vote at a time within the budget and the cap', () => {
    let ballot: Record<string, number> = {};
    const cast = (noteId: string, delta: 1 | -1) => {
      const check = checkVote(rules, ballot, noteId, delta);
      if (check.ok) ballot = check.ballot;
      return check.ok ? 'ok' : check.reason;
    };
    expect(cast('a', 1)).toBe('ok');
    expect(cast('a', 1)).toBe('ok');
    expect(cast('a', 1)).toBe('cap_reached');
    expect(cast('b', 1)).toBe('ok');
    expect(cast('c', 1)).toBe('budget_exhausted');
    // Budget and cap at once: the budget is what the person needs to hear.
    expect(cast('a', 1)).toBe('budget_exhausted');
    expect(cast('c', -1)).toBe('no_votes_to_remove');
    expect(cast('a', -1)).toBe('ok');
    expect(cast('c', 1)).toBe('ok');
    expect(ballot).toEqual({ a: 1, b: 1, c: 1 });
    expect(cast('b', -1)).toBe('ok');
    expect(ballot).toEqual({ a: 1, c: 1 }); // notes at 0 leave the ballot
    expect(votesLeft(3, ballot)).toBe(1);
  });

  it('VO2/VO4: whatever order votes arrive in, no more than the budget and the caps are accepted', () => {
    const random = seeded(7);
    for (let round = 0; round < 200; round++) {
      const budget = 1 + Math.floor(random() * 6);
      const capPerNote = 1 + Math.floor(random() * 3);
      const wanted: Record<string, number> = {
        a: Math.floor(random() * 5),
        b: Math.floor(random() * 5),
        c: 2,
      };
      const requests = Object.entries(wanted).flatMap(([id, n]) => Array.from({ length: n }, () => id));
      const capacity = Object.values(wanted).reduce((sum, n) => sum + Math.min(capPerNote, n), 0);
      let ballot: Record<string, number> = {};
      let accepted = 0;
      for (const noteId of shuffled(requests, random)) {
        const check = checkVote({ budget, capPerNote }, ballot, noteId, 1);
        if (!check.ok) continue;
        ballot = check.ballot;
        accepted++;
        expect(votesSpent(ballot)).toBeLessThanOrEqual(budget);
        for (const n of Object.values(ballot)) expect(n).toBeLessThanOrEqual(capPerNote);
      }
      expect(accepted).toBe(Math.min(budget, capacity));
    }
  });

  it('VO3: votes on notes that are gone no longer count against the budget', () => {
    const ballot = { gone: 2, kept: 1 };
    expect(votesSpent(ballot)).toBe(3);
    expect(checkVote(rules, ballot, 'kept', 1)).toEqual({ ok: false, reason: 'budget_exhausted' });
    const live = new Set(['kept']);
    expect(votesSpent(ballot, live)).toBe(1);
    expect(checkVote(rules, ballot, 'kept', 1, live)).toMatchObject({ ok: true });
  });

  it('tallies ballots and orders results by votes, ties keeping the board order (VO7)', () => {
    expect(tallyVotes({ p1: { a: 2, b: 1 }, p2: { b: 2 }, p3: {} })).toEqual({ a: 2, b: 3 });
    expect(byVotes(['x', 'a', 'b', 'y'], { a: 2, b: 3 })).toEqual(['b', 'a', 'x', 'y']);
  });
});
