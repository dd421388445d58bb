import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CaptionLine,
  CircleEvent,
  NewCircleEvent,
  NewSessionEvent,
  SessionEvent,
} from '@kring/protocol';
import { SessionEvent as SessionEventSchema } from '@kring/protocol';
import { type Erasure, erasuresOf, withVersions } from '@kring/core';
import { SQLITE_MIGRATIONS } from './migrations';
import { SqliteCaptions } from './sqlite-captions';
import { SqliteCircles } from './sqlite-circles';
import { SqliteHarvests } from './sqlite-harvests';
import { SqliteRegistrations } from './sqlite-registrations';
import { MergeThread } from './merge-thread';
import { WalCheckpointer } from './wal-checkpointer';
import {
  type CaptionPlace,
  type StoredBoardUpdate,
  type StoredHarvest,
  type StoredRegistration,
  type Store,
  VersionConflictError,
  docIdOf,
  parseDocId,
} from './store';

/**
 * After words were erased (PR6), the WAL still holds older copies of their pages until a
 * checkpoint writes the pages back and truncates it: one follows within this long.
 */
export const ERASURE_CHECKPOINT_MS = 30_000;
/** SQLite's own automatic checkpoint threshold, back in force if the checkpoint thread fails. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/**
 * The embedded default store: one SQLite file in WAL mode under DATA_DIR. better-sqlite3 is
 * synchronous, so every write is on disk (WAL, synchronous=NORMAL) when the promise resolves.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly captions: SqliteCaptions;
  private readonly circles: SqliteCircles;
  private readonly registrations: SqliteRegistrations;
  private readonly harvestRows: SqliteHarvests;
  /**
   * Statements by their SQL, prepared once: preparing again for every row was most of a board
   * write's store time (issue 14: 0.12 ms of prepare against 0.03 ms of insert). The SQL texts are
   * this file's constants, so the map stays small.
   */
  private readonly statements = new Map<string, Database.Statement>();
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly checkpointer: WalCheckpointer;
  private readonly merger: MergeThread;

  constructor(
    dataDir: string,
    /** How soon a checkpoint follows an erasure (tests make it short). */
    private readonly erasureCheckpointMs = ERASURE_CHECKPOINT_MS,
    /**
     * Told when one of the store's threads failed (the WAL's checkpoints, compaction's merges):
     * its work is then done on the event loop again.
     */
    onThreadError: (error: string) => void = () => {},
    /** Where compaction merges (bench:compaction compares it with the event loop). */
    merger?: MergeThread,
  ) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'kring.db');
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Issue 14: the WAL is copied back by a thread of its own, not inside whichever write fills it.
    this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = WalCheckpointer.start(file, {
      onError: (error) => {
        if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
        onThreadError(error);
      },
    });
    this.merger = merger ?? new MergeThread(onThreadError);
    this.db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, so compacting away removed words (BD11) also takes
    // them out of the file's free pages.
    this.db.pragma('secure_delete = ON');
    this.migrate();
    this.captions = new SqliteCaptions(this.db);
    this.circles = new SqliteCircles(this.db);
    this.registrations = new SqliteRegistrations(this.db);
    this.harvestRows = new SqliteHarvests(this.db);
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current >= SQLITE_MIGRATIONS.length) return;
    // Off outside the transactions (SQLite ignores the pragma inside one): dropping a rebuilt
    // table must not cascade into the rows that point at it. Each migration checks them instead.
    this.db.pragma('foreign_keys = OFF');
    try {
      for (let i = current; i < SQLITE_MIGRATIONS.length; i++) {
        this.db.transaction(() => {
          this.db.exec(SQLITE_MIGRATIONS[i]!);
          const broken = this.db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0)
            throw new Error(`migration ${i + 1} left ${broken.length} broken references`);
          this.db.pragma(`user_version = ${i + 1}`);
        })();
      }
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  async createSession(
    sessionId: string,
    joinCode: string,
    events: readonly NewSessionEvent[],
    expiresAt: number,
  ): Promise<SessionEvent[]> {
    const first = events[0];
    this.sql(
      'INSERT INTO sessions (id, join_code, version, created_at, expires_at) VALUES (?, ?, 0, ?, ?)',
    ).run(sessionId, joinCode, first?.at ?? 0, expiresAt);
    try {
      return this.append(sessionId, 0, events);
    } catch (err) {
      this.sql('DELETE FROM sessions WHERE id = ?').run(sessionId);
      throw err;
    }
  }

  async setSessionExpiry(sessionId: string, expiresAt: number): Promise<void> {
    this.sql('UPDATE sessions SET expires_at = ? WHERE id = ?').run(expiresAt, sessionId);
  }

  async sessionExpiry(sessionId: string): Promise<number | null> {
    const row = this.sql('SELECT expires_at FROM sessions WHERE id = ?').get(sessionId) as
      { expires_at: number | null } | undefined;
    return row?.expires_at ?? null;
  }

  async sessionsExpiredBy(now: number): Promise<string[]> {
    const rows = this.sql('SELECT id FROM sessions WHERE expires_at <= ? ORDER BY expires_at, id').all(
      now,
    ) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    // Foreign keys cascade from `sessions` to events, participants, boards (and from boards to
    // their update logs) and the transcript: one statement, one transaction. A circle's lasting
    // boards are the circle's rows (CI26), so they stay.
    const { changes } = this.sql('DELETE FROM sessions WHERE id = ?').run(sessionId);
    // secure_delete zeroed the freed pages; the checkpoint writes them back and truncates the WAL,
    // which held the older copies.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changes === 1;
  }

  async sessionIdForJoinCode(joinCode: string): Promise<string | null> {
    const row = this.sql('SELECT id FROM sessions WHERE join_code = ?').get(joinCode) as
      { id: string } | undefined;
    return row?.id ?? null;
  }

  async appendEvents(
    sessionId: string,
    expectedVersion: number,
    events: readonly NewSessionEvent[],
  ): Promise<SessionEvent[]> {
    return this.append(sessionId, expectedVersion, events);
  }

  private append(sessionId: string, expectedVersion: number, events: readonly NewSessionEvent[]) {
    const numbered = withVersions(expectedVersion, events);
    this.db.transaction(() => {
      const bumped = this.sql('UPDATE sessions SET version = ? WHERE id = ? AND version = ?').run(
        expectedVersion + numbered.length,
        sessionId,
        expectedVersion,
      );
      if (bumped.changes !== 1) throw new VersionConflictError(sessionId, expectedVersion);
      const insert = this.sql('INSERT INTO session_events (session_id, version, body) VALUES (?, ?, ?)');
      let erased = false;
      for (const e of numbered) {
        insert.run(sessionId, e.v, JSON.stringify(e));
        this.project(sessionId, e);
        for (const erasure of erasuresOf(e)) erased = this.erase(sessionId, erasure, e.v) || erased;
      }
      if (erased) this.checkpointSoon();
    })();
    return numbered;
  }

  /**
   * PR6: rewrites the stored events before `before` that carry words `erasure` takes away, in the
   * transaction that appends the event erasing them. `json_replace` changes only paths that exist.
   */
  private erase(sessionId: string, erasure: Erasure, before: number): boolean {
    const entries = Object.entries(erasure.set);
    const args = entries.flatMap(([path, value]) => [path, JSON.stringify(value)]);
    const setter = entries.map(() => '?, json(?)').join(', ');
    const { changes } = this.sql(
      `UPDATE session_events SET body = json_replace(body, ${setter})
         WHERE session_id = ? AND version < ? AND json_extract(body, '$.type') = ?
           AND json_extract(body, ?) = ?`,
    ).run(...args, sessionId, before, erasure.type, erasure.where.path, erasure.where.equals);
    return changes > 0;
  }

  /** PR6: a TRUNCATE checkpoint within `ERASURE_CHECKPOINT_MS` (one for many erasures). */
  private checkpointSoon(): void {
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      this.checkpoint();
    }, this.erasureCheckpointMs);
    this.checkpointTimer.unref();
  }

  /** Writes the WAL back into the database file and empties it (older page copies go with it). */
  checkpoint(): void {
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Keeps the lookup tables (participants, boards) in step with the event log. */
  private project(sessionId: string, e: SessionEvent): void {
    if (e.type === 'participant.joined') {
      this.sql(
        'INSERT INTO participants (id, session_id, display_name, role, joined_at) VALUES (?, ?, ?, ?, ?)',
      ).run(e.participantId, sessionId, e.displayName, e.role, e.at);
    } else if (e.type === 'participant.renamed') {
      this.sql('UPDATE participants SET display_name = ? WHERE session_id = ? AND id = ?').run(
        e.displayName,
        sessionId,
        e.participantId,
      );
    } else if (e.type === 'participant.roleChanged') {
      this.sql('UPDATE participants SET role = ? WHERE session_id = ? AND id = ?').run(
        e.role,
        sessionId,
        e.participantId,
      );
    } else if (e.type === 'participant.removed') {
      this.sql('DELETE FROM participants WHERE session_id = ? AND id = ?').run(sessionId, e.participantId);
    } else if (e.type === 'board.created' && !e.lasting) {
      // CI26: a lasting board's row is its circle's (sqlite-circles.ts), not this session's.
      this.sql('INSERT INTO boards (id, session_id) VALUES (?, ?)').run(e.boardId, sessionId);
    } else if (e.type === 'session.joinCodeChanged') {
      // J4: the lookup follows in the same transaction as the event; the old code finds nothing.
      this.sql('UPDATE sessions SET join_code = ? WHERE id = ?').run(e.joinCode, sessionId);
    } else if (e.type === 'breakout.created') {
      // BR1: each room has a board of its own, stored like any other.
      const insert = this.sql('INSERT INTO boards (id, session_id) VALUES (?, ?)');
      for (const room of e.rooms) insert.run(room.boardId, sessionId);
    }
  }

  async loadEvents(sessionId: string, after = 0): Promise<SessionEvent[]> {
    const rows = this.sql(
      'SELECT body FROM session_events WHERE session_id = ? AND version > ? ORDER BY version',
    ).all(sessionId, after) as { body: string }[];
    return rows.map((r) => SessionEventSchema.parse(JSON.parse(r.body)));
  }

  async sessionIdForBoard(boardId: string): Promise<string | null> {
    const row = this.sql('SELECT session_id FROM boards WHERE id = ?').get(boardId) as
      { session_id: string } | undefined;
    return row?.session_id ?? null;
  }

  async sessionsWithOpenBreakout(): Promise<string[]> {
    // Only at start-up: one pass over the log. A breakout's rooms are open from `breakout.opened`
    // until `breakout.closed` (or the next `breakout.created`, which needs it closed first).
    const rows = this.sql(
      `WITH marks AS (
           SELECT session_id, version, json_extract(body, '$.type') AS type FROM session_events
           WHERE json_extract(body, '$.type') IN ('breakout.created', 'breakout.opened', 'breakout.closed')
         )
         SELECT m.session_id AS id FROM marks m
         WHERE m.type = 'breakout.opened'
           AND m.version = (SELECT MAX(x.version) FROM marks x WHERE x.session_id = m.session_id)
         ORDER BY m.session_id`,
    ).all() as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The store splits a document id into the board (foreign key, cascade) and the document in it. */
  private key(docId: string): [string, string] {
    const parsed = parseDocId(docId);
    if (!parsed) throw new Error('not a board document id');
    // The `doc` column is the part after the board id ('' for the board itself).
    const { boardId } = parsed;
    return [boardId, docIdOf(boardId, parsed.doc).slice(boardId.length + 1)];
  }

  async appendBoardUpdate(docId: string, update: Uint8Array): Promise<number> {
    const res = this.sql('INSERT INTO board_updates (board_id, doc, update_bytes) VALUES (?, ?, ?)').run(
      ...this.key(docId),
      Buffer.from(update.buffer, update.byteOffset, update.byteLength),
    );
    return Number(res.lastInsertRowid);
  }

  async loadBoardUpdates(docId: string): Promise<StoredBoardUpdate[]> {
    const rows = this.sql(
      'SELECT seq, update_bytes FROM board_updates WHERE board_id = ? AND doc = ? ORDER BY seq',
    ).all(...this.key(docId)) as { seq: number; update_bytes: Buffer }[];
    return rows.map((r) => ({ seq: r.seq, update: new Uint8Array(r.update_bytes) }));
  }

  async compactBoard(docId: string, throughSeq: number): Promise<void> {
    const [boardId, doc] = this.key(docId);
    const rows = this.sql(
      'SELECT seq, update_bytes FROM board_updates WHERE board_id = ? AND doc = ? AND seq <= ? ORDER BY seq',
    ).all(boardId, doc, throughSeq) as { seq: number; update_bytes: Buffer }[];
    if (rows.length === 0) return;
    // Off the event loop: a big board's merge takes tens of milliseconds (see MergeThread).
    const state = await this.merger.merge(rows.map((r) => new Uint8Array(r.update_bytes)));
    const swapped = this.db.transaction(() => {
      // Rows at or below `throughSeq` only ever go (a compaction, the board's deletion), never
      // come (AUTOINCREMENT: an append takes a seq above every seq there was), so the same count
      // and last seq are the same rows: what was merged is exactly what is replaced.
      const now = this.sql(
        'SELECT count(*) AS n, max(seq) AS last FROM board_updates WHERE board_id = ? AND doc = ? AND seq <= ?',
      ).get(boardId, doc, throughSeq) as { n: number; last: number | null };
      // None left: the board was deleted meanwhile (or a later compaction took them): nothing to do.
      if (now.n === 0) return true;
      if (now.n !== rows.length || now.last !== rows[rows.length - 1]!.seq) return false;
      this.sql('DELETE FROM board_updates WHERE board_id = ? AND doc = ? AND seq <= ?').run(
        boardId,
        doc,
        throughSeq,
      );
      // The merged row must sort before rows appended after `throughSeq`, so it takes that seq.
      this.sql('INSERT INTO board_updates (board_id, doc, seq, update_bytes) VALUES (?, ?, ?, ?)').run(
        boardId,
        doc,
        throughSeq,
        Buffer.from(state.buffer, state.byteOffset, state.byteLength),
      );
      return true;
    })();
    if (!swapped) throw new Error('the rows changed while they were merged; the next compaction takes them');
    // PR6: compaction is how removed and edited-away words leave a board's log; the WAL follows.
    this.checkpointSoon();
  }

  async draftOwners(boardId: string): Promise<string[]> {
    const rows = this.sql(
      "SELECT DISTINCT doc FROM board_updates WHERE board_id = ? AND doc LIKE 'drafts/%' ORDER BY doc",
    ).all(boardId) as { doc: string }[];
    return rows.map((r) => r.doc.slice('drafts/'.length));
  }

  // The transcript (issue 12) has its own class: sqlite-captions.ts.
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

  // Circles (issue 16) have their own class: sqlite-circles.ts.
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
  circleIdForBoard(boardId: string): Promise<string | null> {
    return this.circles.circleIdForBoard(boardId);
  }
  circleIdForCode(code: string): Promise<string | null> {
    return this.circles.circleIdForCode(code);
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

  // Kept harvests (CI28): sqlite-harvests.ts.
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

  // Registrations (issue 16, CI21–CI25): sqlite-registrations.ts.
  addRegistration(registration: StoredRegistration): Promise<void> {
    return this.registrations.add(registration);
  }
  meetingRegistrations(circleId: string, seriesId: string, key: string): Promise<StoredRegistration[]> {
    return this.registrations.ofMeeting(circleId, seriesId, key);
  }
  registration(circleId: string, registrationId: string): Promise<StoredRegistration | null> {
    return this.registrations.one(circleId, registrationId);
  }
  setRegistrationStatus(circleId: string, ids: readonly string[], status: 'registered'): Promise<void> {
    return this.registrations.setStatus(circleId, ids, status);
  }
  setRegistrationParticipant(circleId: string, registrationId: string, participantId: string): Promise<void> {
    return this.registrations.setParticipant(circleId, registrationId, participantId);
  }
  deleteRegistration(circleId: string, registrationId: string): Promise<boolean> {
    return this.registrations.remove(circleId, registrationId);
  }
  deleteMeetingRegistrations(circleId: string, seriesId: string, key: string): Promise<number> {
    return this.registrations.removeMeeting(circleId, seriesId, key);
  }
  registrationMeetings(): Promise<{ circleId: string; seriesId: string; key: string }[]> {
    return this.registrations.meetings();
  }

  async close(): Promise<void> {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    // Its connection first: the last one to close is the one that empties the WAL.
    await this.checkpointer.stop();
    await this.merger.close();
    this.checkpoint();
    this.db.close();
  }
}
