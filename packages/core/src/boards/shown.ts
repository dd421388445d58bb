import type { BoardView, BreakoutsState, RoomState } from '@kring/protocol';

/**
 * Which board a person sees (BD18): read by every screen that shows one, and by the server when
 * it tells a newcomer which board their page may open before the state arrives (issue 14).
 */

type Breakouts = Pick<BreakoutsState, 'current' | 'history'>;

/** Every board that belongs to a room, of this breakout or an earlier one (BR13). */
export function roomBoardIds(breakouts: Breakouts): Set<string> {
  const ids = new Set<string>();
  for (const room of breakouts.current?.rooms ?? []) ids.add(room.boardId);
  for (const record of breakouts.history) for (const id of record.boardIds) ids.add(id);
  return ids;
}

/** The plenary's own boards: room boards belong to the breakout screens, not the board switcher. */
export function plenaryBoards<B extends Pick<BoardView, 'id'>>(
  boards: readonly B[],
  breakouts: Breakouts,
): B[] {
  const rooms = roomBoardIds(breakouts);
  return boards.filter((b) => !rooms.has(b.id));
}

/** The room of the current breakout whose board this is; null for any other board. */
export function roomOfBoard(breakouts: Breakouts, boardId: string | null): RoomState | null {
  if (!boardId) return null;
  return breakouts.current?.rooms.find((r) => r.boardId === boardId) ?? null;
}

/** The boards a plenary screen may show: the plenary's own, and a room board in the focus (BR17). */
export function showableBoards<B extends Pick<BoardView, 'id'>>(
  boards: readonly B[],
  breakouts: Breakouts,
  focusBoardId: string | null,
): B[] {
  const plenary = plenaryBoards(boards, breakouts);
  const spotlight = roomOfBoard(breakouts, focusBoardId);
  const lit = spotlight && boards.find((b) => b.id === spotlight.boardId);
  return lit ? [...plenary, lit] : plenary;
}

/**
 * Among the showable boards: the facilitators' focus ("bring everyone here") when set, else the
 * person's own choice, else the first board that is not archived, else the first board at all.
 */
export function shownBoardId(
  boards: readonly Pick<BoardView, 'id' | 'archived'>[],
  focusBoardId: string | null,
  chosen: string | null,
): string | null {
  if (focusBoardId && boards.some((b) => b.id === focusBoardId)) return focusBoardId;
  if (chosen && boards.some((b) => b.id === chosen)) return chosen;
  return (boards.find((b) => !b.archived) ?? boards[0])?.id ?? null;
}
