import { LIMITS, type ParticipantState, type QuestionView } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { personName } from '$lib/names';
import { getLocale } from '$lib/paraglide/runtime';

export interface QuestionGroups {
  /** Still open, in the order given (pinned first, then votes, then oldest). Hidden ones only reach facilitators. */
  open: QuestionView[];
  answered: QuestionView[];
}

/** Splits the (already sorted) questions into open and answered, keeping the order. */
export function groupQuestions(questions: readonly QuestionView[]): QuestionGroups {
  const open: QuestionView[] = [];
  const answered: QuestionView[] = [];
  for (const q of questions) (q.answered ? answered : open).push(q);
  return { open, answered };
}

/** For a shared screen: the first `n` open questions everyone may see (never hidden ones). */
export function topOpen(questions: readonly QuestionView[], n: number): QuestionView[] {
  return questions.filter((q) => !q.answered && !q.hidden).slice(0, n);
}

/**
 * Who asked, as this person may know it. Anonymous questions never carry a name (Q7), not even
 * for facilitators; the author is told it is theirs.
 */
export function askerLabel(
  question: QuestionView,
  participants: Readonly<Record<string, ParticipantState>>,
): string {
  if (question.anonymous) return question.mine ? m.qa_asker_you_anonymous() : m.qa_asker_anonymous();
  if (question.mine) return m.qa_asker_you();
  const who = question.authorId ? participants[question.authorId] : undefined;
  return who ? personName(who) : m.qa_asker_someone();
}

/** Whether `count` takes the singular in the page's language (1 in English; 0 and 1 in French). */
export const singular = (count: number): boolean => new Intl.PluralRules(getLocale()).select(count) === 'one';

/** "1 vote", "3 votes" ("3 stemmen", "3 votes"). */
export function voteCount(votes: number): string {
  return singular(votes) ? m.qa_votes_one({ count: votes }) : m.qa_votes({ count: votes });
}

/** Why a question cannot be sent yet, in plain words; null when it can. */
export function questionProblem(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return m.qa_write_first();
  if (length > LIMITS.questionTextMax) {
    return m.qa_too_long({ max: LIMITS.questionTextMax, length });
  }
  return null;
}

/** Ids of own questions that are answered in `after` but were not in `before`, to tell their authors. */
export function newlyAnsweredMine(
  before: readonly QuestionView[],
  after: readonly QuestionView[],
): QuestionView[] {
  const wasAnswered = new Map(before.map((q) => [q.id, q.answered]));
  return after.filter((q) => q.mine && q.answered && wasAnswered.get(q.id) === false);
}
