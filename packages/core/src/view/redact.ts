import type { QuestionState, SessionEvent } from '@kring/protocol';
import { PRIVATE_BOARD_EVENTS, cutBoard, redactBoardEvent } from '../boards/redact';
import { evolve } from '../reducer';
import type { SessionState } from '../state';
import { audienceOf } from './audience';
import { aboutHiddenRoom, cutHiddenRooms, touchesRooms } from './rooms';

/**
 * Redaction (V rules): what leaves the server for one person. The server's state holds secrets
 * (who asked an anonymous question, who voted, private signals, facilitator notes, hidden
 * questions); each client gets a copy cut for its audience and keeps it current with events cut
 * the same way. V5': cutting commutes with the reducer, up to a re-cut and the snapshots V6 asks for —
 *   if !needsSnapshot(s, evolve(s, e), p):
 *   redactState(evolve(redactState(s, p), redactEvent(e, s, p)), p) equals redactState(evolve(s, e), p)
 * — so a snapshot plus cut events (each followed by a re-cut, `evolveCopy`) is always the same as a
 * fresh snapshot.
 */

/** Q7/Q8: the author of an anonymous question only in its author's copy; votes without voters. */
function cutQuestion(question: QuestionState, viewerId: string): QuestionState {
  const authorId = question.anonymous && question.authorId !== viewerId ? null : question.authorId;
  const voters = question.voters.includes(viewerId) ? [viewerId] : [];
  return { ...question, authorId, voters };
}

/**
 * The state one person may hold: what a snapshot carries. Cutting twice changes nothing, and it
 * reads only what a cut copy keeps, so a client may re-cut its own copy (V5').
 */
export function redactState(state: SessionState, viewerId: string): SessionState {
  const facilitator = audienceOf(state, viewerId) === 'facilitator';
  if (!facilitator) state = cutHiddenRooms(state, viewerId);
  const questions: Record<string, QuestionState> = {};
  for (const [id, q] of Object.entries(state.questions)) {
    // Q6: hidden questions reach facilitators only.
    if (facilitator || !q.hidden) questions[id] = cutQuestion(q, viewerId);
  }
  const boards = state.boards.map((b) => cutBoard(b, viewerId, facilitator));
  if (facilitator) return { ...state, questions, boards };
  const own = state.signals[viewerId];
  const current = state.breakouts.current;
  const help = current?.help[viewerId];
  return {
    ...state,
    questions,
    boards,
    breakouts: current
      ? {
          ...state.breakouts,
          current: {
            ...current,
            // BR11: help calls reach facilitators; everyone else sees only their own.
            help: help === undefined ? {} : { [viewerId]: help },
            // BR16: unseen visits reach facilitators only.
            visits: Object.fromEntries(Object.entries(current.visits).filter(([, v]) => !v.unseen)),
          },
        }
      : state.breakouts,
    // V2: agenda notes and setups (A7: they name boards and plans) and everyone else's signals
    // are for facilitators.
    agenda: {
      ...state.agenda,
      segments: state.agenda.segments.map((s) =>
        s.notes === null && s.setup == null ? s : { ...s, notes: null, setup: null },
      ),
    },
    signals: own ? { [viewerId]: own } : {},
  };
}

/** V4: what stands in for an event this person may not see, keeping the version chain whole. */
const redacted = (event: SessionEvent): SessionEvent => ({
  type: 'event.redacted',
  v: event.v,
  at: event.at,
});

/**
 * The copy of `event` that one person receives; `before` is the server's state the event applies
 * to. Never drops an event (that would look like a version gap, R1): hidden ones become
 * `event.redacted`.
 */
export function redactEvent(event: SessionEvent, before: SessionState, viewerId: string): SessionEvent {
  const facilitator = audienceOf(before, viewerId) === 'facilitator';
  // BR18: a room's floor, timer and board activity reach only those who may read the room.
  if (!facilitator && aboutHiddenRoom(event, before, viewerId)) return redacted(event);
  const board = redactBoardEvent(event, before, viewerId, facilitator);
  if (board) return board;
  switch (event.type) {
    case 'question.asked':
      return event.anonymous && event.authorId !== viewerId ? { ...event, authorId: null } : event;
    case 'question.voteChanged': {
      const question = before.questions[event.questionId];
      if (question?.hidden && !facilitator) return redacted(event);
      return event.voterId === viewerId ? event : { ...event, voterId: null };
    }
    case 'question.flagChanged': {
      const question = before.questions[event.questionId];
      if (facilitator || !question) return event;
      if (event.flag === 'hidden') {
        // For everyone else a hidden question leaves, and comes back whole when shown again.
        if (event.on && !question.hidden)
          return { type: 'question.deleted', v: event.v, at: event.at, questionId: question.id };
        if (!event.on && question.hidden) {
          return {
            type: 'question.restored',
            v: event.v,
            at: event.at,
            question: cutQuestion({ ...question, hidden: false }, viewerId),
          };
        }
        return redacted(event);
      }
      return question.hidden ? redacted(event) : event;
    }
    case 'question.deleted':
      return before.questions[event.questionId]?.hidden && !facilitator ? redacted(event) : event;
    case 'signal.changed':
    case 'breakout.helpChanged':
      return facilitator || event.participantId === viewerId ? event : redacted(event);
    case 'breakout.visited': {
      // BR16: an unseen visit is for facilitators; a seen one that turns unseen leaves everyone else's copy.
      if (facilitator) return event;
      const seenBefore = before.breakouts.current?.visits[event.participantId]?.unseen === false;
      if (event.roomId !== null && !event.unseen) return event;
      if (!seenBefore) return redacted(event);
      return { ...event, roomId: null, unseen: false };
    }
    case 'agenda.segmentAdded':
      return facilitator || (event.segment.notes === null && event.segment.setup == null)
        ? event
        : { ...event, segment: { ...event.segment, notes: null, setup: null } };
    case 'agenda.segmentUpdated': {
      if (facilitator || (event.changes.notes === undefined && event.changes.setup === undefined)) {
        return event;
      }
      const { notes: _notes, setup: _setup, ...changes } = event.changes;
      return Object.keys(changes).length === 0 ? redacted(event) : { ...event, changes };
    }
    default:
      return event;
  }
}

/** Event types that may differ per audience; all others go to everyone as they are. */
const PRIVATE_TYPES: ReadonlySet<SessionEvent['type']> = new Set([
  'question.asked',
  'question.voteChanged',
  'question.flagChanged',
  'question.deleted',
  'signal.changed',
  'breakout.helpChanged',
  'agenda.segmentAdded',
  'agenda.segmentUpdated',
  'breakout.visited',
  ...PRIVATE_BOARD_EVENTS,
] as const);

/**
 * Lets the server broadcast a batch once to the whole session when none of it needs cutting.
 * BR18: room floor, timer and board events are cut per person too; pass the state before the batch
 * so only room boards count (without it, every vote and note event does).
 */
export const needsRedaction = (events: readonly SessionEvent[], before?: SessionState): boolean =>
  events.some((e) => PRIVATE_TYPES.has(e.type)) || touchesRooms(events, before);

/**
 * Prepares a stored batch for cutting: `before` is the server's state before the batch. The
 * returned function gives one person's copy; the states in between are computed once, not per
 * person.
 */
export function redactBatch(
  before: SessionState,
  events: readonly SessionEvent[],
): (viewerId: string) => SessionEvent[] {
  const befores: SessionState[] = [];
  let state = before;
  for (const event of events) {
    befores.push(state);
    state = evolve(state, event);
  }
  return (viewerId) => events.map((event, i) => redactEvent(event, befores[i] ?? before, viewerId));
}

/** One person's copy of a batch (see `redactBatch`). */
export const redactEvents = (before: SessionState, events: readonly SessionEvent[], viewerId: string) =>
  redactBatch(before, events)(viewerId);
