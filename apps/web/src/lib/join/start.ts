import type { JoinSessionResponse, JoinStart } from '@kring/protocol';

/** What the session page opens with after a join: the start, whose it is and its board's id. */
export interface Opening extends JoinStart {
  you: string;
  boardId: string | null;
}

/**
 * The join's answer carried what the session page opens with (`JoinStart`, issue 14); the page is
 * the next one this tab shows, so the answer waits here, in memory, for it. Taken once: a reload,
 * or a later visit, opens the session from its sockets as ever, since the start would be stale.
 */
const waiting = new Map<string, Opening>();

const key = (code: string) => code.toUpperCase();

export function keepStart(
  code: string,
  joined: Pick<JoinSessionResponse, 'participantId' | 'boardId' | 'start'>,
): void {
  waiting.clear(); // only the newest join's page is next
  if (joined.start)
    waiting.set(key(code), { ...joined.start, you: joined.participantId, boardId: joined.boardId });
}

export function takeStart(code: string): Opening | null {
  const start = waiting.get(key(code)) ?? null;
  waiting.delete(key(code));
  return start;
}

/** The board's document the start carried, as bytes for Yjs (null when it carried none). */
export function boardUpdate(opening: Opening): Uint8Array | null {
  if (opening.board === null) return null;
  try {
    return Uint8Array.from(atob(opening.board), (c) => c.charCodeAt(0));
  } catch {
    return null; // not base64: the board's socket brings the document, as on any other load
  }
}
