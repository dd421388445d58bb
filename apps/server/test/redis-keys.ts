import { createClient } from 'redis';

/** The Redis the tests and benchmarks share (KRING_TEST_REDIS_URL, else the machine's); each run keeps to its own prefix. */
export const TEST_REDIS = process.env.KRING_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Deletes every key under `prefix`: what a test's or a benchmark's installation left (streams, presence, limits). */
export async function deleteKeysUnder(prefix: string, url = TEST_REDIS): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length > 0) await client.del(keys);
  } finally {
    await client.quit();
  }
}
