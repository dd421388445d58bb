import { z } from 'zod';
import { eventBase } from './event-base';
import { Id } from './ids';
import { LIMITS } from './limits';
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
  removed: z.boolean().optional(),
  /**
   * Tokens carry the epoch they were signed in; only the current one is accepted (J5). Left out: 0,
   * so records and tokens from before signing out existed keep working.
   */
  tokenEpoch: z.number().int().nonnegative().optional(),
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

export const ParticipantCommands = [RenameParticipant, SetParticipantRole, RemoveParticipant] as const;

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

export const ParticipantRemoved = z.object({
  ...eventBase,
  type: z.literal('participant.removed'),
  participantId: Id,
  by: Id,
});

export const ParticipantEvents = [ParticipantRenamed, ParticipantRoleChanged, ParticipantRemoved] as const;
