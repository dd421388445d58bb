/** Test fixtures: a breakout as a session view holds it. */
import type { BreakoutState, RoomState } from '@kring/protocol';

export function room(n: number, over: Partial<RoomState> = {}): RoomState {
  return {
    id: `brk-00001-r${n}`,
    name: `Room ${n + 1}`,
    prompt: null,
    capacity: null,
    callUrl: null,
    boardId: `brk-00001-b${n}`,
    host: null,
    ...over,
  };
}

export function breakout(over: Partial<BreakoutState> = {}): BreakoutState {
  return {
    id: 'brk-00001',
    status: 'draft',
    rooms: [room(0), room(1)],
    assignment: {},
    selfSelect: false,
    endsAt: null,
    warningMs: 60_000,
    galleryOpen: false,
    help: {},
    messages: [],
    visits: {},
    ...over,
  };
}
