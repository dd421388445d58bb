import type { EventOf, QuestionState } from '@kring/protocol';
import type { SessionState } from '../state';

export type QaEvent = EventOf<
  | 'question.asked'
  | 'question.voteChanged'
  | 'question.flagChanged'
  | 'question.deleted'
  | 'question.restored'
>;

export function evolveQa(state: SessionState, event: QaEvent): SessionState {
  const put = (q: QuestionState): SessionState => ({
    ...state,
    questions: { ...state.questions, [q.id]: q },
  });
  if (event.type === 'question.asked') {
    return put({
      id: event.questionId,
      text: event.text,
      anonymous: event.anonymous,
      authorId: event.authorId,
      ownerKey: event.ownerKey ?? null,
      askedAt: event.at,
      votes: 0,
      voters: [],
      answered: false,
      pinned: false,
      hidden: false,
    });
  }
  if (event.type === 'question.restored') return put(event.question);
  const question = state.questions[event.questionId];
  // A copy cut for a non-facilitator has no hidden questions; events about them change nothing there.
  if (!question) return state;
  switch (event.type) {
    case 'question.voteChanged': {
      // Q8: copies cut for others carry the count but not the voter (voterId null).
      if (event.voterId !== null && question.voters.includes(event.voterId) === event.voted) return state;
      const voters =
        event.voterId === null
          ? question.voters
          : event.voted
            ? [...question.voters, event.voterId]
            : question.voters.filter((id) => id !== event.voterId);
      return put({ ...question, voters, votes: Math.max(0, question.votes + (event.voted ? 1 : -1)) });
    }
    case 'question.flagChanged':
      return put({ ...question, [event.flag]: event.on });
    case 'question.deleted': {
      const { [question.id]: _gone, ...questions } = state.questions;
      return { ...state, questions };
    }
  }
}
