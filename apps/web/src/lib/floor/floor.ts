import type { FloorState, FloorView } from '@kring/protocol';

export type FloorMode = FloorView['mode'];
export type FloorViewOf<M extends FloorMode> = Extract<FloorView, { mode: M }>;

/**
 * The floor as core's helpers (`maySpeak`, `turnInfo`, `turnChange`) take it. A view hides the
 * speaking balance from non-facilitators (B4); the helpers only read it to order a quiet-first
 * queue, and a view's queue is already in served order, so an empty balance keeps that order.
 */
export function asFloorState(view: FloorView): FloorState {
  const { next: _next, ...floor } = view;
  return { ...floor, balance: floor.balance ?? {} };
}
