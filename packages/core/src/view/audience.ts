import type { Audience } from '@kring/protocol';
import { isFacilitator } from '../permissions';
import type { SessionState } from '../state';
import { roomsRevealed } from './rooms';

/**
 * Which cut of the session a person gets. V6: when an event changes a client's own audience
 * (their role crosses the facilitator line, or they are removed), the copy it holds was cut for
 * the old audience, so it must take a fresh snapshot instead of applying further events.
 */
export function audienceOf(state: SessionState, participantId: string): Audience {
  const who = state.participants[participantId];
  if (!who || who.removed) return 'none';
  return isFacilitator(who.role) ? 'facilitator' : 'member';
}

/**
 * V6: true when a client holding `before` must fetch a snapshot rather than keep `after`: its
 * audience changed, or (BR18) a room hidden from it became readable, whose floor, timer and board
 * its copy never received. Reads only what a cut copy keeps, so the client can tell by itself.
 */
export const needsSnapshot = (before: SessionState, after: SessionState, participantId: string): boolean =>
  audienceOf(before, participantId) !== audienceOf(after, participantId) ||
  roomsRevealed(before, after, participantId);
