import { type BreakoutState, type BreakoutsState, PLENARY, type RoomState } from '@kring/protocol';
import { isFacilitator } from '../roles/kinds';
import type { SessionState } from '../state';

/** Pure breakout helpers and access rules (BR rules in SPEC.md). */

type PeopleFacts = Pick<SessionState, 'participants'>;

/** BR2: who is put into rooms: members with the participant role (facilitators visit, BR10). */
export function isAssignable(state: PeopleFacts, participantId: string): boolean {
  const who = state.participants[participantId];
  return !!who && !who.removed && who.role === 'participant';
}

/**
 * BR3: `ids` (already shuffled by the server) dealt into `roomCount` groups whose sizes differ by
 * at most one; the first groups get the extra people.
 */
export function balancedGroups<T>(ids: readonly T[], roomCount: number): T[][] {
  const count = Math.max(1, Math.floor(roomCount));
  const groups: T[][] = Array.from({ length: count }, () => []);
  const base = Math.floor(ids.length / count);
  const extra = ids.length % count;
  let at = 0;
  groups.forEach((group, i) => {
    const size = base + (i < extra ? 1 : 0);
    group.push(...ids.slice(at, at + size));
    at += size;
  });
  return groups;
}

/** BR1: rooms of about `size` for `people`: as many rooms as needed, never fewer than one. */
export const roomSizeToCount = (people: number, size: number): number =>
  Math.max(1, Math.ceil(people / Math.max(1, size)));

/** How many people each room of `breakout` holds under `assignment`. */
export function roomCounts(breakout: BreakoutState, assignment = breakout.assignment): Map<string, number> {
  const counts = new Map<string, number>(breakout.rooms.map((r) => [r.id, 0]));
  for (const roomId of Object.values(assignment)) {
    if (counts.has(roomId)) counts.set(roomId, (counts.get(roomId) ?? 0) + 1);
  }
  return counts;
}

export const hasSpace = (room: RoomState, count: number): boolean =>
  room.capacity === null || count < room.capacity;

/**
 * BR5: the room a late joiner lands in: the room with the fewest people that has space; ties go
 * to the earlier room. Null when every room is full (they stay in the plenary).
 */
export function placeIn(breakout: BreakoutState, assignment = breakout.assignment): string | null {
  const counts = roomCounts(breakout, assignment);
  let best: { id: string; count: number } | null = null;
  for (const room of breakout.rooms) {
    const count = counts.get(room.id) ?? 0;
    if (!hasSpace(room, count)) continue;
    if (!best || count < best.count) best = { id: room.id, count };
  }
  return best?.id ?? null;
}

/**
 * BR5: where a late joiner (or anyone unplaced) would land now: their own room if they have one,
 * null when there is no draft or open breakout, it is self-select (they choose), or all rooms are full.
 */
export function placeLateJoiner(state: SessionState, participantId: string): string | null {
  const current = state.breakouts.current;
  if (!current || current.status === 'closed' || !isAssignable(state, participantId)) return null;
  const own = current.assignment[participantId];
  if (own) return own;
  return current.selfSelect ? null : placeIn(current);
}

/** BR6: the room someone is in while a breakout is open (reconnecting lands there); else null. */
export function roomOf(state: Pick<SessionState, 'breakouts'>, participantId: string): string | null {
  const current = state.breakouts.current;
  if (!current || current.status !== 'open') return null;
  return current.assignment[participantId] ?? null;
}

/** BR8: what is left of the countdown; 0 once it ran out, null when the rooms are not open. */
export function breakoutRemainingMs(breakout: BreakoutState, now: number): number | null {
  if (breakout.status !== 'open' || breakout.endsAt === null) return null;
  return Math.max(0, breakout.endsAt - now);
}

/** BR8: every room shows the warning once at most `warningMs` is left. */
export function inWarning(breakout: BreakoutState, now: number): boolean {
  const left = breakoutRemainingMs(breakout, now);
  return left !== null && left <= breakout.warningMs;
}

export type RoomAccess = 'none' | 'read' | 'write';

type AccessFacts = Pick<SessionState, 'participants'> & { breakouts?: BreakoutsState };

/**
 * BR12: access to a room (its board and floor). Facilitators write in every room (and visit any,
 * BR10). A member of the room writes while the breakout is open (reads it while drafted). Once the
 * gallery is open or the breakout is closed, everyone reads every room. Otherwise: none.
 */
export function roomAccess(state: AccessFacts, participantId: string, roomId: string): RoomAccess {
  const who = state.participants[participantId];
  const current = state.breakouts?.current;
  if (!who || who.removed || !current || !current.rooms.some((r) => r.id === roomId)) return 'none';
  if (isFacilitator(who.role)) return 'write';
  if (current.status === 'closed') return 'read';
  if (current.assignment[participantId] === roomId) return current.status === 'open' ? 'write' : 'read';
  // CA2: a captioner reads the room they caption (who has the floor, for the speaker's name).
  if (who.role === 'captioner' && current.visits[participantId]?.roomId === roomId) return 'read';
  return current.galleryOpen ? 'read' : 'none';
}

/**
 * BR12/BR13: the access rule for a room board, or null when `boardId` is no room's board (the usual
 * board rules apply). Boards of earlier breakouts are read-only for everyone but facilitators.
 */
export function roomBoardAccess(
  state: AccessFacts,
  participantId: string,
  boardId: string,
): RoomAccess | null {
  const breakouts = state.breakouts;
  if (!breakouts) return null;
  const room = breakouts.current?.rooms.find((r) => r.boardId === boardId);
  if (room) return roomAccess(state, participantId, room.id);
  if (!breakouts.history.some((h) => h.boardIds.includes(boardId))) return null;
  const who = state.participants[participantId];
  if (!who || who.removed) return 'none';
  return isFacilitator(who.role) ? 'write' : 'read';
}

/**
 * BR17: may a board be brought to everyone? Not a room board of the current breakout while its
 * rooms are private (drafted or open with the gallery closed): some members could not read it.
 */
export function readableByAll(state: Pick<SessionState, 'breakouts'>, boardId: string): boolean {
  const current = state.breakouts.current;
  if (!current || current.status === 'closed' || current.galleryOpen) return true;
  return !current.rooms.some((r) => r.boardId === boardId);
}

/** BR14: a floor (or timer) command for a room: its members and facilitators only. */
export function mayUseScope(state: SessionState, participantId: string, scope: string): boolean {
  return scope === PLENARY || roomAccess(state, participantId, scope) === 'write';
}
