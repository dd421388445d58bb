import type Database from 'better-sqlite3';
import { type CircleEvent, CircleEvent as CircleEventSchema, type NewCircleEvent } from '@kring/protocol';
import { withCircleVersions } from '@kring/core';
import { type CircleStore, type HarvestStore, type RegistrationStore, VersionConflictError } from './store';

/**
 * Circles in the SQLite file (migrations 6 and 8; registrations: sqlite-registrations.ts, harvests:
 * sqlite-harvests.ts). Statements are prepared once.
 */
export class SqliteCircles implements Omit<CircleStore, keyof RegistrationStore | keyof HarvestStore> {
  private readonly insertCircle;
  private readonly bump;
  private readonly insertEvent;
  private readonly blankName;
  private readonly load;
  private readonly byCode;
  private readonly remove;
  private readonly expired;
  private readonly setExpiry;
  private readonly expiry;
  private readonly addBoard;
  private readonly removeBoard;
  private readonly boardCircle;

  constructor(private readonly db: Database.Database) {
    this.insertCircle = db.prepare(
      'INSERT INTO circles (id, code, version, created_at, expires_at) VALUES (?, ?, 0, ?, ?)',
    );
    this.bump = db.prepare('UPDATE circles SET version = ? WHERE id = ? AND version = ?');
    this.insertEvent = db.prepare('INSERT INTO circle_events (circle_id, version, body) VALUES (?, ?, ?)');
    // A removed member's name leaves the log: `json_replace` rewrites the events that carry it.
    this.blankName = db.prepare(
      `UPDATE circle_events SET body = json_replace(body, '$.name', '')
       WHERE circle_id = ? AND version < ? AND json_extract(body, '$.memberId') = ?
         AND json_extract(body, '$.type') IN ('member.added', 'member.renamed')`,
    );
    this.load = db.prepare(
      'SELECT body FROM circle_events WHERE circle_id = ? AND version > ? ORDER BY version',
    );
    this.byCode = db.prepare('SELECT id FROM circles WHERE code = ?');
    this.remove = db.prepare('DELETE FROM circles WHERE id = ?');
    this.expired = db.prepare('SELECT id FROM circles WHERE expires_at <= ? ORDER BY expires_at, id');
    this.setExpiry = db.prepare('UPDATE circles SET expires_at = ? WHERE id = ?');
    this.expiry = db.prepare('SELECT expires_at FROM circles WHERE id = ?');
    this.addBoard = db.prepare('INSERT INTO boards (id, circle_id) VALUES (?, ?)');
    // Its update log goes with it (ON DELETE CASCADE from boards).
    this.removeBoard = db.prepare('DELETE FROM boards WHERE id = ? AND circle_id = ?');
    this.boardCircle = db.prepare('SELECT circle_id FROM boards WHERE id = ? AND circle_id IS NOT NULL');
  }

  async createCircle(
    circleId: string,
    code: string,
    events: readonly NewCircleEvent[],
    expiresAt: number,
  ): Promise<CircleEvent[]> {
    const { numbered } = this.db.transaction(() => {
      this.insertCircle.run(circleId, code, events[0]?.at ?? 0, expiresAt);
      return this.append(circleId, 0, events);
    })();
    return numbered;
  }

  async appendCircleEvents(
    circleId: string,
    expectedVersion: number,
    events: readonly NewCircleEvent[],
  ): Promise<CircleEvent[]> {
    const { numbered, erased } = this.db.transaction(() => this.append(circleId, expectedVersion, events))();
    // secure_delete zeroed the pages of the rewritten rows; once committed, a checkpoint writes
    // them back and empties the WAL, which held the older copies.
    if (erased) this.checkpoint();
    return numbered;
  }

  /** Inside a transaction: checks the version, appends, and blanks the names of removed members. */
  private append(circleId: string, expectedVersion: number, events: readonly NewCircleEvent[]) {
    const numbered = withCircleVersions(expectedVersion, events);
    const bumped = this.bump.run(expectedVersion + numbered.length, circleId, expectedVersion);
    if (bumped.changes !== 1) throw new VersionConflictError(circleId, expectedVersion);
    let erased = false;
    for (const e of numbered) {
      this.insertEvent.run(circleId, e.v, JSON.stringify(e));
      if (e.type === 'member.removed') {
        erased = this.blankName.run(circleId, e.v, e.memberId).changes > 0 || erased;
      } else if (e.type === 'circleBoard.added') {
        // CI26: the board lookup follows the log in the same transaction, as sessions' boards do.
        this.addBoard.run(e.boardId, circleId);
      } else if (e.type === 'circleBoard.removed') {
        // CI27: its notes leave the file now (secure_delete), the WAL at the checkpoint below.
        erased = this.removeBoard.run(e.boardId, circleId).changes > 0 || erased;
      }
    }
    return { numbered, erased };
  }

  async loadCircleEvents(circleId: string, after = 0): Promise<CircleEvent[]> {
    const rows = this.load.all(circleId, after) as { body: string }[];
    return rows.map((r) => CircleEventSchema.parse(JSON.parse(r.body)));
  }

  async circleIdForBoard(boardId: string): Promise<string | null> {
    const row = this.boardCircle.get(boardId) as { circle_id: string } | undefined;
    return row?.circle_id ?? null;
  }

  async circleIdForCode(code: string): Promise<string | null> {
    const row = this.byCode.get(code) as { id: string } | undefined;
    return row?.id ?? null;
  }

  async deleteCircle(circleId: string): Promise<boolean> {
    // The events, lasting boards (with their update logs), registrations and harvests go with the
    // circle (ON DELETE CASCADE): one statement, one transaction.
    const { changes } = this.remove.run(circleId);
    this.checkpoint();
    return changes === 1;
  }

  async circlesExpiredBy(now: number): Promise<string[]> {
    return (this.expired.all(now) as { id: string }[]).map((r) => r.id);
  }

  async setCircleExpiry(circleId: string, expiresAt: number): Promise<void> {
    this.setExpiry.run(expiresAt, circleId);
  }

  async circleExpiry(circleId: string): Promise<number | null> {
    const row = this.expiry.get(circleId) as { expires_at: number } | undefined;
    return row?.expires_at ?? null;
  }

  /** Writes the WAL back into the database file and empties it (older page copies go with it). */
  private checkpoint(): void {
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
