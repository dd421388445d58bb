import { type Command, PLENARY, type RoomState } from '@kring/protocol';
import { type Decision, refuse } from '../decision';
import { type FacilitatorCommandType, isFacilitator } from '../permissions';
import type { SessionState } from '../state';
import { isAssignable } from './rules';

/** BR15: a room runs its own floor and timer; these rules say who does. */

type RoomFacts = Pick<SessionState, 'participants' | 'breakouts'>;

/** The room of the current breakout with this id, if any. */
const roomById = (state: RoomFacts, roomId: string): RoomState | undefined =>
  state.breakouts.current?.rooms.find((r) => r.id === roomId);

/**
 * BR15: who is in a room, in join order: the people the room's floor is for. The server draws a
 * room's random round order from these (and who is online), never from the whole session.
 */
export function roomMembers(state: RoomFacts, roomId: string): string[] {
  const current = state.breakouts.current;
  if (!current) return [];
  // `participants` keeps join order, so filtering it keeps that order too.
  return Object.values(state.participants)
    .filter((p) => current.assignment[p.id] === roomId && isAssignable(state, p.id))
    .map((p) => p.id);
}

/**
 * BR15: the room's host as far as it counts: set, still a participant and still in the room.
 * The reducer clears a host who is moved out; a host whose role changed simply stops counting.
 */
export function roomHost(state: RoomFacts, room: RoomState): string | null {
  const host = room.host;
  if (host === null || !isAssignable(state, host)) return null;
  return state.breakouts.current?.assignment[host] === room.id ? host : null;
}

/**
 * BR15: may this person run the floor (and timer) of `scope`? Facilitators run every floor. A
 * room's floor, while the rooms are open, is also run by its host, or by every member when it has
 * none. Nobody else runs the plenary. Reads only public facts, so a client's copy answers the same.
 */
export function runsFloor(state: RoomFacts, participantId: string, scope: string): boolean {
  const who = state.participants[participantId];
  if (!who || who.removed) return false;
  if (isFacilitator(who.role)) return true;
  const current = state.breakouts.current;
  const room = scope === PLENARY ? undefined : roomById(state, scope);
  if (!room || current?.status !== 'open') return false;
  if (current.assignment[participantId] !== room.id || !isAssignable(state, participantId)) return false;
  const host = roomHost(state, room);
  return host === null || host === participantId;
}

/** BR15: the floor and timer commands only facilitators give in the plenary, and rooms give themselves. */
export const ROOM_FLOOR_COMMANDS = [
  'floor.start',
  'floor.setOptions',
  'floor.give',
  'round.skip',
  'fishbowl.setSeats',
  'fishbowl.invite',
  'fishbowl.release',
  'reflecting.setTeam',
  'reflecting.setPhase',
  'timer.start',
  'timer.pause',
  'timer.resume',
  'timer.adjust',
  'timer.reset',
  'timer.clear',
] as const satisfies readonly FacilitatorCommandType[];

const roomFloorCommands: ReadonlySet<Command['type']> = new Set(ROOM_FLOOR_COMMANDS);

/**
 * C2/BR15: a facilitator command that someone who is no facilitator may still give: a room floor
 * or timer command for a room whose floor they run. Anything else stays facilitator-only.
 */
export function runsRoomCommand(state: RoomFacts, participantId: string, command: Command): boolean {
  if (!roomFloorCommands.has(command.type)) return false;
  const scope = 'scope' in command ? (command.scope ?? PLENARY) : PLENARY;
  return scope !== PLENARY && runsFloor(state, participantId, scope);
}

/**
 * BR15: on a room's floor, everyone named (speaker, round, seat, team, piece) is in that room;
 * facilitators too, as they may visit any room (BR10).
 */
export function refuseOutsideRoom(state: RoomFacts, participantId: string, scope: string): Decision | null {
  if (scope === PLENARY || !roomById(state, scope)) return null;
  const who = state.participants[participantId];
  if (!who || isFacilitator(who.role)) return null;
  if (roomMembers(state, scope).includes(participantId)) return null;
  return refuse('bad_request', `${who.displayName} is not in this room`);
}
