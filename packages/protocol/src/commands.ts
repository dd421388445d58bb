import { z } from 'zod';
import { Id } from './ids';

/**
 * Commands: what a client asks the session engine to do over socket.io. Every command is
 * validated with `Command.safeParse` at the server's edge before it reaches core.
 */
export const SetBoardLock = z.strictObject({
  type: z.literal('board.setLock'),
  boardId: Id,
  locked: z.boolean(),
});

export const Command = z.discriminatedUnion('type', [SetBoardLock]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
