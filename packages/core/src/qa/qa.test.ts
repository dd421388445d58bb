import { Command, LIMITS } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { decide } from '../decide';
import { ADA, BEN, CAI, COFAC, HOST, TestSession, ownerKeyOf } from '../testing';
import { viewFor } from '../view/view';

function withQuestion(anonymous = false) {
  const s = new TestSession();
  s.ok(ADA, {
    type: 'qa.ask',
    text: 'What does mutuality mean here?',
    anonymous,
    ...(anonymous ? { ownerKey: ownerKeyOf(ADA) } : {}),
  });
  return { s, id: s.lastId() };
}
const ask = (s: TestSession, who: string, text: string) => {
  s.ok(who, { type: 'qa.ask', text });
  return s.lastId();
};
const vote = (questionId: string, voted = true) => ({ type: 'qa.vote', questionId, voted });

describe('Q&A', () => {
  it('Q1: any member asks; the server assigns the id and keeps the author', () => {
    const { s, id } = withQuestion();
    expect(s.state.questions[id]).toMatchObject({
      text: 'What does mutuality mean here?',
      authorId: ADA,
      votes: 0,
    });
    // The wire schema bounds the text before core sees it.
    expect(Command.safeParse({ type: 'qa.ask', text: 'x'.repeat(501) }).success).toBe(false);
    expect(Command.safeParse({ type: 'qa.ask', text: '   ' }).success).toBe(false);
    const noId = decide(s.state, { type: 'qa.ask', text: 'hi' }, { participantId: ADA }, 0);
    expect(noId).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('Q2: one vote per person; voting sets, unvoting clears, repeats change nothing', () => {
    const { s, id } = withQuestion();
    s.ok(BEN, vote(id));
    expect(s.ok(BEN, vote(id))).toEqual([]);
    s.ok(CAI, vote(id));
    expect(s.state.questions[id]?.votes).toBe(2);
    s.ok(BEN, vote(id, false));
    expect(s.ok(BEN, vote(id, false))).toEqual([]);
    expect(s.state.questions[id]).toMatchObject({ votes: 1, voters: [CAI] });
    expect(s.refused(BEN, vote('nosuch1'))).toBe('not_found');
  });

  it('Q3: pinned first, then most votes, then oldest', () => {
    const s = new TestSession();
    const a = ask(s, ADA, 'first');
    const b = ask(s.tick(10), BEN, 'second');
    const c = ask(s.tick(10), CAI, 'third');
    s.ok(ADA, vote(c));
    s.ok(BEN, vote(c));
    s.ok(CAI, vote(b));
    expect(viewFor(s.state, ADA).questions.map((q) => q.id)).toEqual([c, b, a]);
    s.ok(HOST, { type: 'qa.mark', questionId: a, flag: 'pinned', on: true });
    expect(viewFor(s.state, ADA).questions.map((q) => q.id)).toEqual([a, c, b]);
  });

  it('Q4: facilitators mark answered, pinned, hidden; marking twice changes nothing', () => {
    const { s, id } = withQuestion();
    s.ok(COFAC, { type: 'qa.mark', questionId: id, flag: 'answered', on: true });
    expect(s.ok(COFAC, { type: 'qa.mark', questionId: id, flag: 'answered', on: true })).toEqual([]);
    expect(s.state.questions[id]?.answered).toBe(true);
    expect(s.refused(ADA, { type: 'qa.mark', questionId: id, flag: 'pinned', on: true })).toBe('forbidden');
  });

  it('Q5: only the author deletes a named question', () => {
    const { s, id } = withQuestion(false);
    expect(s.refused(BEN, { type: 'qa.delete', questionId: id })).toBe('forbidden');
    expect(s.refused(HOST, { type: 'qa.delete', questionId: id })).toBe('forbidden');
    s.ok(ADA, { type: 'qa.delete', questionId: id });
    expect(s.state.questions[id]).toBeUndefined();
    expect(s.ok(ADA, { type: 'qa.delete', questionId: id })).toEqual([]);
  });

  it('Q7/Q10: an anonymous question keeps no author, even on the server; whoever shows its secret deletes it', () => {
    const { s, id } = withQuestion(true);
    expect(s.state.questions[id]).toMatchObject({ authorId: null, ownerKey: ownerKeyOf(ADA) });
    expect(s.events.at(-1)).toMatchObject({
      type: 'question.asked',
      authorId: null,
      ownerKey: ownerKeyOf(ADA),
    });
    // Without the secret (its hash, as the server passes it) nobody deletes it, its asker neither.
    expect(s.refused(ADA, { type: 'qa.delete', questionId: id })).toBe('forbidden');
    expect(s.refused(BEN, { type: 'qa.delete', questionId: id, ownerKey: ownerKeyOf(BEN) })).toBe(
      'forbidden',
    );
    expect(s.refused(HOST, { type: 'qa.delete', questionId: id })).toBe('forbidden');
    s.ok(ADA, { type: 'qa.delete', questionId: id, ownerKey: ownerKeyOf(ADA) });
    expect(s.state.questions[id]).toBeUndefined();
    // An anonymous question asked without a key is simply nobody's to delete (facilitators hide it).
    s.ok(BEN, { type: 'qa.ask', text: 'no key', anonymous: true });
    expect(s.state.questions[s.lastId()]).toMatchObject({ authorId: null, ownerKey: null });
    expect(s.refused(BEN, { type: 'qa.delete', questionId: s.lastId() })).toBe('forbidden');
  });

  it('Q6: hidden questions are for facilitators only; others cannot vote on them', () => {
    const { s, id } = withQuestion();
    s.ok(HOST, { type: 'qa.mark', questionId: id, flag: 'hidden', on: true });
    expect(viewFor(s.state, BEN).questions).toEqual([]);
    expect(viewFor(s.state, ADA).questions).toEqual([]);
    expect(viewFor(s.state, COFAC).questions).toMatchObject([{ id, hidden: true }]);
    expect(s.refused(BEN, vote(id))).toBe('not_found');
    s.ok(COFAC, vote(id));
  });

  it('Q7/V3: anonymous authors appear in nobody’s view, not even a facilitator’s; the owner key tells the asker’s device', () => {
    const { s, id } = withQuestion(true);
    s.ok(BEN, { type: 'qa.ask', text: 'Named question' });
    for (const viewer of [HOST, COFAC, ADA, BEN, CAI]) {
      const q = viewFor(s.state, viewer).questions.find((x) => x.id === id);
      // Q10: `mine` cannot tell (no author is kept); the asker's device knows by its key.
      expect(q).toMatchObject({ authorId: null, anonymous: true, mine: false, ownerKey: ownerKeyOf(ADA) });
    }
    const named = viewFor(s.state, CAI).questions.find((x) => x.id !== id);
    expect(named).toMatchObject({ authorId: BEN, mine: false });
  });

  it('Q9: a session holds a bounded number of questions', () => {
    const s = new TestSession();
    const q = {
      id: 'x',
      text: 't',
      anonymous: false,
      authorId: ADA,
      ownerKey: null,
      askedAt: 0,
      votes: 0,
      voters: [],
    };
    const flags = { answered: false, pinned: false, hidden: false };
    const questions = Object.fromEntries(
      Array.from({ length: LIMITS.questionsMax }, (_, i) => [`q${i}`, { ...q, ...flags, id: `q${i}` }]),
    );
    const full = { ...s.state, questions };
    const decision = decide(
      full,
      { type: 'qa.ask', questionId: 'newone1', text: 'hi' },
      { participantId: ADA },
      0,
    );
    expect(decision).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('Q8/V3: views carry vote counts and votedByMe, never voter ids', () => {
    const { s, id } = withQuestion();
    s.ok(BEN, vote(id));
    s.ok(CAI, vote(id));
    for (const viewer of [HOST, ADA, BEN]) {
      const q = viewFor(s.state, viewer).questions[0];
      expect(q).toMatchObject({ votes: 2, votedByMe: viewer === BEN });
      expect(Object.keys(q ?? {})).not.toContain('voters');
    }
  });
});
