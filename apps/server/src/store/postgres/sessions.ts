import type { Sql, TransactionSql } from 'postgres';
import type { NewSessionEvent, SessionEvent } from '@kring/protocol';
import { SessionEvent as SessionEventSchema } from '@kring/protocol';
import { type Erasure, applyErasure, erasuresOf, withVersions } from '@kring/core';
import { VersionConflictError } from '../store';
import { SESSION_TABLES, type VacuumSoon } from './vacuum';

/** Sessions and their event log (the `Store` methods of sessions, without boards and captions). */
export class PgSessions {
  constructor(
    private readonly sql: Sql,
    private readonly vacuum: VacuumSoon,
  ) {}

  async createSession(
    sessionId: string,
    joinCode: string,
    events: readonly NewSessionEvent[],
    expiresAt: number,
  ): Promise<SessionEvent[]> {
    const { numbered, erased } = await this.sql.begin(async (tx) => {
      await tx`INSERT INTO sessions (id, join_code, version, created_at, expires_at)
               VALUES (${sessionId}, ${joinCode}, 0, ${events[0]?.at ?? 0}, ${expiresAt})`;
      return this.append(tx, sessionId, 0, events);
    });
    if (erased) this.vacuum.touch(['session_events', 'participants']);
    return numbered;
  }

  async appendEvents(
    sessionId: string,
    expectedVersion: number,
    events: readonly NewSessionEvent[],
  ): Promise<SessionEvent[]> {
    const { numbered, erased } = await this.sql.begin((tx) =>
      this.append(tx, sessionId, expectedVersion, events),
    );
    if (erased) this.vacuum.touch(['session_events', 'participants']);
    return numbered;
  }

  /**
   * Inside a transaction. The conditional UPDATE is the optimistic check: a concurrent append at
   * the same version waits for this row lock, then finds the version moved and changes nothing.
   */
  private async append(
    tx: TransactionSql,
    sessionId: string,
    expectedVersion: number,
    events: readonly NewSessionEvent[],
  ): Promise<{ numbered: SessionEvent[]; erased: boolean }> {
    const numbered = withVersions(expectedVersion, events);
    const bumped = await tx`UPDATE sessions SET version = ${expectedVersion + numbered.length}
                            WHERE id = ${sessionId} AND version = ${expectedVersion}`;
    if (bumped.count !== 1) throw new VersionConflictError(sessionId, expectedVersion);
    if (numbered.length === 0) return { numbered, erased: false };
    const rows = numbered.map((e) => ({
      session_id: sessionId,
      version: e.v,
      type: e.type,
      body: JSON.stringify(e),
    }));
    await tx`INSERT INTO session_events ${tx(rows, 'session_id', 'version', 'type', 'body')}`;
    // Every event is in; each one's projection and erasures follow in order. An erasure only
    // rewrites versions before its event, so the later rows already there are left alone.
    let erased = false;
    for (const e of numbered) {
      await this.project(tx, sessionId, e);
      for (const erasure of erasuresOf(e)) erased = (await this.erase(tx, sessionId, erasure, e.v)) || erased;
      // The participants row's old version (the old name) stays a dead tuple until VACUUM too.
      erased = erased || e.type === 'participant.renamed' || e.type === 'participant.removed';
    }
    return { numbered, erased };
  }

  /**
   * PR6: rewrites the stored events before `before` that carry words `erasure` takes away, with
   * core's own `applyErasure` (the same rule the SQLite store writes as `json_replace`).
   */
  private async erase(
    tx: TransactionSql,
    sessionId: string,
    erasure: Erasure,
    before: number,
  ): Promise<boolean> {
    // Only rows whose text holds the value sought can match (`applyErasure` then checks the path).
    const rows = await tx<{ version: number; body: string }[]>`
      SELECT version, body FROM session_events
      WHERE session_id = ${sessionId} AND type = ${erasure.type} AND version < ${before}
        AND strpos(body, ${JSON.stringify(erasure.where.equals)}) > 0
      ORDER BY version`;
    const stored = rows.map((r) => JSON.parse(r.body) as SessionEvent);
    const rewritten = applyErasure(stored, erasure, before);
    let changed = false;
    for (const [i, e] of rewritten.entries()) {
      // `applyErasure` hands back the very same object where nothing matched.
      if (e === stored[i]) continue;
      await tx`UPDATE session_events SET body = ${JSON.stringify(e)}
               WHERE session_id = ${sessionId} AND version = ${e.v}`;
      changed = true;
    }
    return changed;
  }

  /** Keeps the lookup tables (participants, boards, the join code) in step with the event log. */
  private async project(tx: TransactionSql, sessionId: string, e: SessionEvent): Promise<void> {
    switch (e.type) {
      case 'participant.joined':
        await tx`INSERT INTO participants (session_id, id, display_name, role, joined_at)
                 VALUES (${sessionId}, ${e.participantId}, ${e.displayName}, ${e.role}, ${e.at})`;
        return;
      case 'participant.renamed':
        await tx`UPDATE participants SET display_name = ${e.displayName}
                 WHERE session_id = ${sessionId} AND id = ${e.participantId}`;
        return;
      case 'participant.roleChanged':
        await tx`UPDATE participants SET role = ${e.role}
                 WHERE session_id = ${sessionId} AND id = ${e.participantId}`;
        return;
      case 'participant.removed':
        await tx`DELETE FROM participants WHERE session_id = ${sessionId} AND id = ${e.participantId}`;
        return;
      case 'board.created':
        // CI26: a lasting board's row is its circle's (circles.ts), not this session's.
        if (!e.lasting) await tx`INSERT INTO boards (id, session_id) VALUES (${e.boardId}, ${sessionId})`;
        return;
      case 'session.joinCodeChanged':
        // J4: the lookup follows in the same transaction; UNIQUE refuses another session's code.
        await tx`UPDATE sessions SET join_code = ${e.joinCode} WHERE id = ${sessionId}`;
        return;
      case 'breakout.created': {
        // BR1: each room has a board of its own, stored like any other.
        if (e.rooms.length === 0) return;
        const boards = e.rooms.map((room) => ({ id: room.boardId, session_id: sessionId }));
        await tx`INSERT INTO boards ${tx(boards, 'id', 'session_id')}`;
        return;
      }
      default:
        return;
    }
  }

  async loadEvents(sessionId: string, after = 0): Promise<SessionEvent[]> {
    const rows = await this.sql<{ body: string }[]>`
      SELECT body FROM session_events
      WHERE session_id = ${sessionId} AND version > ${after} ORDER BY version`;
    return rows.map((r) => SessionEventSchema.parse(JSON.parse(r.body)));
  }

  async sessionIdForJoinCode(joinCode: string): Promise<string | null> {
    const [row] = await this.sql<{ id: string }[]>`SELECT id FROM sessions WHERE join_code = ${joinCode}`;
    return row?.id ?? null;
  }

  async setSessionExpiry(sessionId: string, expiresAt: number): Promise<void> {
    await this.sql`UPDATE sessions SET expires_at = ${expiresAt} WHERE id = ${sessionId}`;
  }

  async sessionExpiry(sessionId: string): Promise<number | null> {
    const [row] = await this.sql<{ expires_at: string }[]>`
      SELECT expires_at FROM sessions WHERE id = ${sessionId}`;
    return row ? Number(row.expires_at) : null;
  }

  async sessionsExpiredBy(now: number): Promise<string[]> {
    const rows = await this.sql<{ id: string }[]>`
      SELECT id FROM sessions WHERE expires_at <= ${now} ORDER BY expires_at, id COLLATE "C"`;
    return rows.map((r) => r.id);
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    // Foreign keys cascade from `sessions` to events, participants, boards (and from boards to
    // their update logs) and the transcript: one statement, one transaction. A circle's lasting
    // boards are the circle's rows (CI26), so they stay.
    const deleted = await this.sql`DELETE FROM sessions WHERE id = ${sessionId}`;
    if (deleted.count === 0) return false;
    this.vacuum.touch(SESSION_TABLES);
    return true;
  }

  async sessionsWithOpenBreakout(): Promise<string[]> {
    // Only at start-up. A breakout's rooms are open from `breakout.opened` until
    // `breakout.closed` (or the next `breakout.created`, which needs it closed first).
    const rows = await this.sql<{ session_id: string; type: string }[]>`
      SELECT DISTINCT ON (session_id) session_id, type FROM session_events
      WHERE type IN ('breakout.created', 'breakout.opened', 'breakout.closed')
      ORDER BY session_id, version DESC`;
    // Ids are ASCII: the default sort is the byte order SQLite gives.
    return rows
      .filter((r) => r.type === 'breakout.opened')
      .map((r) => r.session_id)
      .sort();
  }
}
