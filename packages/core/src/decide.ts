import type { Command, Locale, NewSessionEvent, Role, TemplateId } from '@kring/protocol';
import { decideAgenda } from './agenda/agenda';
import { decideStartSegment, withTidyUp } from './agenda/start';
import { decideAnnouncement } from './announcements/announcements';
import { decideBoard } from './boards/decide';
import { decideBreakout, lateJoinerEvents } from './breakouts/breakouts';
import { decideCaptions } from './captions/captions';
import { decideLeave } from './privacy/leave';
import { decidePrivacy } from './privacy/privacy';
import { runsRoomCommand } from './breakouts/room-floor';
import { type Actor, type Ctx, type DecideContext, type Decision, accept, refuse } from './decision';
import { decideEntry, mayJoin } from './entry/entry';
import { decideFloor } from './floor/decide';
import { isFacilitator, isFacilitatorCommand } from './permissions';
import { decideQa } from './qa/qa';
import { evolveAll } from './reducer';
import { decideRoles } from './roles/roles';
import { decideSignal } from './signals/signals';
import type { SessionState } from './state';
import { defaultBoardTitle } from './templates/i18n/defaults';
import { boardsKeptClosed, type SessionTemplate, setupWithBoards } from './templates/sessions';
import { decideTimer } from './timer/decide';
import { withVersions } from './versions';

export type { Actor, DecideContext, Decision };

/**
 * (state, command, actor, now, context) → events | error. Pure and clock-free: `now` and who is
 * online are passed in; ids come in the command (see `assignIds`).
 * C1: an actor who is not a member of the session (or was removed) is refused (`unauthorized`).
 * C2: facilitator commands from anyone else are refused (`forbidden`), before anything else is
 * checked, so a refusal tells nothing about the state. BR15: except floor and timer commands for
 * a room whose floor they run (an unknown room is `forbidden` too, so this still tells nothing).
 * C3: a command about something that does not exist is refused (`not_found`).
 * C4: a command that changes nothing produces no events.
 */
/** CA2: a captioner goes to the room they caption the way facilitators visit one (BR16). */
const captionerVisits = (role: Role, command: Command): boolean =>
  role === 'captioner' && command.type === 'breakout.visit';

export function decide(
  state: SessionState,
  command: Command,
  actor: Actor,
  now: number,
  context: DecideContext = {},
): Decision {
  const who = state.participants[actor.participantId];
  if (!who || who.removed) return refuse('unauthorized', 'you are not part of this session');
  // BR15: a room's own floor and timer are also run by the room (its host, or all its members).
  if (
    isFacilitatorCommand(command.type) &&
    !isFacilitator(who.role) &&
    !runsRoomCommand(state, who.id, command) &&
    !captionerVisits(who.role, command)
  ) {
    return refuse('forbidden', 'only facilitators can do this');
  }
  const ctx: Ctx = {
    state,
    who,
    now,
    online: context.online ? new Set(context.online) : null,
    notes: context.notes ?? null,
    boardNotes: context.boardNotes ?? null,
  };
  switch (command.type) {
    case 'board.setLock':
    case 'board.add':
    case 'board.rename':
    case 'board.archive':
    case 'board.focus':
    case 'board.setPhase':
    case 'board.setRules':
    case 'vote.open':
    case 'vote.close':
    case 'vote.cast':
    case 'note.react':
    case 'note.hide':
    case 'note.remove':
    case 'note.add':
    case 'note.edit':
    case 'note.delete':
      return decideBoard(ctx, command);
    case 'participant.rename':
    case 'participant.setRole':
    case 'participant.remove':
      return decideRoles(ctx, command);
    case 'participant.leave':
      return decideLeave(ctx, command);
    case 'agenda.add':
    case 'agenda.update':
    case 'agenda.remove':
    case 'agenda.move':
      return decideAgenda(ctx, command);
    case 'agenda.next':
    case 'agenda.previous':
    case 'agenda.jump':
      // A9: leaving a segment tidies up what its setup started, in the same batch as the move.
      return withTidyUp(decide, state, decideAgenda(ctx, command), actor, now, context);
    case 'agenda.start':
      // A8: the move and the segment's setup, run step by step through `decide`, in one batch.
      return decideStartSegment(decide, state, command, actor, now, context);
    case 'timer.start':
    case 'timer.pause':
    case 'timer.resume':
    case 'timer.adjust':
    case 'timer.reset':
    case 'timer.clear':
      return decideTimer(ctx, command);
    case 'floor.start':
    case 'floor.setOptions':
    case 'hand.raise':
    case 'hand.lower':
    case 'floor.give':
    case 'floor.endTurn':
    case 'round.done':
    case 'round.pass':
    case 'round.skip':
    case 'piece.pass':
    case 'piece.take':
    case 'fishbowl.enter':
    case 'fishbowl.leave':
    case 'fishbowl.setSeats':
    case 'fishbowl.invite':
    case 'fishbowl.release':
    case 'reflecting.setTeam':
    case 'reflecting.setPhase':
      return decideFloor(ctx, command);
    case 'qa.ask':
    case 'qa.vote':
    case 'qa.mark':
    case 'qa.delete':
      return decideQa(ctx, command);
    case 'announcement.post':
    case 'announcement.clear':
      return decideAnnouncement(ctx, command);
    case 'signal.set':
      return decideSignal(ctx, command);
    case 'breakout.create':
    case 'breakout.assign':
    case 'breakout.move':
    case 'breakout.choose':
    case 'breakout.open':
    case 'breakout.adjust':
    case 'breakout.close':
    case 'breakout.broadcast':
    case 'breakout.help':
    case 'breakout.gallery':
    case 'breakout.setHost':
    case 'breakout.visit':
      return decideBreakout(ctx, command);
    case 'session.setDoor':
    case 'session.rotateJoinCode':
    case 'session.signOutOthers':
      return decideEntry(ctx, command);
    case 'captions.addSource':
    case 'captions.revokeSource':
    case 'captions.setHarvest':
      return decideCaptions(ctx, command);
    case 'session.setRetention':
    case 'session.end':
    case 'session.setExporters':
    case 'session.setNotice':
      return decidePrivacy(ctx, command);
  }
}

/**
 * S1: a new session starts with its host (named as they chose; the server's default is
 * "Facilitator") and one board ("Board"), both in the facilitator's language (S4).
 * S2: a session created from a template starts with the template's agenda (none current) and its
 * boards instead, in the template's order; the ids come in (`segmentIds`, `boardIds`, one per
 * segment and board), like every id core records (C5).
 */
export function createSession(input: {
  sessionId: string;
  title: string;
  joinCode: string;
  hostId: string;
  hostName: string;
  boardId: string;
  now: number;
  template?: { template: SessionTemplate; segmentIds: readonly string[]; boardIds: readonly string[] };
  /** S4: the language of the blank session's board title. */
  locale?: Locale;
  /** CI26: a circle's lasting boards, listed after the session's own (a meeting's session). */
  lastingBoards?: readonly { id: string; title: string; templateId: TemplateId }[];
}): NewSessionEvent[] {
  const events = sessionWithOwnBoards(input);
  for (const board of input.lastingBoards ?? []) {
    // Named, never anonymous: their notes' authors must mean the same in every meeting (CI17).
    const { id: boardId, title, templateId } = board;
    events.push({ type: 'board.created', at: input.now, boardId, title, templateId, lasting: true });
  }
  return events;
}

function sessionWithOwnBoards(input: Parameters<typeof createSession>[0]): NewSessionEvent[] {
  const at = input.now;
  const events: NewSessionEvent[] = [
    { type: 'session.created', at, sessionId: input.sessionId, title: input.title, joinCode: input.joinCode },
    {
      type: 'participant.joined',
      at,
      participantId: input.hostId,
      displayName: input.hostName,
      role: 'host',
    },
  ];
  if (!input.template) {
    events.push({
      type: 'board.created',
      at,
      boardId: input.boardId,
      title: defaultBoardTitle(input.locale),
    });
    return events;
  }
  const { template, segmentIds, boardIds } = input.template;
  if (segmentIds.length !== template.segments.length || boardIds.length !== template.boards.length) {
    throw new Error('createSession: one id per template segment and board');
  }
  template.segments.forEach((segment, index) => {
    events.push({
      type: 'agenda.segmentAdded',
      at,
      segment: {
        id: segmentIds[index]!,
        title: segment.title,
        kind: segment.kind,
        plannedMinutes: segment.plannedMinutes,
        prompt: segment.prompt ?? null,
        notes: segment.notes ?? null,
        setup: setupWithBoards(segment.setup, boardIds),
      },
      index,
      by: input.hostId,
    });
  });
  const keptClosed = boardsKeptClosed(template);
  template.boards.forEach((board, index) => {
    events.push({
      type: 'board.created',
      at,
      boardId: boardIds[index]!,
      title: board.title,
      templateId: board.templateId,
      anonymous: board.anonymous ?? false,
    });
    // S2: a board a later segment opens with stays closed until its segment starts (A8 unlocks it).
    if (keptClosed.has(index)) {
      events.push({
        type: 'board.lockChanged',
        at,
        boardId: boardIds[index]!,
        locked: true,
        by: input.hostId,
      });
    }
  });
  return events;
}

/** J1: anyone with the join code may join as a participant with only a display name. */
export function joinSession(input: {
  participantId: string;
  displayName: string;
  role?: Role;
  now: number;
}): NewSessionEvent[] {
  return [
    {
      type: 'participant.joined',
      at: input.now,
      participantId: input.participantId,
      displayName: input.displayName,
      role: input.role ?? 'participant',
    },
  ];
}

/**
 * J1 with its limits: someone new joins as a participant, unless the door is closed (J2), the
 * session is full (J3) or the name is a facilitator's (RO8). BR5 in the same batch: someone joining
 * while a breakout is drafted or open lands in a room at once, so no client ever sees them in the
 * plenary first.
 */
export function decideJoin(
  state: SessionState,
  input: { participantId: string; displayName: string; now: number },
): Decision {
  const refused = mayJoin(state, input.displayName);
  if (refused) return refused;
  const joined = joinSession(input);
  const member = evolveAll(state, withVersions(state.version, joined));
  return accept(...joined, ...lateJoinerEvents(member, input.participantId, input.now));
}
