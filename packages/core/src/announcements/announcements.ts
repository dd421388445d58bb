import { type CommandOf, type EventOf, LIMITS } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import type { SessionState } from '../state';

/** Announcements (N rules). Dismissing one is per person and lives in the UI only (N3). */

type AnnouncementCommand = CommandOf<'announcement.post' | 'announcement.clear'>;
export type AnnouncementEvent = EventOf<'announcement.posted' | 'announcement.cleared'>;

export function decideAnnouncement(ctx: Ctx, command: AnnouncementCommand): Decision {
  const active = ctx.state.announcements;
  switch (command.type) {
    case 'announcement.post': {
      // N1
      const id = command.announcementId;
      if (!id) return refuse('bad_request', 'a new announcement needs the id the server assigns');
      if (active.some((a) => a.id === id)) return refuse('conflict', 'an announcement with this id exists');
      if (active.length >= LIMITS.announcementsMax) {
        return refuse('too_large', 'clear an announcement before posting another');
      }
      return accept({
        type: 'announcement.posted',
        at: ctx.now,
        announcementId: id,
        text: command.text,
        by: ctx.who.id,
      });
    }
    case 'announcement.clear':
      // N2: cleared for everyone; clearing what is gone changes nothing.
      if (!active.some((a) => a.id === command.announcementId)) return unchanged();
      return accept({
        type: 'announcement.cleared',
        at: ctx.now,
        announcementId: command.announcementId,
        by: ctx.who.id,
      });
  }
}

export function evolveAnnouncement(state: SessionState, event: AnnouncementEvent): SessionState {
  switch (event.type) {
    case 'announcement.posted':
      return {
        ...state,
        announcements: [
          ...state.announcements,
          { id: event.announcementId, text: event.text, postedAt: event.at, by: event.by },
        ],
      };
    case 'announcement.cleared':
      return { ...state, announcements: state.announcements.filter((a) => a.id !== event.announcementId) };
  }
}
