import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Test support: compares `actual` byte for byte with the golden file `dir/name`. Run with
 * `UPDATE_GOLDEN=1` to (re)write the file instead; review the diff before committing it.
 */
export function expectGolden(dir: URL, name: string, actual: string): void {
  const file = new URL(name, dir);
  const bytes = Buffer.from(actual, 'utf8');
  if (process.env['UPDATE_GOLDEN'] === '1') {
    writeFileSync(file, bytes);
    return;
  }
  let expected: Buffer;
  try {
    expected = readFileSync(file);
  } catch {
    throw new Error(`Golden file ${name} is missing; run the tests with UPDATE_GOLDEN=1 to create it.`);
  }
  // Compare as text first for a readable diff, then as bytes (BOM, line endings, normalization).
  expect(actual).toBe(expected.toString('utf8'));
  expect(bytes.equals(expected)).toBe(true);
}
