import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from './sqlite';
import { type CheckpointResult, WalCheckpointer } from './wal-checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A WAL database whose writes never checkpoint by themselves, as SqliteStore opens it. */
function walDatabase(): { db: Database.Database; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kring-wal-'));
  dirs.push(dir);
  const file = join(dir, 'kring.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (b BLOB)');
  return { db, file };
}

const write = (db: Database.Database, rows: number) => {
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(4096, i));
};

describe('the WAL checkpoint thread (issue 14: no 11 ms checkpoint inside a board write)', () => {
  it('copies the WAL back beside the writer, which then reuses it from its start', async () => {
    const { db, file } = walDatabase();
    write(db, 600); // ~5 MB: past the 1,000 pages where SQLite would have checkpointed inside a write
    const wal = statSync(`${file}-wal`).size;
    const results: CheckpointResult[] = [];
    const thread = WalCheckpointer.start(file, {
      intervalMs: 20,
      onError: (error) => expect.fail(error),
      onCheckpoint: (result) => results.push(result),
    });
    try {
      // Everything the writer had logged, copied back by the thread.
      await vi.waitFor(() => expect(results.some(([, log, done]) => log > 1000 && done === log)).toBe(true));
      // The next writes start the WAL over instead of growing it.
      write(db, 600);
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(wal);
    } finally {
      await thread.stop();
      db.close();
    }
  });

  it('says so when it cannot work, so that its owner checkpoints again', async () => {
    const onError = vi.fn();
    const thread = WalCheckpointer.start(join(tmpdir(), 'kring-no-such-dir', 'kring.db'), { onError });
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    await thread.stop();
  });

  it("runs under the store: the store's writes never checkpoint, and closing leaves no WAL behind", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-wal-store-'));
    dirs.push(dir);
    const store = new SqliteStore(dir);
    const own = (store as unknown as { db: Database.Database }).db;
    expect(own.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await store.close();
    expect(() => statSync(join(dir, 'kring.db-wal'))).toThrow();
  });

  it('closing is the last work of a process: the close finishes, and no WAL is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-wal-last-'));
    dirs.push(dir);
    // Its own process: under the test runner something else always keeps the event loop alive.
    const said = execFileSync(process.execPath, ['--import', 'tsx', 'src/store/testing/close-last.ts', dir], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(said).toBe('closed\n');
    expect(statSync(join(dir, 'kring.db')).size).toBeGreaterThan(0);
    expect(() => statSync(join(dir, 'kring.db-wal'))).toThrow();
  });
});
