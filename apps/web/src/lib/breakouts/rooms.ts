import type { BreakoutState, BreakoutsState, ParticipantState, RoomState } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { nameOf, type People } from '../floor/people';

/**
 * Pure helpers behind the breakout screens: who is in which room, which boards belong to rooms,
 * who asked for help. They read the session as this person holds it; the server decides (core BR).
 */

type Breakouts = Pick<BreakoutsState, 'current' | 'history'>;

/** The ids of a room's members, in join order (then by name). */
export function roomMemberIds(breakout: BreakoutState, roomId: string, people: People): string[] {
  return Object.entries(breakout.assignment)
    .filter(([participantId, r]) => r === roomId && people[participantId] && !people[participantId]?.removed)
    .map(([participantId]) => people[participantId] as ParticipantState)
    .sort((a, b) => a.joinedAt - b.joinedAt || a.displayName.localeCompare(b.displayName))
    .map((p) => p.id);
}

/** How many people each room holds now. */
export function roomCounts(breakout: BreakoutState): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(breakout.rooms.map((r) => [r.id, 0]));
  for (const roomId of Object.values(breakout.assignment)) {
    if (roomId in counts) counts[roomId] = (counts[roomId] ?? 0) + 1;
  }
  return counts;
}

/** "2 people", "1 person", "3 of 8 places taken" with a capacity. */
export function occupancyText(count: number, capacity: number | null): string {
  if (capacity !== null) return m.breakouts_places_taken({ count, capacity });
  return count === 1 ? m.breakouts_one_person() : m.breakouts_people({ count });
}

/** BR6: the room this person's screen is while the rooms are open; null in the plenary. */
export function openRoomOf(breakouts: Breakouts, you: string): RoomState | null {
  const current = breakouts.current;
  if (!current || current.status !== 'open') return null;
  const roomId = current.assignment[you];
  return current.rooms.find((r) => r.id === roomId) ?? null;
}

/** The room someone is assigned to in the current (drafted or open) breakout. */
export function assignedRoom(breakout: BreakoutState | null, participantId: string): RoomState | null {
  if (!breakout || breakout.status === 'closed') return null;
  const roomId = breakout.assignment[participantId];
  return breakout.rooms.find((r) => r.id === roomId) ?? null;
}

/** Self-select (BR4b): participants see the rooms and choose while the breakout is drafted or open. */
export function choosingRooms(breakout: BreakoutState | null): boolean {
  return !!breakout && breakout.selfSelect && breakout.status !== 'closed';
}

/**
 * The rooms whose boards everyone may look at side by side: while the gallery is open, and once
 * the rooms are closed (the boards of the last breakout, read-only). Null otherwise.
 */
export function galleryRooms(breakouts: Breakouts): RoomState[] | null {
  const current = breakouts.current;
  if (!current || current.rooms.length === 0) return null;
  return current.galleryOpen || current.status === 'closed' ? current.rooms : null;
}

export interface HelpCall {
  participantId: string;
  name: string;
  room: RoomState | null;
  at: number;
}

/** BR11: who asked for help, oldest first, with the room they are in. */
export function helpCalls(breakout: BreakoutState | null, people: People): HelpCall[] {
  if (!breakout) return [];
  return Object.entries(breakout.help)
    .map(([participantId, at]) => ({
      participantId,
      name: nameOf(people, participantId),
      room: assignedRoom(breakout, participantId),
      at,
    }))
    .sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
}

export interface Visit {
  roomId: string;
  unseen: boolean;
}

/** BR16: the room a facilitator is visiting (older states carry no `visits`). */
export function visitOf(breakout: BreakoutState | null, facilitatorId: string): Visit | null {
  if (!breakout || breakout.status !== 'open') return null;
  return breakout.visits?.[facilitatorId] ?? null;
}

/** Who is visiting a room that its members may see (unseen visits reach facilitators only). */
export function visitorIds(breakout: BreakoutState, roomId: string): string[] {
  return Object.entries(breakout.visits ?? {})
    .filter(([, v]) => v.roomId === roomId && !v.unseen)
    .map(([id]) => id);
}

/**
 * Why a room's board is read-only for this person (BR12, BR13), in plain words; null when it is
 * not a room's board or they may write on it.
 */
export function roomBoardNotice(
  breakouts: Breakouts,
  boardId: string,
  access: 'none' | 'read' | 'write',
  you: string,
): string | null {
  if (access !== 'read') return null;
  const current = breakouts.current;
  const room = current?.rooms.find((r) => r.boardId === boardId);
  if (!current || !room) {
    const earlier = breakouts.history.some((h) => h.boardIds.includes(boardId));
    return earlier ? m.breakouts_board_notice_earlier() : null;
  }
  if (current.status === 'closed') return m.breakouts_board_notice_closed();
  if (current.assignment[you] === room.id) return m.breakouts_board_notice_own_room();
  return m.breakouts_board_notice_other_room({ room: room.name });
}
