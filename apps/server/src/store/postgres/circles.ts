import type { Sql, TransactionSql } from 'postgres';
import { type CircleEvent, CircleEvent as CircleEventSchema, type NewCircleEvent } from '@kring/protocol';
import { withCircleVersions } from '@kring/core';
import { type CircleStore, type HarvestStore, type RegistrationStore, VersionConflictError } from '../store';
import { CIRCLE_TABLES, type VacuumSoon } from './vacuum';

/** The events that carry a member's name, blanked when the member is removed (CI15). */
const NAMED = ['member.added', 'member.renamed'] as const;

/** Circles, their event log and lasting boards (registrations.ts and harvests.ts hold the rest). */
export class PgCircles implements Omit<CircleStore, keyof RegistrationStore | keyof HarvestStore> {
  constructor(
    private readonly sql: Sql,
    private readonly vacuum: VacuumSoon,
  ) {}

  async createCircle(
    circleId: string,
    code: string,
    events: readonly NewCircleEvent[],
    expiresAt: number,
  ): Promise<CircleEvent[]> {
    const { numbered } = await this.sql.begin(async (tx) => {
      await tx`INSERT INTO circles (id, code, version, created_at, expires_at)
               VALUES (${circleId}, ${code}, 0, ${events[0]?.at ?? 0}, ${expiresAt})`;
      return this.append(tx, circleId, 0, events);
    });
    return numbered;
  }

  async appendCircleEvents(
    circleId: string,
    expectedVersion: number,
    events: readonly NewCircleEvent[],
  ): Promise<CircleEvent[]> {
    const { numbered, erased } = await this.sql.begin((tx) =>
      this.append(tx, circleId, expectedVersion, events),
    );
    if (erased) this.vacuum.touch(['circle_events', 'boards', 'board_updates']);
    return numbered;
  }

  /** Inside a transaction: checks the version, appends, and blanks the names of removed members. */
  private async append(
    tx: TransactionSql,
    circleId: string,
    expectedVersion: number,
    events: readonly NewCircleEvent[],
  ): Promise<{ numbered: CircleEvent[]; erased: boolean }> {
    const numbered = withCircleVersions(expectedVersion, events);
    const bumped = await tx`UPDATE circles SET version = ${expectedVersion + numbered.length}
                            WHERE id = ${circleId} AND version = ${expectedVersion}`;
    if (bumped.count !== 1) throw new VersionConflictError(circleId, expectedVersion);
    if (numbered.length === 0) return { numbered, erased: false };
    const rows = numbered.map((e) => ({
      circle_id: circleId,
      version: e.v,
      type: e.type,
      body: JSON.stringify(e),
    }));
    await tx`INSERT INTO circle_events ${tx(rows, 'circle_id', 'version', 'type', 'body')}`;
    let erased = false;
    for (const e of numbered) {
      if (e.type === 'member.removed') {
        erased = (await this.blankName(tx, circleId, e.memberId, e.v)) || erased;
      } else if (e.type === 'circleBoard.added') {
        // CI26: the board lookup follows the log in the same transaction, as sessions' boards do.
        await tx`INSERT INTO boards (id, circle_id) VALUES (${e.boardId}, ${circleId})`;
      } else if (e.type === 'circleBoard.removed') {
        // CI27: its update logs go with it (ON DELETE CASCADE from boards).
        const removed = await tx`DELETE FROM boards WHERE id = ${e.boardId} AND circle_id = ${circleId}`;
        erased = removed.count > 0 || erased;
      }
    }
    return { numbered, erased };
  }

  /** CI15: a removed member's name leaves the events before `before` that carry it. */
  private async blankName(
    tx: TransactionSql,
    circleId: string,
    memberId: string,
    before: number,
  ): Promise<boolean> {
    const rows = await tx<{ version: number; body: string }[]>`
      SELECT version, body FROM circle_events
      WHERE circle_id = ${circleId} AND version < ${before} AND type IN ${tx(NAMED)}
        AND strpos(body, ${JSON.stringify(memberId)}) > 0`;
    let changed = false;
    for (const r of rows) {
      const body = JSON.parse(r.body) as Record<string, unknown>;
      if (body.memberId !== memberId || !('name' in body)) continue;
      await tx`UPDATE circle_events SET body = ${JSON.stringify({ ...body, name: '' })}
               WHERE circle_id = ${circleId} AND version = ${r.version}`;
      changed = true;
    }
    return changed;
  }

  async loadCircleEvents(circleId: string, after = 0): Promise<CircleEvent[]> {
    const rows = await this.sql<{ body: string }[]>`
      SELECT body FROM circle_events WHERE circle_id = ${circleId} AND version > ${after} ORDER BY version`;
    return rows.map((r) => CircleEventSchema.parse(JSON.parse(r.body)));
  }

  async circleIdForBoard(boardId: string): Promise<string | null> {
    const [row] = await this.sql<{ circle_id: string }[]>`
      SELECT circle_id FROM boards WHERE id = ${boardId} AND circle_id IS NOT NULL`;
    return row?.circle_id ?? null;
  }

  async circleIdForCode(code: string): Promise<string | null> {
    const [row] = await this.sql<{ id: string }[]>`SELECT id FROM circles WHERE code = ${code}`;
    return row?.id ?? null;
  }

  async deleteCircle(circleId: string): Promise<boolean> {
    // The events, lasting boards (with their update logs), registrations and harvests go with the
    // circle (ON DELETE CASCADE): one statement, one transaction.
    const res = await this.sql`DELETE FROM circles WHERE id = ${circleId}`;
    if (res.count === 0) return false;
    this.vacuum.touch(CIRCLE_TABLES);
    return true;
  }

  async circlesExpiredBy(now: number): Promise<string[]> {
    const rows = await this.sql<{ id: string }[]>`
      SELECT id FROM circles WHERE expires_at <= ${now} ORDER BY expires_at, id COLLATE "C"`;
    return rows.map((r) => r.id);
  }

  async setCircleExpiry(circleId: string, expiresAt: number): Promise<void> {
    await this.sql`UPDATE circles SET expires_at = ${expiresAt} WHERE id = ${circleId}`;
  }

  async circleExpiry(circleId: string): Promise<number | null> {
    const [row] = await this.sql<
      { expires_at: string }[]
    >`SELECT expires_at FROM circles WHERE id = ${circleId}`;
    return row ? Number(row.expires_at) : null;
  }
}
