import { afterAll, beforeAll } from 'vitest';
import { PostgresStore } from '../postgres/postgres-store';
import { type ScratchDatabase, scratchDatabase } from '../postgres/testing';
import { defineStoreContract } from './store-contract';

let db: ScratchDatabase;
beforeAll(async () => {
  db = await scratchDatabase();
});
afterAll(async () => {
  await db?.drop();
});

/** Empties every table (the schema stays migrated), so each test starts from nothing. */
async function emptied(): Promise<void> {
  const tables = await db.sql<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`;
  if (tables.length === 0) return;
  await db.sql.unsafe(
    `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`,
  );
}

defineStoreContract('PostgreSQL', {
  async open() {
    const store = await PostgresStore.open(db.url, { max: 4 });
    await emptied();
    return store;
  },
  reopen: () => PostgresStore.open(db.url, { max: 4 }),
});
