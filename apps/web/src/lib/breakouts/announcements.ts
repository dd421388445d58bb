import { inWarning } from '@kring/core';
import type { BreakoutState } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
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
    if (after.selfSelect && !who.facilitator) out.push(m.breakouts_announce_ready_choose());
    return out;
  }

  const opened = after.status === 'open' && same?.status !== 'open';
  const closed = after.status === 'closed' && !!same && same.status !== 'closed';
  if (opened) {
    if (who.facilitator) out.push(m.breakouts_announce_open());
    else if (mine) out.push(m.breakouts_announce_open_in_room({ room: mine }));
    else out.push(m.breakouts_announce_open_plenary());
  } else if (closed) {
    out.push(same.status === 'open' ? m.breakouts_announce_closed() : m.breakouts_announce_cancelled());
  } else if (same && after.status !== 'closed') {
    const was = roomName(same, same.assignment[who.you]);
    if (was !== mine && !who.facilitator) {
      if (mine) {
        out.push(
          after.status === 'open'
            ? m.breakouts_announce_moved_now_in({ room: mine })
            : m.breakouts_announce_your_room({ room: mine }),
        );
      } else {
        out.push(
          after.status === 'open'
            ? m.breakouts_announce_back_in_plenary()
            : m.breakouts_announce_no_room_yet(),
        );
      }
    }
  }
  if (!same || closed) return out;

  if (after.status === 'open' && same.status === 'open' && after.endsAt !== same.endsAt && after.endsAt) {
    const left = Math.max(0, after.endsAt - who.now);
    out.push(m.breakouts_announce_time_changed({ duration: spokenDuration(roundToMinute(left)) }));
  }

  for (const message of after.messages.slice(same.messages.length)) {
    if (message.by !== who.you) out.push(m.breakouts_announce_message({ text: message.text }));
  }

  if (after.galleryOpen !== same.galleryOpen) {
    out.push(after.galleryOpen ? m.breakouts_announce_gallery_open() : m.breakouts_gallery_closed());
  }

  if (who.facilitator) {
    for (const [participantId, at] of Object.entries(after.help)) {
      if (same.help[participantId] === at) continue;
      const where = roomName(after, after.assignment[participantId]);
      const name = nameOf(who.people, participantId);
      out.push(
        where
          ? m.breakouts_announce_help_in_room({ name, room: where })
          : m.breakouts_announce_help({ name }),
      );
    }
  }

  const roomId = after.assignment[who.you];
  const room = after.rooms.find((r) => r.id === roomId);
  const roomBefore = same.rooms.find((r) => r.id === roomId);
  if (room && roomBefore && room.host !== roomBefore.host) {
    if (room.host === who.you) out.push(m.breakouts_announce_now_host());
    else if (roomBefore.host === who.you) out.push(m.breakouts_announce_no_longer_host());
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
    for (const id of is)
      if (!was.has(id)) out.push(m.breakouts_announce_visiting({ name: nameOf(who.people, id) }));
    for (const id of was)
      if (!is.has(id)) out.push(m.breakouts_announce_visitor_left({ name: nameOf(who.people, id) }));
  }
  return out;
}

/** Changed times read as whole minutes (seconds only under a minute). */
function roundToMinute(ms: number): number {
  return ms < 60_000 ? Math.ceil(ms / 1000) * 1000 : Math.round(ms / 60_000) * 60_000;
}

/** "The rooms close in 1 minute." */
export const warningText = (remainingMs: number): string =>
  m.breakouts_warning_close_in({ duration: spokenDuration(roundToMinute(remainingMs)) });

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
