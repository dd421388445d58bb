import type { FloorState, FloorView, QuestionState, QuestionView, SessionView } from '@kring/protocol';
import { boardView } from '../boards/view';
import { queueOrder } from '../floor/open';
import { nextSpeaker } from '../floor/speaking';
import { byQaOrder } from '../qa/order';
import { noSignals } from '../signals/signals';
import type { SessionState } from '../state';
import { audienceOf } from './audience';
import { redactState } from './redact';

/**
 * V1: what one person sees of the session. Works on the server's state and on a client's cut copy
 * alike (it cuts first, and cutting twice changes nothing), so a screen can call it on what it holds.
 * V2: facilitators see agenda notes, signals, speaking balance and hidden questions; others don't.
 * V3: nobody sees who voted or who asked an anonymous question — not even facilitators.
 */
export function viewFor(state: SessionState, participantId: string): SessionView {
  const audience = audienceOf(state, participantId);
  const facilitator = audience === 'facilitator';
  const cut = redactState(state, participantId);
  const floors: Record<string, FloorView> = {};
  for (const [scope, floor] of Object.entries(cut.floors)) floors[scope] = floorView(floor, facilitator);
  return {
    version: cut.version,
    sessionId: cut.sessionId,
    title: cut.title,
    joinCode: cut.joinCode,
    createdAt: cut.createdAt,
    doorOpen: cut.doorOpen,
    participants: cut.participants,
    boards: cut.boards.map((b) => boardView(b, participantId, facilitator)),
    focusBoardId: cut.focusBoardId,
    audience,
    agenda: cut.agenda,
    timers: cut.timers,
    floors,
    questions: Object.values(cut.questions)
      .map((q) => questionView(q, participantId))
      .sort(byQaOrder),
    announcements: cut.announcements,
    signals: facilitator ? cut.signals : null,
    mySignals: cut.signals[participantId] ?? noSignals(),
    breakouts: cut.breakouts,
  };
}

/** B4: the balance for facilitators only; the open queue in the order it will be served. */
function floorView(floor: FloorState, facilitator: boolean): FloorView {
  const seen = { balance: facilitator ? floor.balance : null, next: nextSpeaker(floor) };
  return floor.mode === 'open' ? { ...floor, ...seen, hands: queueOrder(floor) } : { ...floor, ...seen };
}

function questionView(q: QuestionState, viewerId: string): QuestionView {
  return {
    id: q.id,
    text: q.text,
    anonymous: q.anonymous,
    // Q7: even the author's own view shows an anonymous question without a name; `mine` says it is theirs.
    authorId: q.anonymous ? null : q.authorId,
    ownerKey: q.ownerKey,
    askedAt: q.askedAt,
    votes: q.votes,
    votedByMe: q.voters.includes(viewerId),
    // Q10: for an anonymous question only the asker's device knows (it holds the secret behind `ownerKey`).
    mine: q.authorId === viewerId,
    answered: q.answered,
    pinned: q.pinned,
    hidden: q.hidden,
  };
}
