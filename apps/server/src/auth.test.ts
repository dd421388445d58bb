import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { authenticate } from './auth';
import { SessionService } from './sessions/service';
import { SqliteStore } from './store/sqlite';
import { TokenSigner } from './tokens';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Two nodes' session services on one store, with no notices between them (the race at its worst). */
function twoNodes() {
  const dir = mkdtempSync(join(tmpdir(), 'kring-auth-'));
  const store = new SqliteStore(dir);
  cleanups.push(() => {
    void store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    a: new SessionService(store),
    b: new SessionService(store),
    tokens: new TokenSigner(randomBytes(32)),
  };
}

describe('authenticate across nodes (issue 17)', () => {
  it('someone who just joined on node A is let in on node B before B heard of it', async () => {
    const { a, b, tokens } = twoNodes();
    const { state } = await a.create('Check-in');
    await b.get(state.sessionId); // B holds an older copy
    const joined = await a.join(state.sessionId, 'Ada');
    if (!joined.ok) throw new Error(joined.error.message);
    const token = tokens.sign({ s: state.sessionId, p: joined.participantId, r: 'participant', e: 0 });
    const who = await authenticate(tokens, b, token);
    expect(who).toMatchObject({ ok: true, participant: { displayName: 'Ada' } });
  });

  it('still refuses a token of someone the session does not have, after reading the store', async () => {
    const { a, b, tokens } = twoNodes();
    const { state } = await a.create('Check-in');
    await b.get(state.sessionId);
    const token = tokens.sign({ s: state.sessionId, p: 'nobody123', r: 'participant', e: 0 });
    expect(await authenticate(tokens, b, token)).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });
});
