import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Id, JoinCode } from './ids';

/**
 * Who may come in (issue 9): the door, the join code and sign-ins. Facilitator commands (core J2,
 * J4, J5); a closed door and a new code change nothing for people already in, and signing everyone
 * else out ends every sign-in but the facilitator's own.
 */

/** J2: open or close the session to new people. */
export const SetDoor = z.strictObject({ type: z.literal('session.setDoor'), open: z.boolean() });

/**
 * J4: a new join code. `joinCode` is drawn by the server (any value a client sends is replaced),
 * so nobody chooses a code, and the code is never one another session has.
 */
export const RotateJoinCode = z.strictObject({
  type: z.literal('session.rotateJoinCode'),
  joinCode: z.optional(JoinCode),
});

/** J5: every token of the session stops working, except those of the facilitator who asks. */
export const SignOutOthers = z.strictObject({ type: z.literal('session.signOutOthers') });

export const SessionCommands = [SetDoor, RotateJoinCode, SignOutOthers] as const;

export const DoorChanged = z.object({
  ...eventBase,
  type: z.literal('session.doorChanged'),
  open: z.boolean(),
  by: Id,
});

export const JoinCodeChanged = z.object({
  ...eventBase,
  type: z.literal('session.joinCodeChanged'),
  joinCode: z.string(),
  by: Id,
});

/** Each named person's token epoch goes up by one: tokens signed before it are refused. */
export const SignedOut = z.object({
  ...eventBase,
  type: z.literal('session.signedOut'),
  participantIds: z.array(Id),
  by: Id,
});

export const SessionAccessEvents = [DoorChanged, JoinCodeChanged, SignedOut] as const;
