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

/** Board document persistence: an append-only log of Yjs updates per board, compacted now and then. */
export interface BoardStore {
  /** Appends one update; resolves once it is durable. Returns the row's sequence number. */
  appendBoardUpdate(boardId: string, update: Uint8Array): Promise<number>;
  loadBoardUpdates(boardId: string): Promise<StoredBoardUpdate[]>;
  /** Replaces every row with `seq <= throughSeq` by one merged update, in one transaction. */
  compactBoard(boardId: string, merged: Uint8Array, throughSeq: number): Promise<void>;
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
  close(): Promise<void>;
}
