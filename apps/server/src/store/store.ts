import type { NewSessionEvent, SessionEvent } from '@kring/protocol';

/** Raised by `appendEvents` when the session moved on since the caller read it (optimistic concurrency). */
export class VersionConflictError extends Error {
  constructor(
    readonly sessionId: string,
    readonly expected: number,
  ) {
    super(`session ${sessionId} is no longer at version ${expected}`);
  }
}

export interface StoredBoardUpdate {
  seq: number;
  update: Uint8Array;
}

/**
 * Board document persistence: an append-only log of Yjs updates per document, compacted now and
 * then. A document id is a board id (the board itself) or `<boardId>/drafts/<participantId>`
 * (someone's drafts of that board, see `docIdOf`); a board's documents live and die together.
 */
export interface BoardStore {
  /** Appends one update; resolves once it is durable. Returns the row's sequence number. */
  appendBoardUpdate(docId: string, update: Uint8Array): Promise<number>;
  loadBoardUpdates(docId: string): Promise<StoredBoardUpdate[]>;
  /** Replaces every row with `seq <= throughSeq` by one merged update, in one transaction. */
  compactBoard(docId: string, merged: Uint8Array, throughSeq: number): Promise<void>;
}

/** The store key of a board's own document or of someone's drafts of it. */
export function docIdOf(boardId: string, draftsOf: string | null = null): string {
  return draftsOf === null ? boardId : `${boardId}/drafts/${draftsOf}`;
}

/** The inverse of `docIdOf`. */
export function parseDocId(docId: string): { boardId: string; draftsOf: string | null } {
  const slash = docId.indexOf('/');
  if (slash < 0) return { boardId: docId, draftsOf: null };
  const rest = docId.slice(slash + 1);
  return {
    boardId: docId.slice(0, slash),
    draftsOf: rest.startsWith('drafts/') ? rest.slice('drafts/'.length) : rest,
  };
}

/**
 * Everything Kring keeps. One interface so the SQLite default and a PostgreSQL implementation
 * can share one contract suite.
 */
export interface Store extends BoardStore {
  /** Creates the session row and appends its first events, in one transaction. */
  createSession(
    sessionId: string,
    joinCode: string,
    events: readonly NewSessionEvent[],
  ): Promise<SessionEvent[]>;
  sessionIdForJoinCode(joinCode: string): Promise<string | null>;
  /**
   * Appends events numbered from `expectedVersion + 1`; throws VersionConflictError when the
   * session is no longer at `expectedVersion`.
   */
  appendEvents(
    sessionId: string,
    expectedVersion: number,
    events: readonly NewSessionEvent[],
  ): Promise<SessionEvent[]>;
  loadEvents(sessionId: string): Promise<SessionEvent[]>;
  /** Which session a board belongs to, or null. */
  sessionIdForBoard(boardId: string): Promise<string | null>;
  /**
   * Sessions whose newest breakout event opened rooms (BR8): after a start the server sets their
   * countdowns again, and closes at once those whose time passed while it was down.
   */
  sessionsWithOpenBreakout(): Promise<string[]>;
  /** Whose drafts of a board have stored rows (participant ids), for the reveal. */
  draftOwners(boardId: string): Promise<string[]>;
  close(): Promise<void>;
}
