import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Id } from './ids';
import { LIMITS } from './limits';
import { OwnerKey, OwnerSecret } from './owner-keys';
import { Text } from './text';

/**
 * A question as the engine keeps it. `authorId` is set for a named question and null for an
 * anonymous one, on the server too (Q7: nothing stored links it to its author); an anonymous one
 * carries its `ownerKey` instead (Q10). `voters` lists every voter on the server; the copy a client
 * holds has at most itself there (see core `redactState`). `votes` is the count everyone may see.
 */
export const QuestionState = z.object({
  id: Id,
  text: z.string(),
  anonymous: z.boolean(),
  authorId: z.nullable(Id),
  ownerKey: z.nullable(OwnerKey),
  askedAt: z.number(),
  votes: z.int().check(z.nonnegative()),
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
  authorId: z.nullable(Id),
  /** Q10: an anonymous question's owner key; the asker's device tells its own (`mine` cannot). */
  ownerKey: z.nullable(OwnerKey),
  askedAt: z.number(),
  votes: z.int().check(z.nonnegative()),
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
  questionId: z.optional(Id),
  text: Text(LIMITS.questionTextMax),
  anonymous: z.optional(z.boolean()),
  /** Q10: with `anonymous`, the hash of the secret the asker's device keeps for this question. */
  ownerKey: z.optional(OwnerKey),
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
/**
 * Q5/Q10: an anonymous question's asker proves it with `ownerSecret`; the server turns it into
 * `ownerKey` (its hash) before core decides, replacing any `ownerKey` a client sent.
 */
export const DeleteQuestion = z.strictObject({
  type: z.literal('qa.delete'),
  questionId: Id,
  ownerSecret: z.optional(OwnerSecret),
  ownerKey: z.optional(OwnerKey),
});

export const QaCommands = [AskQuestion, VoteQuestion, MarkQuestion, DeleteQuestion] as const;

export const QuestionAsked = z.object({
  ...eventBase,
  type: z.literal('question.asked'),
  questionId: Id,
  text: z.string(),
  anonymous: z.boolean(),
  /**
   * Null for an anonymous question (Q7). Events stored before Q10 may carry the author of an
   * anonymous question: then it is null in every copy but the server's and the author's.
   */
  authorId: z.nullable(Id),
  /** Q10: an anonymous question's owner key (absent in events stored before Q10). */
  ownerKey: z.optional(z.nullable(OwnerKey)),
});

export const QuestionVoteChanged = z.object({
  ...eventBase,
  type: z.literal('question.voteChanged'),
  questionId: Id,
  /** Null in every copy but the server's and the voter's own. */
  voterId: z.nullable(Id),
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
