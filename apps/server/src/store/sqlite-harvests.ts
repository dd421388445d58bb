import type Database from 'better-sqlite3';
import type { HarvestStore, StoredHarvest } from './store';
import { type HarvestRow, harvestSummaryFromRow } from './rows';

/**
 * Kept meeting harvests in the SQLite file (migration 8, CI28). A deletion, and a harvest kept
 * again over an older one, is followed by a WAL checkpoint: secure_delete zeroed the freed pages,
 * the checkpoint writes them back and empties the WAL, which held the older copies.
 */
export class SqliteHarvests implements HarvestStore {
  private readonly upsert;
  private readonly list;
  private readonly one;
  private readonly removeOne;

  constructor(private readonly db: Database.Database) {
    // One per meeting: keeping again replaces the text (and the id, so an old link finds nothing).
    this.upsert = db.prepare(
      `INSERT INTO circle_harvests (id, circle_id, series_id, meeting_key, title, markdown, kept_at)
       VALUES (@id, @circleId, @seriesId, @key, @title, @markdown, @keptAt)
       ON CONFLICT (circle_id, series_id, meeting_key) DO UPDATE SET
         id = excluded.id, title = excluded.title, markdown = excluded.markdown, kept_at = excluded.kept_at`,
    );
    this.list = db.prepare(
      `SELECT id, circle_id, series_id, meeting_key, title, kept_at FROM circle_harvests
       WHERE circle_id = ? ORDER BY meeting_key DESC, series_id`,
    );
    this.one = db.prepare('SELECT * FROM circle_harvests WHERE circle_id = ? AND id = ?');
    this.removeOne = db.prepare('DELETE FROM circle_harvests WHERE circle_id = ? AND id = ?');
  }

  async keepHarvest(harvest: StoredHarvest): Promise<void> {
    const { changes } = this.upsert.run(harvest);
    // An upsert over an older harvest rewrote its row: its old words leave the WAL too.
    if (changes > 0) this.checkpoint();
  }

  async harvests(circleId: string): Promise<Omit<StoredHarvest, 'markdown'>[]> {
    return (this.list.all(circleId) as HarvestRow[]).map(harvestSummaryFromRow);
  }

  async harvest(circleId: string, harvestId: string): Promise<StoredHarvest | null> {
    const row = this.one.get(circleId, harvestId) as HarvestRow | undefined;
    return row ? { ...harvestSummaryFromRow(row), markdown: row.markdown ?? '' } : null;
  }

  async deleteHarvest(circleId: string, harvestId: string): Promise<boolean> {
    const { changes } = this.removeOne.run(circleId, harvestId);
    if (changes > 0) this.checkpoint();
    return changes > 0;
  }

  private checkpoint(): void {
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
