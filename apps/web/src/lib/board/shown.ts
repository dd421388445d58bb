import type { BoardView } from '@kring/protocol';

/**
 * Which board a person sees: the facilitator's focus ("bring everyone here") when set, else their
 * own choice, else the first board that is not archived, else the first board at all.
 *
 * A module of its own: the participant's session page needs only this, and the templates' module
 * beside it would bring every template's words in three languages along (issue 14).
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
