import type {
  CaptionLine,
  CircleEvent,
  NewCircleEvent,
  NewSessionEvent,
  SessionEvent,
} from '@kring/protocol';

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
  /**
   * Replaces every stored row with `seq <= throughSeq` by one row at `throughSeq`: their state as
   * `mergeRows` (./merge-thread) makes it. The rows are the store's, not the caller's document: a row another
   * node wrote below `throughSeq` that the caller never applied is kept in the result, not lost
   * (issue 17: sequence numbers are not commit order), and every row is one the document took
   * (stored before anyone saw it), so the caller's copy adds nothing. Rows still uncommitted stay
   * as they are. The Yjs work runs off the event loop (`MergeThread`); what is swapped in replaces
   * exactly the rows merged, or nothing (then it rejects, and the next compaction does it).
   */
  compactBoard(docId: string, throughSeq: number): Promise<void>;
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

/** Where a caption URL's new line goes, read in one go (CA4). */
export interface CaptionPlace {
  /** This URL already stored a line with this `seq` (a retry): ignore it. */
  duplicate: boolean;
  /** The smallest order among this URL's lines with a higher `seq` (null: none). */
  laterOrder: number | null;
}

/**
 * The caption transcript (issue 12): lines kept apart from the event log, so a transcript can be
 * deleted as a whole. Orders follow core CA4; a caption URL's `seq` is stored once per URL.
 */
export interface CaptionStore {
  /** Stores a line; false when its URL already stored that `seq` (nothing is written then). */
  addCaptionLine(sessionId: string, line: CaptionLine): Promise<boolean>;
  /** A scope's lines in transcript order (`latest`: only the last so many), or every scope's. */
  captionLines(sessionId: string, options?: { scope?: string; latest?: number }): Promise<CaptionLine[]>;
  captionLine(sessionId: string, lineId: string): Promise<CaptionLine | null>;
  /** This person's most recent line in a scope (CA5: the one they may correct). */
  latestCaptionLineBy(sessionId: string, scope: string, participantId: string): Promise<CaptionLine | null>;
  correctCaptionLine(sessionId: string, lineId: string, text: string, at: number): Promise<void>;
  captionPlace(sessionId: string, sourceId: string, seq: number): Promise<CaptionPlace>;
  /** The session's highest order so far (null: no lines) and how many lines it keeps. */
  captionTail(sessionId: string): Promise<{ lastOrder: number | null; count: number }>;
  /** The highest `seq` this URL posted (0: none), for caption software resuming after a drop. */
  lastCaptionSeq(sessionId: string, sourceId: string): Promise<number>;
  /** CA7: deletes the whole transcript, out of the file and its WAL; returns how many lines went. */
  deleteCaptionLines(sessionId: string): Promise<number>;
}

/**
 * Circles (issue 16): their own event log beside sessions', looked up by their public code.
 * Appends use the same optimistic concurrency (VersionConflictError, naming the circle).
 */
export interface CircleStore extends RegistrationStore, HarvestStore {
  /** Creates the circle row and appends its first events, in one transaction. */
  createCircle(
    circleId: string,
    code: string,
    events: readonly NewCircleEvent[],
    /** CI12: when it is to be deleted, as it starts. */
    expiresAt: number,
  ): Promise<CircleEvent[]>;
  /**
   * Appends events numbered from `expectedVersion + 1`; throws VersionConflictError when the
   * circle is no longer at `expectedVersion`. A `member.removed` event blanks that member's name
   * in the events before it, in the same transaction (their name leaves the disk with them).
   */
  appendCircleEvents(
    circleId: string,
    expectedVersion: number,
    events: readonly NewCircleEvent[],
  ): Promise<CircleEvent[]>;
  /** The circle's events after version `after` (0: all), in order; none for an unknown circle. */
  loadCircleEvents(circleId: string, after?: number): Promise<CircleEvent[]>;
  circleIdForCode(code: string): Promise<string | null>;
  /**
   * CI26: the circle a lasting board belongs to (null: none, or a session's board). Appending
   * `circleBoard.added` makes the board's row in the same transaction; `circleBoard.removed`
   * deletes it and its documents' update logs, then checkpoints the WAL.
   */
  circleIdForBoard(boardId: string): Promise<string | null>;
  /**
   * Deletes the circle and its events in one transaction, then checkpoints the WAL so no copy of
   * its words is left in either file (as `deleteSession`). False when there was no such circle.
   */
  deleteCircle(circleId: string): Promise<boolean>;
  /** CI12: the circles whose time has come, oldest expiry first. */
  circlesExpiredBy(now: number): Promise<string[]>;
  setCircleExpiry(circleId: string, expiresAt: number): Promise<void>;
  /** CI12: when the circle is to be deleted, as stored (null: unknown circle). */
  circleExpiry(circleId: string): Promise<number | null>;
}

/**
 * Registrations for meetings (CI21–CI25): a table of their own, apart from the circle's event log,
 * so a registration (name, e-mail address) leaves the disk whole; they go with their circle.
 */
export interface RegistrationStore {
  addRegistration(registration: StoredRegistration): Promise<void>;
  /** A meeting's registrations in the order people came. */
  meetingRegistrations(circleId: string, seriesId: string, key: string): Promise<StoredRegistration[]>;
  registration(circleId: string, registrationId: string): Promise<StoredRegistration | null>;
  setRegistrationStatus(
    circleId: string,
    registrationIds: readonly string[],
    status: 'registered',
  ): Promise<void>;
  /** CI23: the participant a registrant is in the meeting's session. */
  setRegistrationParticipant(circleId: string, registrationId: string, participantId: string): Promise<void>;
  /** Deletes one at once, out of the file and its WAL (CI23/CI24). False when there was none. */
  deleteRegistration(circleId: string, registrationId: string): Promise<boolean>;
  /** CI25: deletes a meeting's registrations, out of the file and its WAL; how many went. */
  deleteMeetingRegistrations(circleId: string, seriesId: string, key: string): Promise<number>;
  /** CI25: every meeting that has registrations, for the retention sweep. */
  registrationMeetings(): Promise<{ circleId: string; seriesId: string; key: string }[]>;
}

/**
 * CI28: meeting harvests kept with a circle, apart from its event log so one is deleted whole;
 * they go with their circle. One per meeting: keeping again replaces it.
 */
export interface HarvestStore {
  keepHarvest(harvest: StoredHarvest): Promise<void>;
  /** A circle's harvests without their text, newest meeting first. */
  harvests(circleId: string): Promise<Omit<StoredHarvest, 'markdown'>[]>;
  harvest(circleId: string, harvestId: string): Promise<StoredHarvest | null>;
  /** Deletes one at once, out of the file and its WAL. False when there was none. */
  deleteHarvest(circleId: string, harvestId: string): Promise<boolean>;
}

/** A meeting's harvest as kept (CI28). */
export interface StoredHarvest {
  id: string;
  circleId: string;
  seriesId: string;
  key: string;
  /** The meeting's session title when it was kept. */
  title: string;
  markdown: string;
  keptAt: number;
}

/** One registration for a meeting as stored (CI21). */
export interface StoredRegistration {
  id: string;
  circleId: string;
  seriesId: string;
  key: string;
  displayName: string;
  /** Only when given and the series asks for one (CI21). */
  email: string | null;
  status: 'registered' | 'waiting';
  createdAt: number;
  participantId: string | null;
}

/**
 * Everything Kring keeps. One interface so the SQLite default and a PostgreSQL implementation
 * can share one contract suite.
 */
export interface Store extends BoardStore, CaptionStore, CircleStore {
  /** Creates the session row and appends its first events, in one transaction. */
  createSession(
    sessionId: string,
    joinCode: string,
    events: readonly NewSessionEvent[],
    /** PR3: when it is to be deleted, as it starts. */
    expiresAt: number,
  ): Promise<SessionEvent[]>;
  /** PR3: when the session is to be deleted (the server sets it again after every batch). */
  setSessionExpiry(sessionId: string, expiresAt: number): Promise<void>;
  /** PR3: when the session is to be deleted, as stored (null: unknown session). */
  sessionExpiry(sessionId: string): Promise<number | null>;
  /** PR3: the sessions whose time has come, oldest expiry first. */
  sessionsExpiredBy(now: number): Promise<string[]>;
  /**
   * PR4: deletes everything of a session in one transaction (events, participants, boards and
   * their documents, the transcript), then checkpoints the WAL so no copy of its words is left in
   * either file (secure delete zeroes the freed pages). False when there was no such session.
   */
  deleteSession(sessionId: string): Promise<boolean>;
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
  /**
   * The session's events in version order; with `after`, only those with a version above it (a
   * node catching its cached state up with what another node appended, issue 17).
   */
  loadEvents(sessionId: string, after?: number): Promise<SessionEvent[]>;
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
