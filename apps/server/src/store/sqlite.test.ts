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
});
