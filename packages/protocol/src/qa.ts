import { z } from 'zod';
import { eventBase } from './event-base';
import { Id } from './ids';
import { LIMITS } from './limits';
import { Text } from './text';

/**
 * A question as the engine keeps it. On the server `authorId` is always set and `voters` lists
 * every voter. The copy a client holds is cut (see core `redactState`): `authorId` is null for an
 * anonymous question unless it is the client's own, and `voters` holds at most the client itself.
 * `votes` is the count everyone may see.
 */
export const QuestionState = z.object({
  id: Id,
  text: z.string(),
  anonymous: z.boolean(),
  authorId: Id.nullable(),
  askedAt: z.number(),
  votes: z.number().int().nonnegative(),
  voters: z.array(Id),
  answered: z.boolean(),
  pinned: z.boolean(),
  hidden: z.boolean(),
});
export type QuestionState = z.infer<typeof QuestionState>;

/** What one person sees of a question: never who voted, never who asked an anonymous one. */
export const QuestionView = z.object({
  id: Id,
  text: z.string(),
  anonymous: z.boolean(),
  authorId: Id.nullable(),
  askedAt: z.number(),
  votes: z.number().int().nonnegative(),
  votedByMe: z.boolean(),
  mine: z.boolean(),
  answered: z.boolean(),
  pinned: z.boolean(),
  hidden: z.boolean(),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const QUESTION_FLAGS = ['answered', 'pinned', 'hidden'] as const;
export const QuestionFlag = z.enum(QUESTION_FLAGS);
export type QuestionFlag = z.infer<typeof QuestionFlag>;

/** `questionId` is set by the server (any value a client sends is replaced). */
export const AskQuestion = z.strictObject({
  type: z.literal('qa.ask'),
  questionId: Id.optional(),
  text: Text(LIMITS.questionTextMax),
  anonymous: z.boolean().optional(),
});
/** Sets your vote rather than toggling it, so a retried command cannot undo itself. */
export const VoteQuestion = z.strictObject({
  type: z.literal('qa.vote'),
  questionId: Id,
  voted: z.boolean(),
});
export const MarkQuestion = z.strictObject({
  type: z.literal('qa.mark'),
  questionId: Id,
  flag: QuestionFlag,
  on: z.boolean(),
});
export const DeleteQuestion = z.strictObject({ type: z.literal('qa.delete'), questionId: Id });

export const QaCommands = [AskQuestion, VoteQuestion, MarkQuestion, DeleteQuestion] as const;

export const QuestionAsked = z.object({
  ...eventBase,
  type: z.literal('question.asked'),
  questionId: Id,
  text: z.string(),
  anonymous: z.boolean(),
  /** Null in every copy but the server's and the author's when the question is anonymous. */
  authorId: Id.nullable(),
});

export const QuestionVoteChanged = z.object({
  ...eventBase,
  type: z.literal('question.voteChanged'),
  questionId: Id,
  /** Null in every copy but the server's and the voter's own. */
  voterId: Id.nullable(),
  voted: z.boolean(),
});

export const QuestionFlagChanged = z.object({
  ...eventBase,
  type: z.literal('question.flagChanged'),
  questionId: Id,
  flag: QuestionFlag,
  on: z.boolean(),
  by: Id,
});

/** Deleted by its author; also how a question leaves a non-facilitator's copy when it is hidden. */
export const QuestionDeleted = z.object({
  ...eventBase,
  type: z.literal('question.deleted'),
  questionId: Id,
});

/**
 * Only in non-facilitators' streams: a hidden question was shown again, so it comes back whole
 * (already cut for that person).
 */
export const QuestionRestored = z.object({
  ...eventBase,
  type: z.literal('question.restored'),
  question: QuestionState,
});

export const QaEvents = [
  QuestionAsked,
  QuestionVoteChanged,
  QuestionFlagChanged,
  QuestionDeleted,
  QuestionRestored,
] as const;
