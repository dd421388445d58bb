import type { Sql } from 'postgres';
import type { RegistrationStore, StoredRegistration } from '../store';
import type { VacuumSoon } from './vacuum';
import { type RegistrationRow, registrationFromRow } from '../rows';

/**
 * Registrations for meetings (CI21–CI25), apart from the circle's event log so a registration
 * (name, e-mail address) can be deleted whole; every deletion schedules a VACUUM of the table.
 */
export class PgRegistrations implements RegistrationStore {
  constructor(
    private readonly sql: Sql,
    private readonly vacuum: VacuumSoon,
  ) {}

  async addRegistration(r: StoredRegistration): Promise<void> {
    await this.sql`
      INSERT INTO circle_registrations
        (id, circle_id, series_id, meeting_key, display_name, email, status, created_at, participant_id)
      VALUES (${r.id}, ${r.circleId}, ${r.seriesId}, ${r.key}, ${r.displayName}, ${r.email}, ${r.status},
              ${r.createdAt}, ${r.participantId})`;
  }

  async meetingRegistrations(circleId: string, seriesId: string, key: string): Promise<StoredRegistration[]> {
    // `pos` is the order people came in (SQLite's rowid).
    const rows = await this.sql<RegistrationRow[]>`
      SELECT * FROM circle_registrations
      WHERE circle_id = ${circleId} AND series_id = ${seriesId} AND meeting_key = ${key} ORDER BY pos`;
    return rows.map(registrationFromRow);
  }

  async registration(circleId: string, registrationId: string): Promise<StoredRegistration | null> {
    const [row] = await this.sql<RegistrationRow[]>`
      SELECT * FROM circle_registrations WHERE circle_id = ${circleId} AND id = ${registrationId}`;
    return row ? registrationFromRow(row) : null;
  }

  async setRegistrationStatus(
    circleId: string,
    registrationIds: readonly string[],
    status: 'registered',
  ): Promise<void> {
    if (registrationIds.length === 0) return;
    await this.sql`UPDATE circle_registrations SET status = ${status}
                   WHERE circle_id = ${circleId} AND id IN ${this.sql([...registrationIds])}`;
  }

  async setRegistrationParticipant(
    circleId: string,
    registrationId: string,
    participantId: string,
  ): Promise<void> {
    await this.sql`UPDATE circle_registrations SET participant_id = ${participantId}
                   WHERE circle_id = ${circleId} AND id = ${registrationId}`;
  }

  async deleteRegistration(circleId: string, registrationId: string): Promise<boolean> {
    const res = await this.sql`
      DELETE FROM circle_registrations WHERE circle_id = ${circleId} AND id = ${registrationId}`;
    if (res.count > 0) this.vacuum.touch(['circle_registrations']);
    return res.count > 0;
  }

  async deleteMeetingRegistrations(circleId: string, seriesId: string, key: string): Promise<number> {
    const res = await this.sql`
      DELETE FROM circle_registrations
      WHERE circle_id = ${circleId} AND series_id = ${seriesId} AND meeting_key = ${key}`;
    if (res.count > 0) this.vacuum.touch(['circle_registrations']);
    return res.count;
  }

  async registrationMeetings(): Promise<{ circleId: string; seriesId: string; key: string }[]> {
    const rows = await this.sql<{ circle_id: string; series_id: string; meeting_key: string }[]>`
      SELECT DISTINCT circle_id COLLATE "C" AS circle_id, series_id COLLATE "C" AS series_id,
                      meeting_key COLLATE "C" AS meeting_key
      FROM circle_registrations ORDER BY 1, 2, 3`;
    return rows.map((r) => ({ circleId: r.circle_id, seriesId: r.series_id, key: r.meeting_key }));
  }
}
