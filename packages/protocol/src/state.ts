import * as z from 'zod/mini';
import { AgendaState } from './agenda';
import { AnnouncementState } from './announcements';
import { BoardState } from './boards';
import { BreakoutsState } from './breakouts';
import { CaptionsState } from './captions';
import { PrivacyState } from './privacy';
import { FloorState } from './floor';
import { Id } from './ids';
import { ParticipantState } from './participants';
import { QuestionState } from './qa';
import { SignalState } from './signals';
import { TimerState } from './timer';

export { BoardState };

/**
 * The session engine's state. The server holds it whole; a snapshot gives each client a copy cut
 * for its audience (core `redactState`), which the client keeps current by applying the events the
 * server cut for it (core `redactEvent`) with the same reducer. Screens read `viewFor(state, you)`.
 * Presence is not part of it: it is not persisted.
 */
export const SessionState = z.object({
  version: z.int().check(z.nonnegative()),
  sessionId: z.string(),
  title: z.string(),
  joinCode: z.string(),
  createdAt: z.number(),
  /** J2: whether new people may join; people already in keep coming back either way. */
  doorOpen: z.boolean(),
  participants: z.record(z.string(), ParticipantState),
  boards: z.array(BoardState),
  /** The board every screen shows ("bring everyone here"); null lets people choose. */
  focusBoardId: z.nullable(Id),
  agenda: AgendaState,
  /** Per scope; a scope without a timer has no key. */
  timers: z.record(z.string(), TimerState),
  /** Per scope: `plenary` always, later one per breakout room. */
  floors: z.record(z.string(), FloorState),
  questions: z.record(z.string(), QuestionState),
  /** Active announcements, oldest first. */
  announcements: z.array(AnnouncementState),
  /** Per participant; only people with a signal set have a key. */
  signals: z.record(z.string(), SignalState),
  /** The current breakout (if any) and the groups of closed ones. */
  breakouts: BreakoutsState,
  /** Caption URLs and the transcript's place in the harvest (the lines themselves are not state). */
  captions: CaptionsState,
  /** Retention, whether it ended, who exports (PR rules). */
  privacy: PrivacyState,
});
export type SessionState = z.infer<typeof SessionState>;
