import type { CircleState } from '@kring/protocol';
import { lastMeetingEnd } from './series';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * CI12: when a circle is deleted: `retentionDays` after the later of its last change
 * (`lastActivity`, the time of its newest event) and the end of its last meeting that is not
 * cancelled. A circle planning meetings far ahead is kept until after them; one that stopped
 * meeting leaves `retentionDays` after its last meeting.
 */
export function circleExpiresAt(state: CircleState, lastActivity: number): number {
  const lastMeeting = lastMeetingEnd(Object.values(state.series)) ?? lastActivity;
  return Math.max(lastActivity, lastMeeting) + state.retentionDays * DAY_MS;
}
