import { LIMITS, type ParticipantState, type QuestionView } from '@kring/protocol';

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
  if (question.anonymous) return question.mine ? 'You, anonymously' : 'Anonymous';
  if (question.mine) return 'You';
  const who = question.authorId ? participants[question.authorId] : undefined;
  return who?.displayName ?? 'Someone';
}

export function voteCount(votes: number): string {
  return `${votes} ${votes === 1 ? 'vote' : 'votes'}`;
}

/** Why a question cannot be sent yet, in plain words; null when it can. */
export function questionProblem(text: string): string | null {
  const length = text.trim().length;
  if (length === 0) return 'Write your question first.';
  if (length > LIMITS.questionTextMax) {
    return `A question can be at most ${LIMITS.questionTextMax} characters (this one has ${length}).`;
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
