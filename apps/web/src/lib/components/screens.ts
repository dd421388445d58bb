/**
 * The session page's screens that come in chunks of their own (issue 14), one import each, so the
 * session page and the join page fetch the very same chunk: the join page asks for the board's
 * code while a person types their name, and the session page then finds it in the module cache.
 */
export const boardCode = () => import('$lib/board/board.svelte').then((mod) => mod.BoardConnection);
export const boardPanel = () => import('./board/BoardPanel.svelte').then((mod) => mod.default);

/**
 * While the join form waits for a name: the board's code (Yjs, its sync and its screen), beside the
 * session page's own. Most gatherings open on a board; a failed fetch is tried again on use.
 */
export function preloadBoard(): void {
  void boardCode().catch(() => undefined);
  void boardPanel().catch(() => undefined);
}
