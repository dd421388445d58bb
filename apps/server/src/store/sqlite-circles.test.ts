import { createCircle, decideCircle, replayCircle } from '@kring/core';
import type { CircleCommand, NewCircleEvent } from '@kring/protocol';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite';
import { VersionConflictError } from './store';
import { onDisk } from '../../test/disk';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(dir = mkdtempSync(join(tmpdir(), 'kring-circles-'))): { store: SqliteStore; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const store = new SqliteStore(dir);
  stores.push(store);
  return { store, dir };
}

const NOW = Date.UTC(2027, 8, 1);

function firstEvents(hostName = 'Hanna Zwaluw'): NewCircleEvent[] {
  const made = createCircle({
    circleId: 'circle01',
    code: 'ABCDEFGH',
    title: 'Kernteam Zomerzon',
    timeZone: 'Europe/Amsterdam',
    hostId: 'host0001',
    hostName,
    now: NOW,
  });
  if (!made.ok) throw new Error(made.error.message);
  return made.events;
}

async function command(store: SqliteStore, c: CircleCommand, by = 'host0001') {
  const events = await store.loadCircleEvents('circle01');
  const state = replayCircle(events);
  const d = decideCircle(state, c, { memberId: by }, NOW + 1000);
  if (!d.ok) throw new Error(d.error.message);
  return store.appendCircleEvents('circle01', state.version, d.events);
}

describe('SQLite circles (migration 6)', () => {
  it('creates a circle, appends with versions, finds it by code and loads it back after a restart', async () => {
    const { store, dir } = open();
    const stored = await store.createCircle('circle01', 'ABCDEFGH', firstEvents(), NOW + 1);
    expect(stored.map((e) => e.v)).toEqual([1, 2]);
    await command(store, { type: 'member.invite', name: 'Ada', role: 'member', memberId: 'member01' });
    expect(await store.circleIdForCode('ABCDEFGH')).toBe('circle01');
    expect(await store.circleIdForCode('ZZZZZZZZ')).toBeNull();
    await store.close();
    const again = open(dir).store;
    const events = await again.loadCircleEvents('circle01');
    expect(events.map((e) => e.type)).toEqual(['circle.created', 'member.added', 'member.added']);
    expect((await again.loadCircleEvents('circle01', 2)).map((e) => e.v)).toEqual([3]);
    expect(replayCircle(events).members.member01?.name).toBe('Ada');
  });

  it('refuses an append at a stale version (VersionConflictError) and stores nothing of it', async () => {
    const { store } = open();
    await store.createCircle('circle01', 'ABCDEFGH', firstEvents(), NOW + 1);
    const e: NewCircleEvent = { type: 'circle.updated', at: NOW, title: 'x', by: 'host0001' };
    await expect(store.appendCircleEvents('circle01', 1, [e])).rejects.toBeInstanceOf(VersionConflictError);
    await expect(store.appendCircleEvents('nocircle', 0, [e])).rejects.toBeInstanceOf(VersionConflictError);
    expect(await store.loadCircleEvents('circle01')).toHaveLength(2);
  });

  it('a code is one circle’s: a second circle with it is refused, and the first stays whole', async () => {
    const { store } = open();
    await store.createCircle('circle01', 'ABCDEFGH', firstEvents(), NOW + 1);
    await expect(store.createCircle('circle02', 'ABCDEFGH', firstEvents(), NOW + 1)).rejects.toThrow();
    expect(await store.loadCircleEvents('circle02')).toEqual([]);
    expect(await store.circleIdForCode('ABCDEFGH')).toBe('circle01');
  });

  it('keeps expiries and lists the circles whose time has come, oldest first', async () => {
    const { store } = open();
    await store.createCircle('circle01', 'ABCDEFGH', firstEvents(), NOW + 10);
    expect(await store.circleExpiry('circle01')).toBe(NOW + 10);
    expect(await store.circlesExpiredBy(NOW + 9)).toEqual([]);
    await store.setCircleExpiry('circle01', NOW + 5);
    expect(await store.circlesExpiredBy(NOW + 5)).toEqual(['circle01']);
    expect(await store.circleExpiry('nocircle')).toBeNull();
  });

  it('CI12: deleteCircle takes every event out of the file and its WAL; the code finds nothing after', async () => {
    const { store, dir } = open();
    await store.createCircle('circle01', 'ABCDEFGH', firstEvents('Hanna Zwaluw'), NOW + 1);
    await command(store, {
      type: 'member.invite',
      name: 'Ada Lovelace',
      role: 'member',
      memberId: 'member01',
    });
    await command(store, { type: 'circle.update', description: 'Plannen voor de Soteria-top' });
    expect(onDisk(dir, ['Hanna Zwaluw', 'Kernteam Zomerzon'])).not.toEqual([]);
    expect(await store.deleteCircle('circle01')).toBe(true);
    expect(await store.deleteCircle('circle01')).toBe(false);
    expect(await store.loadCircleEvents('circle01')).toEqual([]);
    expect(await store.circleIdForCode('ABCDEFGH')).toBeNull();
    expect(onDisk(dir, ['Hanna Zwaluw', 'Ada Lovelace', 'Kernteam Zomerzon', 'Soteria-top'])).toEqual([]);
  });

  it('CI15: a removed member’s name leaves the log (and the disk); the circle still replays', async () => {
    const { store, dir } = open();
    await store.createCircle('circle01', 'ABCDEFGH', firstEvents(), NOW + 1);
    await command(store, {
      type: 'member.invite',
      name: 'Ada Lovelace',
      role: 'member',
      memberId: 'member01',
    });
    await command(store, { type: 'member.rename', memberId: 'member01', name: 'Ada Byron' }, 'member01');
    expect(onDisk(dir, ['Ada Lovelace', 'Ada Byron'])).not.toEqual([]);
    await command(store, { type: 'member.remove', memberId: 'member01' }, 'member01');
    expect(onDisk(dir, ['Ada Lovelace', 'Ada Byron'])).toEqual([]);
    const state = replayCircle(await store.loadCircleEvents('circle01'));
    expect(Object.keys(state.members)).toEqual(['host0001']);
    expect(state.members.host0001?.name).toBe('Hanna Zwaluw');
  });
});
