import { inWarning } from '@kring/core';
import type { BreakoutState } from '@kring/protocol';
import { nameOf, type People } from '../floor/people';
import { spokenDuration } from '../timer/display';

/**
 * What screen readers hear when the breakout changes on its own (someone else's command, or the
 * countdown). Only transitions produce sentences, so re-rendering the same state says nothing.
 */
export interface Listener {
  you: string;
  facilitator: boolean;
  people: People;
  /** Server time when the change arrived. */
  now: number;
}

const roomName = (b: BreakoutState, roomId: string | undefined): string | null =>
  b.rooms.find((r) => r.id === roomId)?.name ?? null;

export function breakoutChanges(
  before: BreakoutState | null,
  after: BreakoutState | null,
  who: Listener,
): string[] {
  if (!after) return [];
  const out: string[] = [];
  const same = before?.id === after.id ? before : null;
  const mine = roomName(after, after.assignment[who.you]);

  if (!same && after.status === 'draft') {
    if (after.selfSelect && !who.facilitator) out.push('Breakout rooms are ready: choose a room.');
    return out;
  }

  const opened = after.status === 'open' && same?.status !== 'open';
  const closed = after.status === 'closed' && !!same && same.status !== 'closed';
  if (opened) {
    if (who.facilitator) out.push('The breakout rooms are open.');
    else if (mine) out.push(`The breakout rooms are open. You are in ${mine}.`);
    else out.push('The breakout rooms are open. You stay in the plenary for now.');
  } else if (closed) {
    out.push(
      same.status === 'open'
        ? 'The breakout rooms are closed. Everyone is back in the plenary.'
        : 'The breakout rooms were cancelled.',
    );
  } else if (same && after.status !== 'closed') {
    const was = roomName(same, same.assignment[who.you]);
    if (was !== mine && !who.facilitator) {
      if (mine) out.push(after.status === 'open' ? `You are now in ${mine}.` : `Your room: ${mine}.`);
      else out.push(after.status === 'open' ? 'You are back in the plenary.' : 'You have no room yet.');
    }
  }
  if (!same || closed) return out;

  if (after.status === 'open' && same.status === 'open' && after.endsAt !== same.endsAt && after.endsAt) {
    const left = Math.max(0, after.endsAt - who.now);
    out.push(`The time in the rooms changed: ${spokenDuration(roundToMinute(left))} left.`);
  }

  for (const message of after.messages.slice(same.messages.length)) {
    if (message.by !== who.you) out.push(`Message to all rooms: ${message.text}`);
  }

  if (after.galleryOpen !== same.galleryOpen) {
    out.push(
      after.galleryOpen
        ? "The gallery is open: everyone can read every room's board."
        : 'The gallery is closed.',
    );
  }

  if (who.facilitator) {
    for (const [participantId, at] of Object.entries(after.help)) {
      if (same.help[participantId] === at) continue;
      const where = roomName(after, after.assignment[participantId]);
      out.push(`${nameOf(who.people, participantId)}${where ? ` in ${where}` : ''} asks for help.`);
    }
  }

  const roomId = after.assignment[who.you];
  const room = after.rooms.find((r) => r.id === roomId);
  const roomBefore = same.rooms.find((r) => r.id === roomId);
  if (room && roomBefore && room.host !== roomBefore.host) {
    if (room.host === who.you) out.push('You are now the host of your room: you run its floor.');
    else if (roomBefore.host === who.you) out.push('You are no longer the host of your room.');
  }

  if (roomId && !who.facilitator && after.status === 'open') {
    const seen = (b: BreakoutState) =>
      new Set(
        Object.entries(b.visits ?? {})
          .filter(([, v]) => v.roomId === roomId && !v.unseen)
          .map(([id]) => id),
      );
    const was = seen(same);
    const is = seen(after);
    for (const id of is) if (!was.has(id)) out.push(`${nameOf(who.people, id)} is visiting your room.`);
    for (const id of was) if (!is.has(id)) out.push(`${nameOf(who.people, id)} left your room.`);
  }
  return out;
}

/** Changed times read as whole minutes (seconds only under a minute). */
function roundToMinute(ms: number): number {
  return ms < 60_000 ? Math.ceil(ms / 1000) * 1000 : Math.round(ms / 60_000) * 60_000;
}

/** "The rooms close in 1 minute." */
export const warningText = (remainingMs: number): string =>
  `The rooms close in ${spokenDuration(roundToMinute(remainingMs))}.`;

/**
 * Says "the rooms close soon" once per countdown (BR8), and only when this screen saw it before
 * the warning began: a page opened during the last minute shows the warning but stays quiet.
 */
export class WarningWatch {
  #before: number | null = null;
  #said: number | null = null;

  observe(breakout: BreakoutState | null, now: number): boolean {
    if (!breakout || breakout.status !== 'open' || breakout.endsAt === null) {
      this.#before = null;
      return false;
    }
    const endsAt = breakout.endsAt;
    if (!inWarning(breakout, now)) {
      this.#before = endsAt;
      return false;
    }
    if (this.#before !== endsAt || this.#said === endsAt) return false;
    this.#said = endsAt;
    return true;
  }
}
