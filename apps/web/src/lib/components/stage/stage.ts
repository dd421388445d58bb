import { turnInfo } from '@kring/core';
import type { FloorView, RoomState } from '@kring/protocol';
import { asFloorState } from '$lib/floor/floor';

/**
 * The participant's stage: what concerns this person now, one line each, highest priority first.
 * Pure: it reads the session as the client holds it; `StageBar.svelte` renders it.
 */
export type StageItem =
  | { kind: 'turn'; inRoom: boolean }
  | { kind: 'next'; inRoom: boolean }
  | { kind: 'room'; room: RoomState; endsAt: number | null }
  | { kind: 'announcement'; id: string; text: string }
  | { kind: 'board'; boardId: string; title: string };

export interface StageInput {
  /** The floor this person is on now: their room's while the rooms are open, else the plenary's. */
  floor: FloorView | null;
  you: string | null;
  /** Whether they take the floor (observers and captioners do not, F3). */
  takesPart: boolean;
  /** Their open room (BR6), or null in the plenary. */
  room: RoomState | null;
  /** When the rooms close (server clock), when known. */
  roomEndsAt: number | null;
  /** Announcements still shown on this device (not dismissed), oldest first. */
  announcements: readonly { id: string; text: string }[];
  /** The board everyone was brought to ("bring everyone here"), when not in a room. */
  focusBoard: { id: string; title: string } | null;
}

export function stageItems(input: StageInput): StageItem[] {
  const items: StageItem[] = [];
  const inRoom = !!input.room;
  if (input.floor && input.you && input.takesPart) {
    const info = turnInfo(asFloorState(input.floor), input.you);
    if (info === 'speaking') items.push({ kind: 'turn', inRoom });
    else if (info === 'next') items.push({ kind: 'next', inRoom });
  }
  if (input.room) items.push({ kind: 'room', room: input.room, endsAt: input.roomEndsAt });
  const newest = input.announcements.at(-1);
  if (newest) items.push({ kind: 'announcement', id: newest.id, text: newest.text });
  if (input.focusBoard && !inRoom) {
    items.push({ kind: 'board', boardId: input.focusBoard.id, title: input.focusBoard.title });
  }
  return items;
}

/** What the tab title starts with: "● Your turn · " or "● Rooms open · ", or nothing. */
export function stageMark(items: readonly StageItem[]): 'turn' | 'rooms' | null {
  if (items.some((i) => i.kind === 'turn')) return 'turn';
  if (items.some((i) => i.kind === 'room')) return 'rooms';
  return null;
}
