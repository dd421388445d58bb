import { type CommandOf, LIMITS } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import { isFacilitator } from '../permissions';

/** Questions and answers (Q rules). */

type QaCommand = CommandOf<'qa.ask' | 'qa.vote' | 'qa.mark' | 'qa.delete'>;

export function decideQa(ctx: Ctx, command: QaCommand): Decision {
  const { state, who } = ctx;
  const at = ctx.now;
  if (command.type === 'qa.ask') {
    // Q1: any member asks; the server assigns the id. A named question keeps its author; an
    // anonymous one keeps no author anywhere (Q7), only the hash of its asker's secret (Q10).
    if (!command.questionId) return refuse('bad_request', 'a new question needs the id the server assigns');
    if (state.questions[command.questionId]) return refuse('conflict', 'a question with this id exists');
    if (Object.keys(state.questions).length >= LIMITS.questionsMax) {
      return refuse('too_large', 'this session has as many questions as it can hold');
    }
    return accept({
      type: 'question.asked',
      at,
      questionId: command.questionId,
      text: command.text,
      anonymous: command.anonymous ?? false,
      authorId: command.anonymous ? null : who.id,
      ownerKey: command.anonymous ? (command.ownerKey ?? null) : null,
    });
  }
  const question = state.questions[command.questionId];
  // Q6: a hidden question does not exist for anyone but facilitators.
  const visible = question && (!question.hidden || isFacilitator(who.role));
  switch (command.type) {
    case 'qa.vote':
      // Q2: one vote per person; setting it to what it is changes nothing.
      if (!question || !visible) return refuse('not_found', 'no such question');
      if (question.voters.includes(who.id) === command.voted) return unchanged();
      return accept({
        type: 'question.voteChanged',
        at,
        questionId: question.id,
        voterId: who.id,
        voted: command.voted,
      });
    case 'qa.mark':
      // Q4
      if (!question) return refuse('not_found', 'no such question');
      if (question[command.flag] === command.on) return unchanged();
      return accept({
        type: 'question.flagChanged',
        at,
        questionId: question.id,
        flag: command.flag,
        on: command.on,
        by: who.id,
      });
    case 'qa.delete':
      // Q5: deleting is the author's; facilitators hide instead. Already gone changes nothing.
      if (!question || !visible) return unchanged();
      // Q10: an anonymous question's asker shows the secret behind its owner key (the server hashed it).
      if (question.authorId !== who.id && !(question.ownerKey && command.ownerKey === question.ownerKey)) {
        return refuse('forbidden', 'only the author deletes a question');
      }
      return accept({ type: 'question.deleted', at, questionId: question.id });
  }
}
