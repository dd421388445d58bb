import { createSession } from '@kring/core';
import { SqliteStore } from '../sqlite';

/**
 * A process whose last work is closing its store (wal-checkpointer.test.ts): it opens the store in
 * the directory it is given, writes a session, closes, and says "closed" once the close resolved.
 * Nothing else keeps the process alive meanwhile, as in a script or a benchmark.
 */
const now = Date.now();
const store = new SqliteStore(process.argv[2]!);
const opening = createSession({
  sessionId: 'session1',
  title: 'Check-in',
  joinCode: 'ABCDEF',
  hostId: 'host0001',
  hostName: 'Hanna',
  boardId: 'board1',
  now,
});
await store.createSession('session1', 'ABCDEF', opening, now + 60_000);
await store.close();
process.stdout.write('closed\n');
