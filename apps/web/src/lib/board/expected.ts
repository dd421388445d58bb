import { Id } from '@kring/protocol';

/**
 * The board this tab expects a session's page to show before its state arrives (issue 14): the
 * one the join's answer named (core BD18), then the one the page last showed. The page opens that
 * board's document beside the control connection instead of after the state, which then decides;
 * a wrong guess costs one connection, closed again. In sessionStorage: this tab's, gone with it.
 */
const key = (code: string) => `kring:board:${code.toUpperCase()}`;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function expectBoard(code: string, boardId: string | null): void {
  try {
    if (boardId === null) storage()?.removeItem(key(code));
    else storage()?.setItem(key(code), boardId);
  } catch {
    // quota or privacy settings: the page then waits for the state, as it would anyway
  }
}

export function expectedBoard(code: string): string | null {
  try {
    const stored = storage()?.getItem(key(code)) ?? null;
    // Read back from storage, so checked like anything else that comes in.
    return Id.safeParse(stored).success ? stored : null;
  } catch {
    return null;
  }
}
