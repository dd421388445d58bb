import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
