import {
  type BreakoutState,
  type CommandOf,
  type EventOf,
  LIMITS,
  type NewSessionEvent,
  type RoomState,
  roomBoardIdOf,
  roomIdOf,
} from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';
import { isFacilitator } from '../roles/kinds';
import { defaultRoomName } from '../templates/i18n/defaults';
import type { SessionState } from '../state';
import { hasSpace, isAssignable, placeIn, placeLateJoiner, roomCounts, roomSizeToCount } from './rules';

/** Breakout rooms (BR rules in SPEC.md): drafted, assigned, opened, counted down, closed. */

export type BreakoutCommand = CommandOf<
  | 'breakout.create'
  | 'breakout.assign'
  | 'breakout.move'
  | 'breakout.choose'
  | 'breakout.open'
  | 'breakout.adjust'
  | 'breakout.close'
  | 'breakout.broadcast'
  | 'breakout.help'
  | 'breakout.gallery'
  | 'breakout.setHost'
  | 'breakout.visit'
>;
export type BreakoutEvent = EventOf<
  | 'breakout.created'
  | 'breakout.assigned'
  | 'breakout.moved'
  | 'breakout.opened'
  | 'breakout.timeChanged'
  | 'breakout.closed'
  | 'breakout.broadcast'
  | 'breakout.helpChanged'
  | 'breakout.galleryChanged'
  | 'breakout.hostSet'
  | 'breakout.visited'
>;

/** BR9: without a `warningMs`, rooms are warned a minute before they close (or at the start of shorter ones). */
export const DEFAULT_WARNING_MS = 60_000;

type Assignment = Record<string, string>;

/** Everyone who can be put in a room, in join order (so placement is deterministic). */
const assignable = (state: SessionState): string[] =>
  Object.values(state.participants)
    .filter((p) => isAssignable(state, p.id))
    .map((p) => p.id);

/** BR5: places everyone in `ids` without a room, one by one, in the room with the fewest people. */
function placeRest(breakout: BreakoutState, assignment: Assignment, ids: readonly string[]): Assignment {
  const out = { ...assignment };
  for (const id of ids) {
    if (out[id]) continue;
    const roomId = placeIn(breakout, out);
    if (roomId) out[id] = roomId;
  }
  return out;
}

const sameAssignment = (a: Assignment, b: Assignment): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

export function decideBreakout(ctx: Ctx, command: BreakoutCommand): Decision {
  const { state, who, now: at } = ctx;
  const current = state.breakouts.current;
  if (command.type === 'breakout.create') return createBreakout(ctx, command);
  // C3: every other command needs a breakout.
  if (!current) return refuse('not_found', 'there is no breakout');
  const live = current.status !== 'closed';
  const roomExists = (id: string) => current.rooms.some((r) => r.id === id);

  switch (command.type) {
    case 'breakout.assign': {
      if (!live) return refuse('conflict', 'this breakout is closed');
      const people = assignable(state);
      let assignment: Assignment = {};
      const assign = command.assign;
      if (assign.mode === 'random') {
        // BR3: the server shuffled and balanced the groups; core checks and records them.
        if (assign.groups.length > current.rooms.length)
          return refuse('bad_request', 'more groups than rooms');
        const listed = assign.groups.flat();
        if (new Set(listed).size !== listed.length) return refuse('bad_request', 'someone is listed twice');
        if (listed.some((id) => !isAssignable(state, id))) return refuse('not_found', 'no such participant');
        assign.groups.forEach((group, i) => {
          for (const id of group) assignment[id] = current.rooms[i]!.id;
        });
      } else if (assign.mode === 'keep') {
        // BR4: the groups of the last closed breakout, room by room, as far as they are still here.
        const last = state.breakouts.history.at(-1);
        if (!last) return refuse('conflict', 'there are no earlier groups to keep');
        last.groups.forEach((group, i) => {
          const room = current.rooms[i];
          if (!room) return;
          for (const id of group) if (isAssignable(state, id)) assignment[id] = room.id;
        });
      } else {
        // BR7: moves by hand, on top of the current assignment.
        assignment = { ...current.assignment };
        for (const move of assign.moves) {
          if (!isAssignable(state, move.participantId)) return refuse('not_found', 'no such participant');
          if (move.roomId === null) delete assignment[move.participantId];
          else if (roomExists(move.roomId)) assignment[move.participantId] = move.roomId;
          else return refuse('not_found', 'no such room');
        }
      }
      // BR5: random and kept groups leave nobody behind; new people are placed like late joiners.
      if (assign.mode !== 'manual') assignment = placeRest(current, assignment, people);
      if (sameAssignment(assignment, current.assignment)) return unchanged();
      return accept({ type: 'breakout.assigned', at, assignment, by: who.id });
    }

    case 'breakout.move': {
      // BR7: also while the rooms are open; facilitators may fill a room past its capacity.
      if (!live) return refuse('conflict', 'this breakout is closed');
      if (!isAssignable(state, command.participantId)) return refuse('not_found', 'no such participant');
      if (command.roomId !== null && !roomExists(command.roomId)) return refuse('not_found', 'no such room');
      if ((current.assignment[command.participantId] ?? null) === command.roomId) return unchanged();
      return accept({
        type: 'breakout.moved',
        at,
        participantId: command.participantId,
        roomId: command.roomId,
        by: who.id,
      });
    }

    case 'breakout.choose': {
      // BR2/BR4b: participants choose their room when the breakout is self-select, up to its capacity.
      if (!isAssignable(state, who.id)) return refuse('forbidden', 'only participants choose a room');
      if (!live) return refuse('conflict', 'this breakout is closed');
      if (!current.selfSelect) return refuse('conflict', 'rooms are assigned by the facilitators');
      const room = current.rooms.find((r) => r.id === command.roomId);
      if (!room) return refuse('not_found', 'no such room');
      if (current.assignment[who.id] === room.id) return unchanged();
      if (!hasSpace(room, roomCounts(current).get(room.id) ?? 0)) return refuse('full', 'this room is full');
      return accept({ type: 'breakout.moved', at, participantId: who.id, roomId: room.id, by: who.id });
    }

    case 'breakout.open': {
      // BR8: the countdown is data, like a timer.
      if (current.status !== 'draft') return refuse('conflict', 'only a drafted breakout opens');
      const warningMs = Math.min(command.warningMs ?? DEFAULT_WARNING_MS, command.durationMs);
      return accept({ type: 'breakout.opened', at, endsAt: at + command.durationMs, warningMs, by: who.id });
    }

    case 'breakout.adjust': {
      // BR8: extend or shorten; never into the past.
      if (current.status !== 'open' || current.endsAt === null)
        return refuse('conflict', 'the rooms are not open');
      const endsAt = Math.max(at, current.endsAt + command.deltaMs);
      if (endsAt === current.endsAt) return unchanged();
      return accept({ type: 'breakout.timeChanged', at, endsAt, by: who.id });
    }

    case 'breakout.close':
      // BR9: early or when the countdown ends (the server sends it then); a draft is discarded the same way.
      if (!live) return unchanged();
      return accept({ type: 'breakout.closed', at, by: who.id });

    case 'breakout.broadcast':
      // BR10
      if (current.status !== 'open') return refuse('conflict', 'the rooms are not open');
      return accept({ type: 'breakout.broadcast', at, text: command.text, by: who.id });

    case 'breakout.help': {
      // BR11: only someone in an open room asks for help.
      if (command.on && (current.status !== 'open' || !current.assignment[who.id])) {
        return refuse('conflict', 'you are not in an open room');
      }
      if ((current.help[who.id] !== undefined) === command.on) return unchanged();
      return accept({ type: 'breakout.helpChanged', at, participantId: who.id, on: command.on });
    }

    case 'breakout.gallery': {
      // BR13
      if (current.galleryOpen === command.open) return unchanged();
      const gallery: NewSessionEvent = {
        type: 'breakout.galleryChanged',
        at,
        open: command.open,
        by: who.id,
      };
      // BR17: a room board in focus stops being everyone's when the gallery closes; the focus goes first.
      const focused = current.rooms.some((r) => r.boardId === state.focusBoardId);
      if (command.open || !live || !focused) return accept(gallery);
      return accept({ type: 'board.focusChanged', at, boardId: null, by: who.id }, gallery);
    }

    case 'breakout.setHost': {
      // BR15: the host is one of the room's own members; null lets the whole room run its floor.
      if (!live) return refuse('conflict', 'this breakout is closed');
      const room = current.rooms.find((r) => r.id === command.roomId);
      if (!room) return refuse('not_found', 'no such room');
      const host = command.participantId;
      if (host !== null) {
        if (!isAssignable(state, host)) return refuse('not_found', 'no such participant');
        if (current.assignment[host] !== room.id) return refuse('conflict', 'the host must be in this room');
      }
      if (room.host === host) return unchanged();
      return accept({ type: 'breakout.hostSet', at, roomId: room.id, participantId: host, by: who.id });
    }

    case 'breakout.visit': {
      // BR16: facilitators drop in on open rooms, seen by the room or unseen; null leaves.
      if (current.status !== 'open') return refuse('conflict', 'the rooms are not open');
      if (command.roomId !== null && !roomExists(command.roomId)) return refuse('not_found', 'no such room');
      // CA2: captioners visit too (to caption a room), always seen: the room knows who writes its captions.
      const unseen = command.roomId !== null && isFacilitator(who.role) && (command.unseen ?? false);
      const visit = current.visits[who.id];
      if ((visit?.roomId ?? null) === command.roomId && (visit?.unseen ?? false) === unseen)
        return unchanged();
      return accept({ type: 'breakout.visited', at, participantId: who.id, roomId: command.roomId, unseen });
    }
  }
}

function createBreakout(ctx: Ctx, command: CommandOf<'breakout.create'>): Decision {
  const { state, who, now: at } = ctx;
  const current = state.breakouts.current;
  // BR1: one breakout at a time; close (or discard) the current one first.
  if (current && current.status !== 'closed') return refuse('conflict', 'close the current breakout first');
  const breakoutId = command.breakoutId;
  if (!breakoutId) return refuse('bad_request', 'a new breakout needs the id the server assigns');
  if (current?.id === breakoutId || state.breakouts.history.some((h) => h.id === breakoutId)) {
    return refuse('conflict', 'a breakout with this id exists');
  }
  const spec = command.rooms;
  const count =
    spec.by === 'names'
      ? spec.rooms.length
      : spec.by === 'count'
        ? spec.count
        : roomSizeToCount(assignable(state).length, spec.size);
  if (count > LIMITS.breakoutRoomsMax) return refuse('too_large', `at most ${LIMITS.breakoutRoomsMax} rooms`);
  const rooms: RoomState[] = Array.from({ length: count }, (_, i) => {
    const named = spec.by === 'names' ? spec.rooms[i] : undefined;
    return {
      id: roomIdOf(breakoutId, i),
      name: named?.name ?? defaultRoomName(i + 1, command.locale),
      prompt: named?.prompt ?? null,
      capacity: named?.capacity ?? null,
      callUrl: named?.callUrl ?? null,
      boardId: roomBoardIdOf(breakoutId, i),
      host: null,
    };
  });
  const boardTemplateId = command.boardTemplateId ?? 'blank';
  const events: NewSessionEvent[] = [
    {
      type: 'breakout.created',
      at,
      breakoutId,
      rooms,
      selfSelect: command.selfSelect ?? false,
      boardTemplateId,
      by: who.id,
    },
  ];
  return accept(...events);
}

/**
 * BR5: the events that place a late joiner (run by the server right after `joinSession`, like it);
 * none when they have a room already, choose their own, or every room is full.
 */
export function lateJoinerEvents(state: SessionState, participantId: string, now: number): NewSessionEvent[] {
  const current = state.breakouts.current;
  if (!current || current.assignment[participantId]) return [];
  const roomId = placeLateJoiner(state, participantId);
  if (!roomId) return [];
  return [{ type: 'breakout.moved', at: now, participantId, roomId, by: participantId }];
}

/**
 * BR9: the server's own decision when a breakout's countdown has run out: `breakout.closed` with
 * nobody as the closer (`by: null`), once the rooms are open and `endsAt` has passed; no events
 * otherwise (closed early, extended meanwhile, or asked before its time). Not a command.
 */
export function closeWhenDue(state: SessionState, now: number): Decision {
  const current = state.breakouts.current;
  if (!current || current.status !== 'open' || current.endsAt === null || current.endsAt > now) {
    return unchanged();
  }
  return accept({ type: 'breakout.closed', at: now, by: null });
}
