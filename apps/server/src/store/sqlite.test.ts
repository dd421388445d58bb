import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_MIGRATIONS } from './migrations';
import { SqliteStore } from './sqlite';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SQLite migrations', () => {
  it('3: puts the boards of breakout rooms created before it into the board lookup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-migrate-'));
    dirs.push(dir);
    const old = new Database(join(dir, 'kring.db'));
    for (const sql of SQLITE_MIGRATIONS.slice(0, 2)) old.exec(sql);
    old.pragma('user_version = 2');
    old
      .prepare(
        "INSERT INTO sessions (id, join_code, version, created_at) VALUES ('session01', 'ABCDEF', 1, 0)",
      )
      .run();
    const created = {
      type: 'breakout.created',
      v: 1,
      at: 0,
      breakoutId: 'breakout1',
      rooms: [{ boardId: 'breakout1-b0' }, { boardId: 'breakout1-b1' }],
    };
    old
      .prepare("INSERT INTO session_events (session_id, version, body) VALUES ('session01', 1, ?)")
      .run(JSON.stringify(created));
    old.close();

    const store = new SqliteStore(dir);
    try {
      expect(await store.sessionIdForBoard('breakout1-b1')).toBe('session01');
      // Their documents can be stored now (the log refers to the board).
      await store.appendBoardUpdate('breakout1-b0', new Uint8Array([0, 0]));
    } finally {
      await store.close();
    }
  });

  it('8: keeps every board, its update log and every participant through the rebuild; boards may be a circle’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-migrate-'));
    dirs.push(dir);
    const old = new Database(join(dir, 'kring.db'));
    old.pragma('foreign_keys = ON');
    for (const sql of SQLITE_MIGRATIONS.slice(0, 7)) old.exec(sql);
    old.pragma('user_version = 7');
    old.exec(`
      INSERT INTO sessions (id, join_code, version, created_at, expires_at) VALUES ('session01', 'ABCDEF', 0, 0, 99);
      INSERT INTO participants (id, session_id, display_name, role, joined_at) VALUES ('person01', 'session01', 'Ada', 'host', 0);
      INSERT INTO boards (id, session_id) VALUES ('board001', 'session01');
      INSERT INTO board_updates (board_id, doc, update_bytes) VALUES ('board001', '', x'0102');
      INSERT INTO board_updates (board_id, doc, update_bytes) VALUES ('board001', 'drafts/person01', x'0304');
      INSERT INTO circles (id, code, version, created_at, expires_at) VALUES ('circle01', 'ABCDEFGH', 0, 0, 99);
    `);
    old.close();

    const store = new SqliteStore(dir);
    try {
      // The rebuild dropped `boards` with foreign keys off: nothing cascaded into the update log.
      expect((await store.loadBoardUpdates('board001')).map((u) => [...u.update])).toEqual([[1, 2]]);
      expect(await store.draftOwners('board001')).toEqual(['person01']);
      expect(await store.sessionIdForBoard('board001')).toBe('session01');
      // CI17: the same participant id may be in another session now.
      await store.createSession(
        'session02',
        'BCDEFG',
        [
          { type: 'session.created', at: 1, sessionId: 'session02', title: 'Again', joinCode: 'BCDEFG' },
          { type: 'participant.joined', at: 1, participantId: 'person01', displayName: 'Ada', role: 'host' },
        ],
        99,
      );
      // CI26: a circle's board, in the same lookup, outside every session.
      await store.appendCircleEvents('circle01', 0, [
        {
          type: 'circleBoard.added',
          at: 2,
          boardId: 'lasting1',
          title: 'Actions',
          templateId: 'blank',
          by: 'm1',
        },
      ]);
      await store.appendBoardUpdate('lasting1', new Uint8Array([5]));
      expect(await store.circleIdForBoard('lasting1')).toBe('circle01');
      expect(await store.sessionIdForBoard('lasting1')).toBeNull();
      expect(await store.deleteSession('session01')).toBe(true);
      expect(await store.loadBoardUpdates('board001')).toEqual([]);
      expect((await store.loadBoardUpdates('lasting1')).length).toBe(1);
      expect(await store.deleteCircle('circle01')).toBe(true);
      expect(await store.loadBoardUpdates('lasting1')).toEqual([]);
      expect(await store.circleIdForBoard('lasting1')).toBeNull();
    } finally {
      await store.close();
    }
  });
});
