import * as z from 'zod/mini';
import { AgendaState } from './agenda';
import { AnnouncementState } from './announcements';
import { BreakoutsState } from './breakouts';
import { FishbowlFloor, OpenFloor, PieceFloor, ReflectingFloor, RoundFloor, Tally } from './floor';
import { Id } from './ids';
import { ParticipantState } from './participants';
import { QuestionView } from './qa';
import { SignalState } from './signals';
import { BoardView } from './boards';
import { TimerState } from './timer';

export const AUDIENCES = ['facilitator', 'member', 'none'] as const;
export const Audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof Audience>;

/**
 * A floor as one person sees it: `balance` only for facilitators (null for others), the open
 * queue already in the order it will be served, and who is `next`.
 */
const seen = { balance: z.nullable(z.record(z.string(), Tally)), next: z.nullable(Id) };
export const FloorView = z.discriminatedUnion('mode', [
  z.extend(OpenFloor, seen),
  z.extend(RoundFloor, seen),
  z.extend(PieceFloor, seen),
  z.extend(FishbowlFloor, seen),
  z.extend(ReflectingFloor, seen),
]);
export type FloorView = z.infer<typeof FloorView>;

/**
 * The session as one person may see it (core `viewFor`). Facilitators see agenda notes, signals,
 * speaking balance and hidden questions; nobody sees who voted or who asked anonymously.
 */
export const SessionView = z.object({
  version: z.int().check(z.nonnegative()),
  sessionId: Id,
  title: z.string(),
  joinCode: z.string(),
  createdAt: z.number(),
  /** J2: whether new people may join. */
  doorOpen: z.boolean(),
  participants: z.record(z.string(), ParticipantState),
  boards: z.array(BoardView),
  /** The board every screen shows ("bring everyone here"); null lets people choose. */
  focusBoardId: z.nullable(Id),
  audience: Audience,
  /** Segment `notes` are null for everyone but facilitators. */
  agenda: AgendaState,
  timers: z.record(z.string(), TimerState),
  floors: z.record(z.string(), FloorView),
  /** Pinned first, then most votes, then oldest. */
  questions: z.array(QuestionView),
  announcements: z.array(AnnouncementState),
  /** Everyone's signals, for facilitators; null for others. */
  signals: z.nullable(z.record(z.string(), SignalState)),
  /** Your own signals (so you can take one back). */
  mySignals: SignalState,
  /** The current breakout and earlier groups; help calls cut to facilitators and the caller (BR11). */
  breakouts: BreakoutsState,
});
export type SessionView = z.infer<typeof SessionView>;
