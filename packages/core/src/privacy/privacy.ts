import type { CommandOf, EventOf, PrivacyState, Retention } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import { isFacilitator } from '../roles/kinds';
import type { SessionState } from '../state';

/** What a session keeps, for how long, and who exports (PR rules in SPEC.md). */

const DAY_MS = 24 * 60 * 60 * 1000;

/** PR1: kept 30 days after the session ends, unless the facilitators choose otherwise. */
export const DEFAULT_RETENTION: Retention = { kind: 'days', days: 30 };

/**
 * PR2: a session nobody ended counts as ended after this long without any activity, so a forgotten
 * session does not stay forever.
 */
export const IDLE_END_MS = 30 * DAY_MS;

/** PR1, PR2, PR5: a new session's privacy: the default retention, not ended, everyone exports. */
export const initialPrivacy = (): PrivacyState => ({
  retention: DEFAULT_RETENTION,
  notice: { organiser: null, contact: null },
  endedAt: null,
  exporters: 'everyone',
});

type PrivacyCommand = CommandOf<
  'session.setRetention' | 'session.end' | 'session.setExporters' | 'session.setNotice'
>;
export type PrivacyEvent = EventOf<
  'session.retentionChanged' | 'session.ended' | 'session.exportersChanged' | 'session.noticeChanged'
>;

const same = (a: Retention, b: Retention) => JSON.stringify(a) === JSON.stringify(b);

export function decidePrivacy(ctx: Ctx, command: PrivacyCommand): Decision {
  const { state, who, now: at } = ctx;
  switch (command.type) {
    case 'session.setRetention': {
      const { retention } = command;
      // PR1: a date that has passed would delete the session at once; that is "end and delete now".
      if (retention.kind === 'until' && retention.at <= at)
        return refuse('bad_request', 'this date has passed');
      if (same(state.privacy.retention, retention)) return unchanged();
      return accept({ type: 'session.retentionChanged', at, retention, by: who.id });
    }
    case 'session.end':
      // PR2: once.
      if (state.privacy.endedAt !== null) return unchanged();
      return accept({ type: 'session.ended', at, by: who.id });
    case 'session.setExporters':
      if (state.privacy.exporters === command.exporters) return unchanged();
      return accept({ type: 'session.exportersChanged', at, exporters: command.exporters, by: who.id });
    case 'session.setNotice': {
      // PR7: both fields optional; the host's own name and contact only if they give them.
      const { organiser, contact } = state.privacy.notice;
      if (organiser === command.organiser && contact === command.contact) return unchanged();
      return accept({
        type: 'session.noticeChanged',
        at,
        organiser: command.organiser,
        contact: command.contact,
        by: who.id,
      });
    }
  }
}

export function evolvePrivacy(state: SessionState, event: PrivacyEvent): SessionState {
  switch (event.type) {
    case 'session.retentionChanged':
      return { ...state, privacy: { ...state.privacy, retention: event.retention } };
    case 'session.ended':
      // PR2: nobody new comes in once it ended (J2's door, closed).
      return { ...state, doorOpen: false, privacy: { ...state.privacy, endedAt: event.at } };
    case 'session.exportersChanged':
      return { ...state, privacy: { ...state.privacy, exporters: event.exporters } };
    case 'session.noticeChanged':
      return {
        ...state,
        privacy: { ...state.privacy, notice: { organiser: event.organiser, contact: event.contact } },
      };
  }
}

/**
 * PR2: when the session ended: when a facilitator ended it, else `IDLE_END_MS` after its last
 * activity (`lastActivityAt`, the time of its newest event).
 */
export function endedAt(state: Pick<SessionState, 'privacy'>, lastActivityAt: number): number {
  return state.privacy.endedAt ?? lastActivityAt + IDLE_END_MS;
}

/**
 * PR3: when everything of the session is deleted (PR4). `days`: that long after it ended; `onEnd`:
 * when it ended (a session nobody ended: when it went idle, PR2); `until`: on that date, whatever
 * happens (the facilitators chose it, and it is shown to everyone).
 */
export function expiresAt(state: Pick<SessionState, 'privacy'>, lastActivityAt: number): number {
  const { retention } = state.privacy;
  switch (retention.kind) {
    case 'days':
      return endedAt(state, lastActivityAt) + retention.days * DAY_MS;
    case 'onEnd':
      return endedAt(state, lastActivityAt);
    case 'until':
      return retention.at;
  }
}

/** PR5: may this person export boards and the session? Facilitators always; others when the facilitators let everyone. */
export function mayExport(
  state: Pick<SessionState, 'participants' | 'privacy'>,
  participantId: string,
): boolean {
  const who = state.participants[participantId];
  if (!who || who.removed) return false;
  return isFacilitator(who.role) || state.privacy.exporters === 'everyone';
}
