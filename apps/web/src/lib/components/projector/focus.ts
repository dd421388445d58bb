import { roomBoardIds, roomOfBoard } from '@kring/core';
import type { AgendaState, BoardView, BreakoutsState, RoomState } from '@kring/protocol';

/**
 * What fills the projector's main area, most deliberate first: a room's board in the spotlight, the
 * gallery, the open rooms, the plenary board everyone was brought to, else the current segment.
 * The open rooms outrank a plenary board: while everyone is in rooms a board left in focus is stale.
 */
export type ProjectorFocus =
  | { kind: 'spotlight'; room: RoomState }
  | { kind: 'gallery'; rooms: RoomState[] }
  | { kind: 'rooms'; rooms: RoomState[] }
  | { kind: 'board'; board: ProjectorBoardView }
  | { kind: 'segment' };

type ProjectorBoardView = BoardView;

export interface ProjectorInput {
  breakouts: BreakoutsState;
  focusBoardId: string | null;
  boards: readonly ProjectorBoardView[];
}

export function projectorFocus(view: ProjectorInput): ProjectorFocus {
  const current = view.breakouts.current;
  const spotlight = roomOfBoard(view.breakouts, view.focusBoardId);
  if (spotlight) return { kind: 'spotlight', room: spotlight };
  if (current?.galleryOpen && current.rooms.length > 0) return { kind: 'gallery', rooms: current.rooms };
  if (roomsOpen(view.breakouts)) return { kind: 'rooms', rooms: current?.rooms ?? [] };
  const id = view.focusBoardId;
  if (id && !roomBoardIds(view.breakouts).has(id)) {
    const board = view.boards.find((b) => b.id === id);
    if (board) return { kind: 'board', board };
  }
  return { kind: 'segment' };
}

/** While the rooms are open the plenary floor is nobody's: the projector says "In rooms" instead. */
export function roomsOpen(breakouts: BreakoutsState): boolean {
  return breakouts.current?.status === 'open';
}

/** The top questions belong on the shared screen during a Q&A segment only. */
export function questionsShown(agenda: {
  segments: readonly Pick<AgendaState['segments'][number], 'id' | 'kind'>[];
  currentId: string | null;
}): boolean {
  const current = agenda.segments.find((s) => s.id === agenda.currentId);
  return current?.kind === 'qa';
}

/** The join link everyone can type or scan: `<origin>/j/<CODE>`. */
export function joinLink(origin: string, code: string): string {
  return `${origin.replace(/\/$/, '')}/j/${code}`;
}

/** The join link as people type it: without the scheme, which nobody reads out. */
export function shortLink(link: string): string {
  return link.replace(/^https?:\/\//, '');
}

/**
 * How many columns the gallery of `rooms` boards takes on a wide screen: side by side up to four,
 * then two rows (at most five across), so each board keeps a readable width and height.
 */
export function galleryColumns(rooms: number): number {
  if (rooms <= 4) return Math.max(1, rooms);
  return Math.min(5, Math.ceil(rooms / 2));
}
