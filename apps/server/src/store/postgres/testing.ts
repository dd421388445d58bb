import { randomBytes } from 'node:crypto';
import postgres, { type Sql } from 'postgres';

/** The server tests make their own databases on (trust auth on the CI machine). */
export const TEST_SERVER =
  process.env.KRING_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  /** A connection to it, for looking under the store. */
  sql: Sql;
  /** Closes `sql` and drops the database, whoever is still connected. */
  drop(): Promise<void>;
}

/** A fresh, empty database `kring_contract_<random>` on the test server. */
export async function scratchDatabase(): Promise<ScratchDatabase> {
  const name = `kring_contract_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_SERVER, { max: 1, onnotice: () => {} });
  try {
    // The name is ours (hex), not input.
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = Object.assign(new URL(TEST_SERVER), { pathname: `/${name}` }).href;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  return {
    url,
    sql,
    async drop() {
      await sql.end();
      const dropper = postgres(TEST_SERVER, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
