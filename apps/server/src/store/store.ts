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
 * then. A document id names one of a board's documents (see `BoardDoc`, `docIdOf`); a board's
 * documents live and die together.
 */
export interface BoardStore {
  /** Appends one update; resolves once it is durable. Returns the row's sequence number. */
  appendBoardUpdate(docId: string, update: Uint8Array): Promise<number>;
  loadBoardUpdates(docId: string): Promise<StoredBoardUpdate[]>;
  /** Replaces every row with `seq <= throughSeq` by one merged update, in one transaction. */
  compactBoard(docId: string, merged: Uint8Array, throughSeq: number): Promise<void>;
}

/**
 * Which of a board's documents. Each has its own access rule, so the kinds are explicit:
 * - `board`: the board itself (BD5), id `<boardId>`;
 * - `drafts`: someone's drafts of it (BD7, theirs alone), id `<boardId>/drafts/<participantId>`;
 * - `moderation`: the words of its hidden notes (BD14: facilitators read, only the server
 *   writes), id `<boardId>/moderation`.
 */
export type BoardDoc = { kind: 'board' } | { kind: 'drafts'; ownerId: string } | { kind: 'moderation' };

export const BOARD_DOC: BoardDoc = { kind: 'board' };
export const MODERATION_DOC: BoardDoc = { kind: 'moderation' };
export const draftsDoc = (ownerId: string): BoardDoc => ({ kind: 'drafts', ownerId });
/** Whose drafts a document is, or null when it is not someone's drafts. */
export const draftsOwner = (doc: BoardDoc): string | null => (doc.kind === 'drafts' ? doc.ownerId : null);

/** The store key (and the path after `/yjs/`) of one of a board's documents. */
export function docIdOf(boardId: string, doc: BoardDoc = BOARD_DOC): string {
  switch (doc.kind) {
    case 'board':
      return boardId;
    case 'drafts':
      return `${boardId}/drafts/${doc.ownerId}`;
    case 'moderation':
      return `${boardId}/moderation`;
  }
}

/**
 * The inverse of `docIdOf`; null for anything it never produces (an unknown kind, empty parts).
 * Checks the shape only: whoever takes an id from outside validates the ids in it.
 */
export function parseDocId(docId: string): { boardId: string; doc: BoardDoc } | null {
  const [boardId, kind, ownerId, ...rest] = docId.split('/');
  if (!boardId || rest.length > 0) return null;
  if (kind === undefined) return { boardId, doc: BOARD_DOC };
  if (kind === 'moderation' && ownerId === undefined) return { boardId, doc: MODERATION_DOC };
  if (kind === 'drafts' && ownerId) return { boardId, doc: draftsDoc(ownerId) };
  return null;
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
  /**
   * The session whose current join code this is. J4: a `session.joinCodeChanged` event moves the
   * lookup to its code in the same transaction that appends it (an old code finds nothing), and a
   * code is never two sessions' at once (appending a code another session has fails).
   */
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
