import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type KringServer, startKring } from '../src/app';
import { SqliteStore } from '../src/store/sqlite';
import { registerCleanup } from './harness';

/**
 * Which of `words` any SQLite file in `dataDir` (the database, its WAL) still holds, as raw bytes:
 * what someone holding the file or a backup could read, whatever the rows say.
 */
export function onDisk(dataDir: string, words: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of readdirSync(dataDir).filter((f) => f.startsWith('kring.db'))) {
    const bytes = readFileSync(join(dataDir, file));
    for (const w of words) if (bytes.includes(Buffer.from(w))) found.push(`${w} in ${file}`);
  }
  return found;
}

/**
 * A server whose erasure bounds are short (the WAL checkpointed and board logs compacted 200 ms
 * after a change instead of 30 s and 20 s), so tests can wait for words to leave the disk.
 */
export async function quicklyErasing(dataDir: string): Promise<KringServer> {
  const server = await startKring({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    log: () => {},
    store: new SqliteStore(dataDir, 200),
    boardOptions: { compactWithinMs: 200 },
  });
  registerCleanup(() => server.close());
  return server;
}
