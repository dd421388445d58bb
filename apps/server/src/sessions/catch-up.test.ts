import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite';
import { VersionConflictError } from '../store/store';
import { SessionService } from './service';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Two services on one store: two nodes' session services, without the Redis between them. */
function twoNodes() {
  const dir = mkdtempSync(join(tmpdir(), 'kring-catch-up-'));
  const store = new SqliteStore(dir);
  cleanups.push(() => {
    void store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const node = () => {
    const sessions = new SessionService(store);
    const told: number[] = [];
    const appended: number[] = [];
    sessions.onEvents((_id, events) => told.push(...events.map((e) => e.v)));
    sessions.onLocalChange({ appended: (_id, version) => appended.push(version), removed: () => {} });
    return { sessions, told, appended };
  };
  return { a: node(), b: node() };
}

const post = (text: string) => ({ type: 'announcement.post', text }) as const;

describe('catching up with what another node stored (issue 17)', () => {
  it('tells the listeners each event once, in order; a node without the session ignores it', async () => {
    const { a, b } = twoNodes();
    const { state, hostId } = await a.sessions.create('Check-in');
    const id = state.sessionId;
    await b.sessions.get(id);
    for (const text of ['one', 'two']) {
      expect(await a.sessions.execute(id, post(text), { participantId: hostId })).toMatchObject({ ok: true });
    }
    expect(a.appended).toEqual([state.version + 1, state.version + 2]);
    await b.sessions.catchUp(id, state.version + 1);
    await b.sessions.catchUp(id, state.version + 2); // nothing more to read: told nothing again
    expect(b.told).toEqual([state.version + 1, state.version + 2]);
    expect(b.sessions.peek(id)).toEqual(a.sessions.peek(id));
    expect(b.appended).toEqual([]); // caught up with, not stored here: not announced again

    const { state: other } = await a.sessions.create('Elsewhere');
    await b.sessions.catchUp(other.sessionId, other.version);
    expect(b.sessions.peek(other.sessionId)).toBeUndefined();
  });

  it('a catch-up after a Redis reconnect that finds nothing new keeps the session (board access reads it)', async () => {
    const { a, b } = twoNodes();
    const { state, hostId } = await a.sessions.create('Check-in');
    const id = state.sessionId;
    await b.sessions.get(id);
    await b.sessions.catchUp(id, Number.MAX_SAFE_INTEGER);
    expect(b.sessions.peek(id)).toEqual(a.sessions.peek(id));
    expect(b.sessions.cachedIds()).toEqual([id]);
    // And one that finds what a lost notice would have said tells it.
    expect(await a.sessions.execute(id, post('missed'), { participantId: hostId })).toMatchObject({
      ok: true,
    });
    await b.sessions.catchUp(id, Number.MAX_SAFE_INTEGER);
    expect(b.told).toEqual([state.version + 1]);
  });

  it('a stale node that loses the race tells its listeners what it missed, then its own batch', async () => {
    const { a, b } = twoNodes();
    const { state, hostId } = await a.sessions.create('Check-in');
    const id = state.sessionId;
    await b.sessions.get(id);
    await a.sessions.execute(id, post('from A'), { participantId: hostId });
    // B never heard of A's batch: its append conflicts, it catches up and decides again.
    expect(await b.sessions.execute(id, post('from B'), { participantId: hostId })).toMatchObject({
      ok: true,
      version: state.version + 2,
    });
    expect(b.told).toEqual([state.version + 1, state.version + 2]);
    expect(b.appended).toEqual([state.version + 2]);
    const texts = (b.sessions.peek(id)?.announcements ?? []).map((x) => x.text);
    expect(texts).toEqual(['from A', 'from B']);
  });
});

describe('a session other nodes keep writing to (issue 17)', () => {
  it('after many lost races a command is refused by name (rate_limited), not with an error, and nothing is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-contended-'));
    const store = new SqliteStore(dir);
    cleanups.push(() => {
      void store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const sessions = new SessionService(store);
    const { state, hostId } = await sessions.create('Busy');
    // Every append loses the race, as if other nodes always stored first.
    const always = Object.create(store) as SqliteStore;
    always.appendEvents = (sessionId, expected) =>
      Promise.reject(new VersionConflictError(sessionId, expected));
    const contended = new SessionService(always);
    const result = await contended.execute(state.sessionId, post('hello'), { participantId: hostId });
    expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect((await store.loadEvents(state.sessionId)).length).toBe(state.version);
  });
});
