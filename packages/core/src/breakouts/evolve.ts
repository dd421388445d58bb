import { type BreakoutState, LIMITS } from '@kring/protocol';
import { isFacilitator } from '../permissions';
import { initialFloor, newBoard, type SessionState } from '../state';
import { type BreakoutEvent, DEFAULT_WARNING_MS } from './breakouts';
import { isAssignable } from './rules';

/** Applies breakout events (BR rules in SPEC.md), on the server's state and every client's copy alike. */

const MESSAGES_MAX = LIMITS.breakoutMessagesMax;

export function evolveBreakout(state: SessionState, event: BreakoutEvent): SessionState {
  const { current, history } = state.breakouts;
  if (event.type === 'breakout.created') {
    // BR1: each room gets a board and a floor; the previous breakout's floors and timers go.
    const floors = { ...state.floors };
    const timers = { ...state.timers };
    for (const room of current?.rooms ?? []) {
      delete floors[room.id];
      delete timers[room.id];
    }
    for (const room of event.rooms) floors[room.id] = initialFloor();
    const boards = [
      ...state.boards,
      ...event.rooms.map((r) => newBoard(r.boardId, r.name, event.boardTemplateId)),
    ];
    const breakout: BreakoutState = {
      id: event.breakoutId,
      status: 'draft',
      rooms: event.rooms,
      assignment: {},
      selfSelect: event.selfSelect,
      endsAt: null,
      warningMs: DEFAULT_WARNING_MS,
      galleryOpen: false,
      help: {},
      messages: [],
      visits: {},
    };
    return { ...state, floors, timers, boards, breakouts: { current: breakout, history } };
  }
  if (!current) return state;
  const next = (b: BreakoutState, records = history): SessionState => ({
    ...state,
    breakouts: { current: b, history: records },
  });
  switch (event.type) {
    case 'breakout.assigned':
      return next(withHostsInRooms({ ...current, assignment: event.assignment }));
    case 'breakout.moved': {
      const { [event.participantId]: _old, ...assignment } = current.assignment;
      if (event.roomId !== null) assignment[event.participantId] = event.roomId;
      // BR11: a help call belongs to the room it was made in.
      const { [event.participantId]: _help, ...help } = current.help;
      return next(withHostsInRooms({ ...current, assignment, help }));
    }
    case 'breakout.opened':
      return next({ ...current, status: 'open', endsAt: event.endsAt, warningMs: event.warningMs });
    case 'breakout.timeChanged':
      return next({ ...current, endsAt: event.endsAt });
    case 'breakout.closed': {
      // BR9: everyone is back in the plenary; the groups are kept for `keep` (BR4).
      const groups = current.rooms.map((r) =>
        Object.entries(current.assignment)
          .filter(([, roomId]) => roomId === r.id)
          .map(([id]) => id),
      );
      const record = { id: current.id, groups, boardIds: current.rooms.map((r) => r.boardId) };
      // BR16: visits end with the rooms.
      const closed = next({ ...current, status: 'closed', endsAt: null, help: {}, visits: {} }, [
        ...history,
        record,
      ]);
      // BR17: a spotlight on one of these rooms' boards ends with the rooms (on every close: by hand,
      // on time, or a draft discarded); a facilitator may bring everyone there again afterwards.
      const spotlit = current.rooms.some((r) => r.boardId === state.focusBoardId);
      return spotlit ? { ...closed, focusBoardId: null } : closed;
    }
    case 'breakout.broadcast':
      return next({
        ...current,
        messages: [...current.messages, { text: event.text, at: event.at, by: event.by }].slice(
          -MESSAGES_MAX,
        ),
      });
    case 'breakout.helpChanged': {
      const { [event.participantId]: _old, ...help } = current.help;
      return next({ ...current, help: event.on ? { ...help, [event.participantId]: event.at } : help });
    }
    case 'breakout.galleryChanged':
      return next({ ...current, galleryOpen: event.open });
    case 'breakout.hostSet':
      return next({
        ...current,
        rooms: current.rooms.map((r) => (r.id === event.roomId ? { ...r, host: event.participantId } : r)),
      });
    case 'breakout.visited': {
      const { [event.participantId]: _old, ...visits } = current.visits;
      if (event.roomId !== null) visits[event.participantId] = { roomId: event.roomId, unseen: event.unseen };
      return next({ ...current, visits });
    }
  }
}

/**
 * BR2/BR15/BR16: after someone's role changes or they are removed: someone who is no longer a
 * participant leaves their room (and hosts none), and someone who is no longer a facilitator
 * visits none.
 */
export function dropRoomRoles(state: SessionState, participantId: string): SessionState {
  const current = state.breakouts.current;
  const who = state.participants[participantId];
  if (!current || !who) return state;
  const hosting = current.rooms.some((r) => r.host === participantId) && !isAssignable(state, participantId);
  const visiting =
    participantId in current.visits &&
    (who.removed || !(isFacilitator(who.role) || who.role === 'captioner'));
  // BR2: only participants are in rooms; someone removed or given another role leaves theirs.
  const leaving = participantId in current.assignment && !isAssignable(state, participantId);
  if (!hosting && !visiting && !leaving) return state;
  const { [participantId]: _visit, ...visits } = current.visits;
  const { [participantId]: _room, ...assignment } = current.assignment;
  const { [participantId]: _help, ...help } = current.help;
  const rooms = current.rooms.map((r) => (r.host === participantId ? { ...r, host: null } : r));
  const breakout = {
    ...current,
    rooms: hosting ? rooms : current.rooms,
    visits: visiting ? visits : current.visits,
    ...(leaving && current.status !== 'closed' ? { assignment, help } : {}),
  };
  return { ...state, breakouts: { ...state.breakouts, current: breakout } };
}

/** BR15: a host moved out of their room (or out of the rooms) no longer hosts it. */
function withHostsInRooms(breakout: BreakoutState): BreakoutState {
  const stale = breakout.rooms.some((r) => r.host !== null && breakout.assignment[r.host] !== r.id);
  if (!stale) return breakout;
  return {
    ...breakout,
    rooms: breakout.rooms.map((r) =>
      r.host !== null && breakout.assignment[r.host] !== r.id ? { ...r, host: null } : r,
    ),
  };
}
