import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Id } from './ids';
import { LIMITS } from './limits';
import { OwnerKey, OwnerSecret } from './owner-keys';
import { Role } from './roles';
import { Text } from './text';

/** A display name people choose: trimmed, never empty, bounded. */
export const DisplayName = Text(LIMITS.displayNameMax);

/**
 * A member of a session. Removed people stay in the record (marked `removed`) so questions and
 * turns they took still read with a name; they lose every access (issue 3, RO5).
 */
export const ParticipantState = z.object({
  id: Id,
  displayName: z.string(),
  role: Role,
  joinedAt: z.number(),
  removed: z.optional(z.boolean()),
  /**
   * Tokens carry the epoch they were signed in; only the current one is accepted (J5). Left out: 0,
   * so records and tokens from before signing out existed keep working.
   */
  tokenEpoch: z.optional(z.int().check(z.nonnegative())),
});
export type ParticipantState = z.infer<typeof ParticipantState>;

export const RenameParticipant = z.strictObject({
  type: z.literal('participant.rename'),
  participantId: Id,
  displayName: DisplayName,
});

export const SetParticipantRole = z.strictObject({
  type: z.literal('participant.setRole'),
  participantId: Id,
  role: Role,
});

export const RemoveParticipant = z.strictObject({
  type: z.literal('participant.remove'),
  participantId: Id,
});

/**
 * PR8: leave the session with your words. Everything you wrote (questions, notes, reactions, votes)
 * and your name are deleted, and you leave. `ownerSecrets` are this device's secrets of anonymous
 * questions and notes (Q10, BD15), so those go too; the server turns them into `ownerKeys` (their
 * hashes) before core decides, replacing any keys a client sent.
 */
export const LeaveSession = z.strictObject({
  type: z.literal('participant.leave'),
  ownerSecrets: z.optional(z.array(OwnerSecret).check(z.maxLength(LIMITS.ownerSecretsMax))),
  ownerKeys: z.optional(z.array(OwnerKey).check(z.maxLength(LIMITS.ownerSecretsMax))),
});

export const ParticipantCommands = [
  RenameParticipant,
  SetParticipantRole,
  RemoveParticipant,
  LeaveSession,
] as const;

export const ParticipantRenamed = z.object({
  ...eventBase,
  type: z.literal('participant.renamed'),
  participantId: Id,
  displayName: z.string(),
  by: Id,
});

export const ParticipantRoleChanged = z.object({
  ...eventBase,
  type: z.literal('participant.roleChanged'),
  participantId: Id,
  role: Role,
  by: Id,
});

/** Removed by a facilitator, or left with their words (PR8: then `by` is themselves). */
export const ParticipantRemoved = z.object({
  ...eventBase,
  type: z.literal('participant.removed'),
  participantId: Id,
  by: Id,
});

export const ParticipantEvents = [ParticipantRenamed, ParticipantRoleChanged, ParticipantRemoved] as const;
