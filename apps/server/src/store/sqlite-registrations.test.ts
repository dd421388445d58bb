import { createCircle } from '@kring/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite';
import type { StoredRegistration } from './store';
import { onDisk } from '../../test/disk';

const dirs: string[] = [];
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(): { store: SqliteStore; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kring-registrations-'));
  dirs.push(dir);
  const store = new SqliteStore(dir);
  stores.push(store);
  return { store, dir };
}

const NOW = Date.UTC(2027, 8, 1);

async function withCircle(store: SqliteStore) {
  const made = createCircle({
    circleId: 'circle01',
    code: 'ABCDEFGH',
    title: 'IPS overview',
    timeZone: 'Europe/Amsterdam',
    hostId: 'host0001',
    hostName: 'Hanna',
    now: NOW,
  });
  if (!made.ok) throw new Error(made.error.message);
  await store.createCircle('circle01', 'ABCDEFGH', made.events, NOW + 1000);
}

const row = (id: string, extra: Partial<StoredRegistration> = {}): StoredRegistration => ({
  id,
  circleId: 'circle01',
  seriesId: 'series01',
  key: '2027-10-03',
  displayName: `Person ${id}`,
  email: null,
  status: 'registered',
  createdAt: NOW,
  participantId: null,
  ...extra,
});

describe('SQLite registrations (migration 7)', () => {
  it('keeps a meeting’s registrations in the order people came, with status and participant', async () => {
    const { store } = open();
    await withCircle(store);
    await store.addRegistration(row('reg00002', { email: 'b@example.org' }));
    await store.addRegistration(row('reg00001', { status: 'waiting' }));
    await store.addRegistration(row('reg00003', { key: '2027-10-10' }));
    const list = await store.meetingRegistrations('circle01', 'series01', '2027-10-03');
    expect(list.map((r) => [r.id, r.status, r.email])).toEqual([
      ['reg00002', 'registered', 'b@example.org'],
      ['reg00001', 'waiting', null],
    ]);
    await store.setRegistrationStatus('circle01', ['reg00001'], 'registered');
    await store.setRegistrationParticipant('circle01', 'reg00001', 'part0001');
    expect(await store.registration('circle01', 'reg00001')).toMatchObject({
      status: 'registered',
      participantId: 'part0001',
    });
    expect(await store.registration('other', 'reg00001')).toBeNull();
    expect(await store.registrationMeetings()).toEqual([
      { circleId: 'circle01', seriesId: 'series01', key: '2027-10-03' },
      { circleId: 'circle01', seriesId: 'series01', key: '2027-10-10' },
    ]);
  });

  it('deletes one, a meeting’s, or all with the circle — out of the file and its WAL', async () => {
    const { store, dir } = open();
    await withCircle(store);
    await store.addRegistration(row('reg00001', { email: 'one.gone@example.org' }));
    await store.addRegistration(row('reg00002', { email: 'two.gone@example.org', key: '2027-10-10' }));
    await store.addRegistration(row('reg00003', { email: 'three.gone@example.org' }));
    expect(await store.deleteRegistration('circle01', 'reg00001')).toBe(true);
    expect(await store.deleteRegistration('circle01', 'reg00001')).toBe(false);
    expect(onDisk(dir, ['one.gone@example.org'])).toEqual([]);
    expect(await store.deleteMeetingRegistrations('circle01', 'series01', '2027-10-10')).toBe(1);
    expect(onDisk(dir, ['two.gone@example.org'])).toEqual([]);
    expect(await store.deleteCircle('circle01')).toBe(true);
    expect(await store.registrationMeetings()).toEqual([]);
    expect(onDisk(dir, ['three.gone@example.org'])).toEqual([]);
  });
});
