import { createSession } from '@kring/core';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS, migrate } from './migrations';
import { PostgresStore } from './postgres-store';
import { type ScratchDatabase, scratchDatabase } from './testing';
import { SESSION_TABLES } from './vacuum';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean().catch(() => {});
});

async function database(): Promise<ScratchDatabase> {
  const db = await scratchDatabase();
  cleanups.push(() => db.drop());
  return db;
}

async function open(url: string, vacuumWithinMs: number): Promise<PostgresStore> {
  const store = await PostgresStore.open(url, { max: 2, vacuumWithinMs });
  cleanups.push(() => store.close());
  return store;
}

const NOW = Date.UTC(2027, 8, 1);
const opening = createSession({
  sessionId: 'session01',
  title: 'Words of a Wombat',
  joinCode: 'ABCDEF',
  hostId: 'host0001',
  hostName: 'Hanna',
  boardId: 'boardone1',
  now: NOW,
});

/** How often VACUUM has run on a table (0 before the first). */
async function vacuums(db: ScratchDatabase, table: string): Promise<number> {
  const [row] = await db.sql<{ n: number }[]>`
    SELECT vacuum_count::integer AS n FROM pg_stat_user_tables WHERE relname = ${table}`;
  return row?.n ?? 0;
}

describe('PostgreSQL store: schema migrations', () => {
  it('two servers starting at once on an empty database migrate it once', async () => {
    const db = await database();
    await Promise.all([open(db.url, 60_000), open(db.url, 60_000), open(db.url, 60_000)]);
    const rows = await db.sql<{ version: number }[]>`SELECT version FROM schema_migrations ORDER BY version`;
    expect(rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
  });

  it('a failing migration leaves the ones before it applied and nothing of itself', async () => {
    const db = await database();
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    cleanups.push(() => sql.end());
    const steps = [
      'CREATE TABLE first_step (x integer)',
      'CREATE TABLE half_done (x integer); SELECT broken(',
    ];
    await expect(migrate(sql, steps)).rejects.toThrow();
    const tables = await db.sql<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
    expect(tables.map((t) => t.tablename)).toEqual(['first_step', 'schema_migrations']);
    const [row] = await db.sql<{ v: number }[]>`SELECT MAX(version)::integer AS v FROM schema_migrations`;
    expect(row?.v).toBe(1);
  });
});

describe('PostgreSQL store: VACUUM after words leave (PR4/PR6)', () => {
  it('a deletion is followed by one VACUUM of the touched tables within the bound, coalesced', async () => {
    const db = await database();
    const store = await open(db.url, 1000);
    await store.createSession('session01', 'ABCDEF', opening, NOW + 1);
    await store.createSession('session02', 'GHJKLM', [], NOW + 1);
    expect(await vacuums(db, 'session_events')).toBe(0);
    await store.deleteSession('session01');
    await store.deleteSession('session02');
    // One run for both deletions, over every table a session's deletion reaches.
    const touched = async () => Promise.all(SESSION_TABLES.map((t) => vacuums(db, t)));
    await expect.poll(touched, { timeout: 5000 }).toEqual(SESSION_TABLES.map(() => 1));
    // Nothing more was pending: no second run follows.
    await store.vacuumNow();
    expect(await touched()).toEqual(SESSION_TABLES.map(() => 1));
    // Tables no deletion touched were left alone.
    expect(await vacuums(db, 'circle_events')).toBe(0);
  });

  it('close runs a pending VACUUM instead of dropping it', async () => {
    const db = await database();
    const store = await PostgresStore.open(db.url, { max: 2, vacuumWithinMs: 600_000 });
    await store.createSession('session01', 'ABCDEF', opening, NOW + 1);
    await store.deleteSession('session01');
    expect(await vacuums(db, 'session_events')).toBe(0);
    await store.close();
    await expect.poll(() => vacuums(db, 'session_events'), { timeout: 5000 }).toBe(1);
  });
});
