import type { ParticipantState, QuestionView } from '@kring/protocol';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { askerLabel, questionProblem, voteCount } from './questions';
import { qaRefusalText } from './refusals';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

const question = (extra: Partial<QuestionView> = {}): QuestionView => ({
  id: 'q-1',
  text: 'Why?',
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
const people: Record<string, ParticipantState> = {};

describe('Q&A in Dutch and French', () => {
  it('names the asker and counts votes', () => {
    overwriteGetLocale(() => 'nl');
    expect(askerLabel(question({ anonymous: true, authorId: null, mine: true }), people)).toBe(
      'Jij, anoniem',
    );
    expect(askerLabel(question(), people)).toBe('Iemand');
    expect(voteCount(1)).toBe('1 stem');
    expect(voteCount(3)).toBe('3 stemmen');
    overwriteGetLocale(() => 'fr');
    expect(askerLabel(question({ anonymous: true, authorId: null }), people)).toBe('Anonyme');
    expect(voteCount(0)).toBe('0 vote');
    expect(voteCount(2)).toBe('2 votes');
  });

  it('says why a question cannot be sent', () => {
    overwriteGetLocale(() => 'nl');
    expect(questionProblem(' ')).toBe('Schrijf eerst je vraag.');
    overwriteGetLocale(() => 'fr');
    expect(questionProblem('x'.repeat(501))).toBe(
      'Une question peut compter au plus 500 caractères (celle-ci en a 501).',
    );
  });

  it('words a refusal from its code; English keeps the server’s sentence', () => {
    const gone = { code: 'not_found', message: 'no such question' } as const;
    expect(qaRefusalText('Could not pin the question', gone)).toBe(
      'Could not pin the question: no such question.',
    );
    overwriteGetLocale(() => 'nl');
    expect(qaRefusalText('De vraag vastzetten lukte niet', gone)).toBe(
      'De vraag vastzetten lukte niet: deze vraag is er niet meer.',
    );
    overwriteGetLocale(() => 'fr');
    expect(
      qaRefusalText('Votre vote n’a pas été compté', { code: 'rate_limited', message: 'slow down' }),
    ).toBe(
      'Votre vote n’a pas été compté\u00a0: trop de demandes à la fois. Attendez un instant, puis réessayez.',
    );
  });
});
