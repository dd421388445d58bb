import { readBoard } from '@kring/board';
import { getLocale } from '$lib/paraglide/runtime';
import { BoardConnection } from './board.svelte';
import { visibleBoard } from './model';

/**
 * A board as everyone in the room may see it, for screens many people look at (the gallery, the
 * projector): live over its own read-only connection for as long as the calling component lives,
 * without hidden notes and without authors, whoever's token opened it. Call during component
 * initialisation (it sets up an effect); `data` is null until the first sync.
 */
export function sharedBoardView(
  boardId: () => string,
  token: () => string,
  voteTotals: () => Record<string, number> | null | undefined,
) {
  let board = $state<BoardConnection | null>(null);

  $effect(() => {
    const b = new BoardConnection(boardId(), token());
    board = b;
    return () => {
      b.destroy();
      board = null;
    };
  });

  const data = $derived.by(() => {
    if (!board || board.status === 'connecting') return null;
    void board.revision;
    const totals = voteTotals();
    return visibleBoard(
      readBoard(board.doc, {
        anonymous: true,
        locale: getLocale(),
        ...(totals ? { counts: { votes: totals } } : {}),
      }),
      false,
    );
  });

  return {
    get data() {
      return data;
    },
    /** Why the connection closed for good, in the page's language; null while it is open. */
    get closedMessage() {
      return board?.closedMessage ?? null;
    },
  };
}
