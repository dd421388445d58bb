import * as z from 'zod/mini';
import { AgendaCommands } from './agenda';
import { AnnouncementCommands } from './announcements';
import { BoardCommands } from './boards';
import { BreakoutCommands } from './breakouts';
import { CaptionCommands } from './captions';
import { PrivacyCommands } from './privacy';
import { FloorCommands } from './floor-commands';
import { ParticipantCommands } from './participants';
import { QaCommands } from './qa';
import { SessionCommands } from './session';
import { SignalCommands } from './signals';
import { TimerCommands } from './timer';

/**
 * Commands: what a client asks the session engine to do over socket.io. Every command is
 * validated with `Command.safeParse` at the server's edge before it reaches core. Each area's
 * commands live next to its state and events (agenda.ts, timer.ts, floor-commands.ts, …).
 */
export const Command = z.discriminatedUnion('type', [
  ...BoardCommands,
  ...ParticipantCommands,
  ...AgendaCommands,
  ...TimerCommands,
  ...FloorCommands,
  ...QaCommands,
  ...AnnouncementCommands,
  ...SignalCommands,
  ...BreakoutCommands,
  ...SessionCommands,
  ...CaptionCommands,
  ...PrivacyCommands,
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
/** The command of one type, e.g. `CommandOf<'agenda.add'>`. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
