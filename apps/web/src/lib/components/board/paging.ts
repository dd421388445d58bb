/**
 * How many notes of one list (a column's loose notes, a group's) are in the page. A big board is
 * opened a page of notes per list, so what it costs to show does not grow with the board; the
 * reader asks for more (a button, or scrolling near it). A list that is shown whole when it opens,
 * or that the reader has unfolded to the end, stays whole: notes others add appear at its end.
 */

/** Notes per list when a board opens, and per press of its button. */
export const NOTES_PAGE = 50;
/**
 * Notes revealed per step while scrolling: fewer than a page, so that on a wide screen, where the
 * columns side by side reach their ends together, one frame does not build four pages of notes.
 */
export const SCROLL_STEP = 20;

/** A number of notes, or every note however many come. */
export type NotesLimit = number | 'all';

/** A list short enough to show whole follows what is added to it; a longer one opens a page. */
export function firstLimit(total: number, page = NOTES_PAGE): NotesLimit {
  return total <= page ? 'all' : page;
}

/**
 * How many notes, from the top, are rendered. `keepIndex` is the position of a note that must be
 * there (one this person just moved, whose focus follows it); -1 for none.
 */
export function shownCount(limit: NotesLimit, total: number, keepIndex = -1): number {
  const base = limit === 'all' ? total : Math.min(limit, total);
  return Math.min(total, Math.max(base, keepIndex + 1));
}

/** How many one more step adds to the `shown` notes (what the button says). */
export function nextStep(shown: number, total: number, page = NOTES_PAGE): number {
  return Math.max(0, Math.min(page, total - shown));
}

/** The limit after one more step from the `shown` notes; reaching the end makes the list follow new notes. */
export function revealMore(shown: number, total: number, page = NOTES_PAGE): NotesLimit {
  const next = shown + page;
  return next >= total ? 'all' : next;
}
