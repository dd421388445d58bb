import type Database from 'better-sqlite3';
import type { StoredRegistration } from './store';
import { type RegistrationRow, registrationFromRow } from './rows';

/**
 * Registrations for meetings in the SQLite file (migration 7, CI21–CI25). Every deletion is
 * followed by a WAL checkpoint: secure_delete zeroed the freed pages, and the checkpoint writes
 * them back and empties the WAL, which held older copies — a cancelled registrant's e-mail
 * address is then in neither file.
 */
export class SqliteRegistrations {
  private readonly insert;
  private readonly list;
  private readonly get;
  private readonly status;
  private readonly participant;
  private readonly removeOne;
  private readonly removeMeetingRows;
  private readonly meetingRows;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO circle_registrations
       (id, circle_id, series_id, meeting_key, display_name, email, status, created_at, participant_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.list = db.prepare(
      `SELECT * FROM circle_registrations WHERE circle_id = ? AND series_id = ? AND meeting_key = ?
       ORDER BY rowid`,
    );
    this.get = db.prepare('SELECT * FROM circle_registrations WHERE circle_id = ? AND id = ?');
    this.status = db.prepare('UPDATE circle_registrations SET status = ? WHERE circle_id = ? AND id = ?');
    this.participant = db.prepare(
      'UPDATE circle_registrations SET participant_id = ? WHERE circle_id = ? AND id = ?',
    );
    this.removeOne = db.prepare('DELETE FROM circle_registrations WHERE circle_id = ? AND id = ?');
    this.removeMeetingRows = db.prepare(
      'DELETE FROM circle_registrations WHERE circle_id = ? AND series_id = ? AND meeting_key = ?',
    );
    this.meetingRows = db.prepare(
      `SELECT DISTINCT circle_id, series_id, meeting_key FROM circle_registrations
       ORDER BY circle_id, series_id, meeting_key`,
    );
  }

  async add(r: StoredRegistration): Promise<void> {
    this.insert.run(
      r.id,
      r.circleId,
      r.seriesId,
      r.key,
      r.displayName,
      r.email,
      r.status,
      r.createdAt,
      r.participantId,
    );
  }

  async ofMeeting(circleId: string, seriesId: string, key: string): Promise<StoredRegistration[]> {
    return (this.list.all(circleId, seriesId, key) as RegistrationRow[]).map(registrationFromRow);
  }

  async one(circleId: string, id: string): Promise<StoredRegistration | null> {
    const row = this.get.get(circleId, id) as RegistrationRow | undefined;
    return row ? registrationFromRow(row) : null;
  }

  async setStatus(circleId: string, ids: readonly string[], status: 'registered'): Promise<void> {
    this.db.transaction(() => {
      for (const id of ids) this.status.run(status, circleId, id);
    })();
  }

  async setParticipant(circleId: string, id: string, participantId: string): Promise<void> {
    this.participant.run(participantId, circleId, id);
  }

  async remove(circleId: string, id: string): Promise<boolean> {
    const { changes } = this.removeOne.run(circleId, id);
    if (changes > 0) this.checkpoint();
    return changes > 0;
  }

  async removeMeeting(circleId: string, seriesId: string, key: string): Promise<number> {
    const { changes } = this.removeMeetingRows.run(circleId, seriesId, key);
    if (changes > 0) this.checkpoint();
    return changes;
  }

  async meetings(): Promise<{ circleId: string; seriesId: string; key: string }[]> {
    const rows = this.meetingRows.all() as { circle_id: string; series_id: string; meeting_key: string }[];
    return rows.map((r) => ({ circleId: r.circle_id, seriesId: r.series_id, key: r.meeting_key }));
  }

  private checkpoint(): void {
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
