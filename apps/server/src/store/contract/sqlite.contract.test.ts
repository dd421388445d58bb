import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../sqlite';
import type { Store } from '../store';
import { defineStoreContract } from './store-contract';

/** Each store's directory, so a restart opens the same file. */
const dirs = new Map<Store, string>();
afterAll(() => {
  for (const dir of new Set(dirs.values())) rmSync(dir, { recursive: true, force: true });
});

defineStoreContract('SQLite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'kring-contract-'));
    const store = new SqliteStore(dir);
    dirs.set(store, dir);
    return store;
  },
  async reopen(closed) {
    const dir = dirs.get(closed);
    if (!dir) throw new Error('not a store of this harness');
    const store = new SqliteStore(dir);
    dirs.set(store, dir);
    return store;
  },
});
