import type { ParticipantState, QuestionView } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import {
  askerLabel,
  groupQuestions,
  newlyAnsweredMine,
  questionProblem,
  topOpen,
  voteCount,
} from './questions';

const q = (id: string, extra: Partial<QuestionView> = {}): QuestionView => ({
  id,
  text: `Question ${id}`,
  anonymous: false,
  authorId: 'p-ana-1',
  ownerKey: null,
  askedAt: 1,
  votes: 0,
  votedByMe: false,
  mine: false,
  answered: false,
  pinned: false,
  hidden: false,
  ...extra,
});

const people: Record<string, ParticipantState> = {
  'p-ana-1': { id: 'p-ana-1', displayName: 'Ana', role: 'participant', joinedAt: 1 },
};

describe('groupQuestions', () => {
  it('splits open and answered and keeps the order', () => {
    const list = [
      q('q-1', { pinned: true }),
      q('q-2', { answered: true }),
      q('q-3'),
      q('q-4', { answered: true }),
    ];
    const { open, answered } = groupQuestions(list);
    expect(open.map((x) => x.id)).toEqual(['q-1', 'q-3']);
    expect(answered.map((x) => x.id)).toEqual(['q-2', 'q-4']);
  });
});

describe('topOpen', () => {
  it('gives the first open questions, never hidden or answered ones', () => {
    const list = [
      q('q-1', { hidden: true }),
      q('q-2', { answered: true }),
      q('q-3'),
      q('q-4'),
      q('q-5'),
      q('q-6'),
    ];
    expect(topOpen(list, 3).map((x) => x.id)).toEqual(['q-3', 'q-4', 'q-5']);
  });
});

describe('askerLabel', () => {
  it('never names the author of an anonymous question', () => {
    expect(askerLabel(q('q-1', { anonymous: true, authorId: null }), people)).toBe('Anonymous');
    expect(askerLabel(q('q-1', { anonymous: true, authorId: null, mine: true }), people)).toBe(
      'You, anonymously',
    );
  });

  it('names the author otherwise', () => {
    expect(askerLabel(q('q-1'), people)).toBe('Ana');
    expect(askerLabel(q('q-1', { mine: true }), people)).toBe('You');
    expect(askerLabel(q('q-1', { authorId: 'p-gone-1' }), people)).toBe('Someone');
  });
});

describe('small words', () => {
  it('counts votes', () => {
    expect(voteCount(0)).toBe('0 votes');
    expect(voteCount(1)).toBe('1 vote');
    expect(voteCount(2)).toBe('2 votes');
  });

  it('says why a question cannot be sent', () => {
    expect(questionProblem('  ')).toBe('Write your question first.');
    expect(questionProblem('x'.repeat(501))).toMatch(/at most 500/);
    expect(questionProblem('Why?')).toBeNull();
  });
});

describe('newlyAnsweredMine', () => {
  it('finds own questions that were just answered', () => {
    const before = [q('q-1', { mine: true }), q('q-2'), q('q-3', { mine: true, answered: true })];
    const after = [
      q('q-1', { mine: true, answered: true }),
      q('q-2', { answered: true }),
      q('q-3', { mine: true, answered: true }),
      q('q-4', { mine: true, answered: true }),
    ];
    expect(newlyAnsweredMine(before, after).map((x) => x.id)).toEqual(['q-1']);
  });
});
