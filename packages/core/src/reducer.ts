import type { SessionEvent } from '@kring/protocol';
import { evolveAgenda } from './agenda/evolve';
import { evolveAnnouncement } from './announcements/announcements';
import { evolveBoard } from './boards/evolve';
import { evolveBreakout } from './breakouts/evolve';
import { evolveCaptions } from './captions/captions';
import { evolvePrivacy } from './privacy/privacy';
import { evolveEntry } from './entry/entry';
import { evolveFloor } from './floor/evolve';
import { evolveQa } from './qa/evolve';
import { evolveRoles } from './roles/roles';
import { evolveSignal } from './signals/signals';
import type { SessionState } from './state';
import { emptyState } from './state';
import { evolveTimer } from './timer/evolve';

/**
 * (state, event) → state. Pure; the server and every browser run it, so all agree.
 * R1: events apply in version order; an event whose version is not `state.version + 1` is a gap
 * and is refused with `VersionGapError` so the caller can fetch a snapshot instead.
 */
export class VersionGapError extends Error {
  constructor(
    readonly have: number,
    readonly got: number,
  ) {
    super(`expected event v${have + 1}, got v${got}`);
  }
}

export function evolve(state: SessionState, event: SessionEvent): SessionState {
  if (event.v !== state.version + 1) throw new VersionGapError(state.version, event.v);
  const next = apply(state, event);
  return { ...next, version: event.v };
}

export function replay(events: readonly SessionEvent[], from: SessionState = emptyState()): SessionState {
  let state = from;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    if (event.type === 'participant.joined' && events[i + 1]?.type === 'participant.joined') {
      // A run of arrivals adds its people to one copy of the participants, where evolving one
      // join at a time copies them all per join: loading a session of a thousand people was
      // quadratic, and every handshake after a restart waited for it (issue 14). Same result.
      const participants = { ...state.participants };
      let version = state.version;
      for (; i < events.length && events[i]!.type === 'participant.joined'; i++) {
        const join = events[i] as Extract<SessionEvent, { type: 'participant.joined' }>;
        if (join.v !== version + 1) throw new VersionGapError(version, join.v);
        participants[join.participantId] = joined(join);
        version = join.v;
      }
      i--; // the loop's own step moves past the run's last join
      state = { ...state, participants, version };
      continue;
    }
    state = evolve(state, event);
  }
  return state;
}

/** A person as their `participant.joined` makes them. */
const joined = (event: Extract<SessionEvent, { type: 'participant.joined' }>) => ({
  id: event.participantId,
  displayName: event.displayName,
  role: event.role,
  joinedAt: event.at,
});

function apply(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'session.created':
      return {
        ...state,
        sessionId: event.sessionId,
        title: event.title,
        joinCode: event.joinCode,
        createdAt: event.at,
      };
    case 'participant.joined':
      return { ...state, participants: { ...state.participants, [event.participantId]: joined(event) } };
    case 'board.created':
    case 'board.lockChanged':
    case 'board.renamed':
    case 'board.archiveChanged':
    case 'board.focusChanged':
    case 'board.phaseChanged':
    case 'board.rulesChanged':
    case 'vote.opened':
    case 'vote.closed':
    case 'vote.changed':
    case 'note.reactionChanged':
    case 'note.added':
    case 'note.hiddenChanged':
    case 'note.deleted':
    case 'note.removed':
      return evolveBoard(state, event);
    case 'event.redacted':
      // V4: a stand-in for an event this copy may not see; only the version moves.
      return state;
    case 'participant.renamed':
    case 'participant.roleChanged':
    case 'participant.removed':
      return evolveRoles(state, event);
    case 'agenda.segmentAdded':
    case 'agenda.segmentUpdated':
    case 'agenda.segmentRemoved':
    case 'agenda.segmentMoved':
    case 'agenda.currentChanged':
      return evolveAgenda(state, event);
    case 'timer.changed':
      return evolveTimer(state, event);
    case 'floor.started':
    case 'floor.optionsChanged':
    case 'hand.raised':
    case 'hand.lowered':
    case 'floor.given':
    case 'floor.turnEnded':
    case 'round.turnRecorded':
    case 'piece.passed':
    case 'fishbowl.seated':
    case 'fishbowl.unseated':
    case 'fishbowl.seatsChanged':
    case 'reflecting.teamChanged':
    case 'reflecting.phaseChanged':
      return evolveFloor(state, event);
    case 'question.asked':
    case 'question.voteChanged':
    case 'question.flagChanged':
    case 'question.deleted':
    case 'question.restored':
      return evolveQa(state, event);
    case 'announcement.posted':
    case 'announcement.cleared':
      return evolveAnnouncement(state, event);
    case 'signal.changed':
      return evolveSignal(state, event);
    case 'breakout.created':
    case 'breakout.assigned':
    case 'breakout.moved':
    case 'breakout.opened':
    case 'breakout.timeChanged':
    case 'breakout.closed':
    case 'breakout.broadcast':
    case 'breakout.helpChanged':
    case 'breakout.galleryChanged':
    case 'breakout.hostSet':
    case 'breakout.visited':
      return evolveBreakout(state, event);
    case 'captions.sourceAdded':
    case 'captions.sourceRevoked':
    case 'captions.harvestChanged':
      return evolveCaptions(state, event);
    case 'session.retentionChanged':
    case 'session.ended':
    case 'session.exportersChanged':
    case 'session.noticeChanged':
      return evolvePrivacy(state, event);
    case 'session.doorChanged':
    case 'session.joinCodeChanged':
    case 'session.signedOut':
      return evolveEntry(state, event);
  }
}

/**
 * R2: applies a batch received from the server, skipping events already contained in `state`
 * (a snapshot can overtake a broadcast). A gap still throws VersionGapError.
 */
export function evolveAll(state: SessionState, events: readonly SessionEvent[]): SessionState {
  return events.reduce((s, e) => (e.v <= s.version ? s : evolve(s, e)), state);
}
