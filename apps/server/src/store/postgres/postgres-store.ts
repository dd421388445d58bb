import postgres, { type Sql } from 'postgres';
import type {
  CaptionLine,
  CircleEvent,
  NewCircleEvent,
  NewSessionEvent,
  SessionEvent,
} from '@kring/protocol';
import type { CaptionPlace, Store, StoredBoardUpdate, StoredHarvest, StoredRegistration } from '../store';
import { MergeThread } from '../merge-thread';
import { PgBoards } from './boards';
import { PgCaptions } from './captions';
import { PgCircles } from './circles';
import { PgHarvests } from './harvests';
import { migrate } from './migrations';
import { PgRegistrations } from './registrations';
import { PgSessions } from './sessions';
import { VACUUM_WITHIN_MS, VacuumSoon } from './vacuum';

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** How soon a VACUUM follows a deletion or erasure (tests make it short). */
  vacuumWithinMs?: number;
  /** Told when compaction's merge thread failed (its merges are then made on the event loop). */
  onThreadError?: (error: string) => void;
}

/**
 * The PostgreSQL store, chosen by DATABASE_URL: the same `Store` contract as SQLite, on a pool of
 * connections, so several server processes could share one database. Every method resolves once
 * its transaction committed. `open` migrates the schema before the store is handed out.
 */
export class PostgresStore implements Store {
  private readonly sessions: PgSessions;
  private readonly boards: PgBoards;
  private readonly captions: PgCaptions;
  private readonly circles: PgCircles;
  private readonly registrations: PgRegistrations;
  private readonly harvestRows: PgHarvests;
  private readonly vacuum: VacuumSoon;
  private readonly merger: MergeThread;

  private constructor(
    private readonly sql: Sql,
    vacuumWithinMs: number,
    onThreadError: ((error: string) => void) | undefined,
  ) {
    this.vacuum = new VacuumSoon(sql, vacuumWithinMs);
    this.merger = new MergeThread(onThreadError);
    this.sessions = new PgSessions(sql, this.vacuum);
    this.boards = new PgBoards(sql, this.vacuum, this.merger);
    this.captions = new PgCaptions(sql, this.vacuum);
    this.circles = new PgCircles(sql, this.vacuum);
    this.registrations = new PgRegistrations(sql, this.vacuum);
    this.harvestRows = new PgHarvests(sql, this.vacuum);
  }

  /** Connects, brings the schema up to date and returns the store; closes the pool if that fails. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const sql = postgres(url, {
      max: options.max ?? 10,
      // Notices ("relation already exists, skipping") are not the log's business.
      onnotice: () => {},
      connection: { application_name: 'kring' },
    });
    try {
      await migrate(sql);
    } catch (err) {
      await sql.end({ timeout: 5 });
      throw err;
    }
    return new PostgresStore(sql, options.vacuumWithinMs ?? VACUUM_WITHIN_MS, options.onThreadError);
  }

  /** Runs the VACUUM that is pending now instead of waiting for it (tests; close does it too). */
  vacuumNow(): Promise<void> {
    return this.vacuum.now();
  }

  // Sessions and their event log: sessions.ts.
  createSession(
    sessionId: string,
    joinCode: string,
    events: readonly NewSessionEvent[],
    expiresAt: number,
  ): Promise<SessionEvent[]> {
    return this.sessions.createSession(sessionId, joinCode, events, expiresAt);
  }
  setSessionExpiry(sessionId: string, expiresAt: number): Promise<void> {
    return this.sessions.setSessionExpiry(sessionId, expiresAt);
  }
  sessionExpiry(sessionId: string): Promise<number | null> {
    return this.sessions.sessionExpiry(sessionId);
  }
  sessionsExpiredBy(now: number): Promise<string[]> {
    return this.sessions.sessionsExpiredBy(now);
  }
  deleteSession(sessionId: string): Promise<boolean> {
    return this.sessions.deleteSession(sessionId);
  }
  sessionIdForJoinCode(joinCode: string): Promise<string | null> {
    return this.sessions.sessionIdForJoinCode(joinCode);
  }
  appendEvents(
    sessionId: string,
    expectedVersion: number,
    events: readonly NewSessionEvent[],
  ): Promise<SessionEvent[]> {
    return this.sessions.appendEvents(sessionId, expectedVersion, events);
  }
  loadEvents(sessionId: string, after?: number): Promise<SessionEvent[]> {
    return this.sessions.loadEvents(sessionId, after);
  }
  sessionsWithOpenBreakout(): Promise<string[]> {
    return this.sessions.sessionsWithOpenBreakout();
  }

  // Boards and their documents: boards.ts.
  sessionIdForBoard(boardId: string): Promise<string | null> {
    return this.boards.sessionIdForBoard(boardId);
  }
  appendBoardUpdate(docId: string, update: Uint8Array): Promise<number> {
    return this.boards.appendBoardUpdate(docId, update);
  }
  loadBoardUpdates(docId: string): Promise<StoredBoardUpdate[]> {
    return this.boards.loadBoardUpdates(docId);
  }
  compactBoard(docId: string, throughSeq: number): Promise<void> {
    return this.boards.compactBoard(docId, throughSeq);
  }
  draftOwners(boardId: string): Promise<string[]> {
    return this.boards.draftOwners(boardId);
  }

  // The transcript (issue 12): captions.ts.
  addCaptionLine(sessionId: string, line: CaptionLine): Promise<boolean> {
    return this.captions.addCaptionLine(sessionId, line);
  }
  captionLines(sessionId: string, options?: { scope?: string; latest?: number }): Promise<CaptionLine[]> {
    return this.captions.captionLines(sessionId, options);
  }
  captionLine(sessionId: string, lineId: string): Promise<CaptionLine | null> {
    return this.captions.captionLine(sessionId, lineId);
  }
  latestCaptionLineBy(sessionId: string, scope: string, participantId: string): Promise<CaptionLine | null> {
    return this.captions.latestCaptionLineBy(sessionId, scope, participantId);
  }
  correctCaptionLine(sessionId: string, lineId: string, text: string, at: number): Promise<void> {
    return this.captions.correctCaptionLine(sessionId, lineId, text, at);
  }
  captionPlace(sessionId: string, sourceId: string, seq: number): Promise<CaptionPlace> {
    return this.captions.captionPlace(sessionId, sourceId, seq);
  }
  captionTail(sessionId: string): Promise<{ lastOrder: number | null; count: number }> {
    return this.captions.captionTail(sessionId);
  }
  lastCaptionSeq(sessionId: string, sourceId: string): Promise<number> {
    return this.captions.lastCaptionSeq(sessionId, sourceId);
  }
  deleteCaptionLines(sessionId: string): Promise<number> {
    return this.captions.deleteCaptionLines(sessionId);
  }

  // Circles (issue 16): circles.ts.
  createCircle(
    circleId: string,
    code: string,
    events: readonly NewCircleEvent[],
    expiresAt: number,
  ): Promise<CircleEvent[]> {
    return this.circles.createCircle(circleId, code, events, expiresAt);
  }
  appendCircleEvents(
    circleId: string,
    expectedVersion: number,
    events: readonly NewCircleEvent[],
  ): Promise<CircleEvent[]> {
    return this.circles.appendCircleEvents(circleId, expectedVersion, events);
  }
  loadCircleEvents(circleId: string, after?: number): Promise<CircleEvent[]> {
    return this.circles.loadCircleEvents(circleId, after);
  }
  circleIdForCode(code: string): Promise<string | null> {
    return this.circles.circleIdForCode(code);
  }
  circleIdForBoard(boardId: string): Promise<string | null> {
    return this.circles.circleIdForBoard(boardId);
  }
  deleteCircle(circleId: string): Promise<boolean> {
    return this.circles.deleteCircle(circleId);
  }
  circlesExpiredBy(now: number): Promise<string[]> {
    return this.circles.circlesExpiredBy(now);
  }
  setCircleExpiry(circleId: string, expiresAt: number): Promise<void> {
    return this.circles.setCircleExpiry(circleId, expiresAt);
  }
  circleExpiry(circleId: string): Promise<number | null> {
    return this.circles.circleExpiry(circleId);
  }

  // Registrations (CI21–CI25): registrations.ts.
  addRegistration(registration: StoredRegistration): Promise<void> {
    return this.registrations.addRegistration(registration);
  }
  meetingRegistrations(circleId: string, seriesId: string, key: string): Promise<StoredRegistration[]> {
    return this.registrations.meetingRegistrations(circleId, seriesId, key);
  }
  registration(circleId: string, registrationId: string): Promise<StoredRegistration | null> {
    return this.registrations.registration(circleId, registrationId);
  }
  setRegistrationStatus(circleId: string, ids: readonly string[], status: 'registered'): Promise<void> {
    return this.registrations.setRegistrationStatus(circleId, ids, status);
  }
  setRegistrationParticipant(circleId: string, registrationId: string, participantId: string): Promise<void> {
    return this.registrations.setRegistrationParticipant(circleId, registrationId, participantId);
  }
  deleteRegistration(circleId: string, registrationId: string): Promise<boolean> {
    return this.registrations.deleteRegistration(circleId, registrationId);
  }
  deleteMeetingRegistrations(circleId: string, seriesId: string, key: string): Promise<number> {
    return this.registrations.deleteMeetingRegistrations(circleId, seriesId, key);
  }
  registrationMeetings(): Promise<{ circleId: string; seriesId: string; key: string }[]> {
    return this.registrations.registrationMeetings();
  }

  // Kept harvests (CI28): harvests.ts.
  keepHarvest(harvest: StoredHarvest): Promise<void> {
    return this.harvestRows.keepHarvest(harvest);
  }
  harvests(circleId: string): Promise<Omit<StoredHarvest, 'markdown'>[]> {
    return this.harvestRows.harvests(circleId);
  }
  harvest(circleId: string, harvestId: string): Promise<StoredHarvest | null> {
    return this.harvestRows.harvest(circleId, harvestId);
  }
  deleteHarvest(circleId: string, harvestId: string): Promise<boolean> {
    return this.harvestRows.deleteHarvest(circleId, harvestId);
  }

  /** Runs the pending VACUUM (a stop must not skip it), then closes the pool. */
  async close(): Promise<void> {
    await this.merger.close();
    await this.vacuum.now();
    await this.sql.end({ timeout: 5 });
  }
}
