import type { Sql } from 'postgres';
import type { HarvestStore, StoredHarvest } from '../store';
import type { VacuumSoon } from './vacuum';
import { type HarvestRow, harvestSummaryFromRow } from '../rows';

/**
 * Kept meeting harvests (CI28), one per meeting, apart from the circle's event log so one is
 * deleted whole. A deletion, and a harvest kept again over an older one, leaves the old words in a
 * dead tuple: both schedule a VACUUM of the table.
 */
export class PgHarvests implements HarvestStore {
  constructor(
    private readonly sql: Sql,
    private readonly vacuum: VacuumSoon,
  ) {}

  async keepHarvest(h: StoredHarvest): Promise<void> {
    // Keeping again replaces the text (and the id, so an old link finds nothing).
    await this.sql`
      INSERT INTO circle_harvests (id, circle_id, series_id, meeting_key, title, markdown, kept_at)
      VALUES (${h.id}, ${h.circleId}, ${h.seriesId}, ${h.key}, ${h.title}, ${h.markdown}, ${h.keptAt})
      ON CONFLICT (circle_id, series_id, meeting_key) DO UPDATE SET
        id = excluded.id, title = excluded.title, markdown = excluded.markdown, kept_at = excluded.kept_at`;
    // Whether it replaced an older harvest or not: the VACUUM is coalesced, and cheap when idle.
    this.vacuum.touch(['circle_harvests']);
  }

  async harvests(circleId: string): Promise<Omit<StoredHarvest, 'markdown'>[]> {
    const rows = await this.sql<HarvestRow[]>`
      SELECT id, circle_id, series_id, meeting_key, title, kept_at FROM circle_harvests
      WHERE circle_id = ${circleId} ORDER BY meeting_key COLLATE "C" DESC, series_id COLLATE "C"`;
    return rows.map(harvestSummaryFromRow);
  }

  async harvest(circleId: string, harvestId: string): Promise<StoredHarvest | null> {
    const [row] = await this.sql<HarvestRow[]>`
      SELECT * FROM circle_harvests WHERE circle_id = ${circleId} AND id = ${harvestId}`;
    return row ? { ...harvestSummaryFromRow(row), markdown: row.markdown ?? '' } : null;
  }

  async deleteHarvest(circleId: string, harvestId: string): Promise<boolean> {
    const res = await this
      .sql`DELETE FROM circle_harvests WHERE circle_id = ${circleId} AND id = ${harvestId}`;
    if (res.count > 0) this.vacuum.touch(['circle_harvests']);
    return res.count > 0;
  }
}
