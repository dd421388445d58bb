import { replayCircle } from '@kring/core';
import type { NewCircleEvent, NewSessionEvent } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { type StoredHarvest, type StoredRegistration, VersionConflictError } from '../store';
import { type ContractContext, LATER, NOW, bytes, circleCommand, withCircle, withSession } from './fixtures';

const registration = (id: string, extra: Partial<StoredRegistration> = {}): StoredRegistration => ({
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

const harvest = (id: string, key: string, extra: Partial<StoredHarvest> = {}): StoredHarvest => ({
  id,
  circleId: 'circle01',
  seriesId: 'series01',
  key,
  title: `Meeting of ${key}`,
  markdown: `# Harvest ${id}`,
  keptAt: NOW,
  ...extra,
});

/** Circles (issue 16): their log, lasting boards, registrations and kept harvests. */
export function circleContract(t: ContractContext): void {
  describe('circles', () => {
    it('creates a circle, appends with versions, finds it by code and loads it back after a restart', async () => {
      let store = await t.fresh();
      await withCircle(store);
      await circleCommand(store, {
        type: 'member.invite',
        name: 'Ada',
        role: 'member',
        memberId: 'member01',
      });
      expect(await store.circleIdForCode('ABCDEFGH')).toBe('circle01');
      expect(await store.circleIdForCode('ZZZZZZZZ')).toBeNull();
      store = await t.restart(store);
      const events = await store.loadCircleEvents('circle01');
      expect(events.map((e) => e.type)).toEqual(['circle.created', 'member.added', 'member.added']);
      expect(events.map((e) => e.v)).toEqual([1, 2, 3]);
      expect((await store.loadCircleEvents('circle01', 2)).map((e) => e.v)).toEqual([3]);
      expect(replayCircle(events).members.member01?.name).toBe('Ada');
      expect(await store.loadCircleEvents('nocircle')).toEqual([]);
    });

    it('refuses an append at a stale version or to an unknown circle; concurrent appends: one wins', async () => {
      const store = await t.fresh();
      await withCircle(store);
      const e = (title: string): NewCircleEvent => ({
        type: 'circle.updated',
        at: NOW,
        title,
        by: 'host0001',
      });
      await expect(store.appendCircleEvents('circle01', 1, [e('x')])).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      await expect(store.appendCircleEvents('nocircle', 0, [e('x')])).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      expect(await store.loadCircleEvents('circle01')).toHaveLength(2);
      const results = await Promise.allSettled(
        ['a', 'b', 'c'].map((x) => store.appendCircleEvents('circle01', 2, [e(x)])),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(VersionConflictError);
      expect(await store.loadCircleEvents('circle01')).toHaveLength(3);
    });

    it('a code is one circle’s: a second circle with it is refused, and the first stays whole', async () => {
      const store = await t.fresh();
      await withCircle(store);
      await expect(withCircle(store, 'circle02', 'ABCDEFGH')).rejects.toThrow();
      expect(await store.loadCircleEvents('circle02')).toEqual([]);
      expect(await store.circleExpiry('circle02')).toBeNull();
      expect(await store.circleIdForCode('ABCDEFGH')).toBe('circle01');
    });

    it('CI12: keeps expiries and lists the circles whose time has come, oldest first', async () => {
      const store = await t.fresh();
      await withCircle(store, 'circle02', 'BCDEFGHJ');
      await withCircle(store, 'circle01', 'ABCDEFGH');
      expect(await store.circleExpiry('circle01')).toBe(LATER);
      expect(await store.circlesExpiredBy(LATER - 1)).toEqual([]);
      expect(await store.circlesExpiredBy(LATER)).toEqual(['circle01', 'circle02']);
      await store.setCircleExpiry('circle02', NOW + 5);
      expect(await store.circlesExpiredBy(NOW + 5)).toEqual(['circle02']);
      expect(await store.circlesExpiredBy(LATER)).toEqual(['circle02', 'circle01']);
      expect(await store.circleExpiry('nocircle')).toBeNull();
    });

    it('CI15: a removed member’s name leaves the events before it; the circle still replays', async () => {
      const store = await t.fresh();
      await withCircle(store);
      await circleCommand(store, {
        type: 'member.invite',
        name: 'Ada Lovelace',
        role: 'member',
        memberId: 'member01',
      });
      await circleCommand(store, {
        type: 'member.invite',
        name: 'Ben Stays',
        role: 'member',
        memberId: 'member02',
      });
      await circleCommand(
        store,
        { type: 'member.rename', memberId: 'member01', name: 'Ada Byron' },
        'member01',
      );
      await circleCommand(store, { type: 'member.remove', memberId: 'member01' }, 'member01');
      const events = await store.loadCircleEvents('circle01');
      const text = JSON.stringify(events);
      expect(text).not.toContain('Ada Lovelace');
      expect(text).not.toContain('Ada Byron');
      expect(text).toContain('Ben Stays');
      expect(events.find((e) => e.type === 'member.added' && e.memberId === 'member01')).toMatchObject({
        name: '',
      });
      const state = replayCircle(events);
      expect(Object.keys(state.members).sort()).toEqual(['host0001', 'member02']);
      expect(state.members.host0001?.name).toBe('Hanna Zwaluw');
    });

    it('CI26/CI27: lasting boards are the circle’s; removing one takes its documents; sessions leave them', async () => {
      const store = await t.fresh();
      await withCircle(store);
      await circleCommand(store, {
        type: 'circleBoard.add',
        title: 'Actions',
        templateId: 'blank',
        boardId: 'lasting1',
      });
      await circleCommand(store, {
        type: 'circleBoard.add',
        title: 'Ideas',
        templateId: 'blank',
        boardId: 'lasting2',
      });
      expect(await store.circleIdForBoard('lasting1')).toBe('circle01');
      expect(await store.sessionIdForBoard('lasting1')).toBeNull();
      await store.appendBoardUpdate('lasting1', bytes(1));
      await store.appendBoardUpdate('lasting2', bytes(2));
      await store.appendBoardUpdate('lasting2/drafts/member01', bytes(3));

      // A meeting's session shows the board (lasting) and goes; the board stays.
      await withSession(store, 'session01', 'ABCDEF');
      expect(await store.circleIdForBoard('board-session01')).toBeNull();
      const shown: NewSessionEvent = {
        type: 'board.created',
        at: NOW,
        boardId: 'lasting1',
        title: 'Actions',
        lasting: true,
      };
      await store.appendEvents('session01', (await store.loadEvents('session01')).length, [shown]);
      expect(await store.deleteSession('session01')).toBe(true);
      expect(await store.circleIdForBoard('lasting1')).toBe('circle01');
      expect((await store.loadBoardUpdates('lasting1')).map((u) => u.update)).toEqual([bytes(1)]);

      await circleCommand(store, { type: 'circleBoard.remove', boardId: 'lasting2' });
      expect(await store.circleIdForBoard('lasting2')).toBeNull();
      expect(await store.loadBoardUpdates('lasting2')).toEqual([]);
      expect(await store.loadBoardUpdates('lasting2/drafts/member01')).toEqual([]);
      expect(await store.circleIdForBoard('lasting1')).toBe('circle01');
    });

    it('CI12: deleteCircle takes its events, boards, registrations and harvests; false when unknown', async () => {
      const store = await t.fresh();
      await withCircle(store);
      await withCircle(store, 'circle02', 'BCDEFGHJ');
      await circleCommand(store, {
        type: 'circleBoard.add',
        title: 'Actions',
        templateId: 'blank',
        boardId: 'lasting1',
      });
      await store.appendBoardUpdate('lasting1', bytes(1));
      await store.addRegistration(registration('reg00001', { email: 'gone@example.org' }));
      await store.addRegistration(registration('reg00002', { circleId: 'circle02' }));
      await store.keepHarvest(harvest('harv0001', '2027-10-03'));
      expect(await store.deleteCircle('circle01')).toBe(true);
      expect(await store.deleteCircle('circle01')).toBe(false);
      expect(await store.deleteCircle('nocircle')).toBe(false);
      expect(await store.loadCircleEvents('circle01')).toEqual([]);
      expect(await store.circleIdForCode('ABCDEFGH')).toBeNull();
      expect(await store.circleExpiry('circle01')).toBeNull();
      expect(await store.circleIdForBoard('lasting1')).toBeNull();
      expect(await store.loadBoardUpdates('lasting1')).toEqual([]);
      expect(await store.registration('circle01', 'reg00001')).toBeNull();
      expect(await store.harvests('circle01')).toEqual([]);
      expect(await store.registrationMeetings()).toEqual([
        { circleId: 'circle02', seriesId: 'series01', key: '2027-10-03' },
      ]);
      expect(await store.loadCircleEvents('circle02')).toHaveLength(2);
    });
  });

  describe('registrations and harvests', () => {
    it('keeps a meeting’s registrations in the order people came, with status and participant', async () => {
      const store = await t.fresh();
      await withCircle(store);
      await store.addRegistration(registration('reg00002', { email: 'b@example.org' }));
      await store.addRegistration(registration('reg00001', { status: 'waiting' }));
      await store.addRegistration(registration('reg00004', { status: 'waiting' }));
      await store.addRegistration(registration('reg00003', { key: '2027-10-10' }));
      const list = await store.meetingRegistrations('circle01', 'series01', '2027-10-03');
      expect(list.map((r) => [r.id, r.status, r.email])).toEqual([
        ['reg00002', 'registered', 'b@example.org'],
        ['reg00001', 'waiting', null],
        ['reg00004', 'waiting', null],
      ]);
      expect(list[0]).toEqual(registration('reg00002', { email: 'b@example.org' }));
      await store.setRegistrationStatus('circle01', ['reg00001', 'reg00004'], 'registered');
      await store.setRegistrationStatus('circle01', [], 'registered');
      await store.setRegistrationParticipant('circle01', 'reg00001', 'part0001');
      expect(await store.registration('circle01', 'reg00001')).toMatchObject({
        status: 'registered',
        participantId: 'part0001',
      });
      expect(await store.registration('circle01', 'reg00004')).toMatchObject({ status: 'registered' });
      expect(await store.registration('other01', 'reg00001')).toBeNull();
      expect(await store.registrationMeetings()).toEqual([
        { circleId: 'circle01', seriesId: 'series01', key: '2027-10-03' },
        { circleId: 'circle01', seriesId: 'series01', key: '2027-10-10' },
      ]);
    });

    it('deletes one registration or a meeting’s, and says what went', async () => {
      const store = await t.fresh();
      await withCircle(store);
      await store.addRegistration(registration('reg00001'));
      await store.addRegistration(registration('reg00002', { key: '2027-10-10' }));
      await store.addRegistration(registration('reg00003', { key: '2027-10-10' }));
      expect(await store.deleteRegistration('other01', 'reg00001')).toBe(false);
      expect(await store.deleteRegistration('circle01', 'reg00001')).toBe(true);
      expect(await store.deleteRegistration('circle01', 'reg00001')).toBe(false);
      expect(await store.deleteMeetingRegistrations('circle01', 'series01', '2027-10-10')).toBe(2);
      expect(await store.deleteMeetingRegistrations('circle01', 'series01', '2027-10-10')).toBe(0);
      expect(await store.registrationMeetings()).toEqual([]);
    });

    it('CI28: one harvest per meeting, newest meeting first; keeping again replaces it; deletes one', async () => {
      const store = await t.fresh();
      await withCircle(store);
      await store.keepHarvest(harvest('harv0001', '2027-10-03'));
      await store.keepHarvest(harvest('harv0002', '2027-10-10'));
      await store.keepHarvest(harvest('harv0003', '2027-10-03', { seriesId: 'series00' }));
      const { markdown: _markdown, ...summary } = harvest('harv0002', '2027-10-10');
      expect(await store.harvests('circle01')).toEqual([
        summary,
        expect.objectContaining({ id: 'harv0003' }),
        expect.objectContaining({ id: 'harv0001' }),
      ]);
      expect(await store.harvest('circle01', 'harv0001')).toEqual(harvest('harv0001', '2027-10-03'));
      await store.keepHarvest(harvest('harv0004', '2027-10-03', { markdown: '# Again', keptAt: NOW + 1 }));
      expect(await store.harvest('circle01', 'harv0001')).toBeNull();
      expect(await store.harvest('circle01', 'harv0004')).toMatchObject({
        markdown: '# Again',
        keptAt: NOW + 1,
      });
      expect((await store.harvests('circle01')).map((h) => h.id)).toEqual([
        'harv0002',
        'harv0003',
        'harv0004',
      ]);
      expect(await store.harvest('other01', 'harv0002')).toBeNull();
      expect(await store.deleteHarvest('circle01', 'harv0002')).toBe(true);
      expect(await store.deleteHarvest('circle01', 'harv0002')).toBe(false);
      expect((await store.harvests('circle01')).map((h) => h.id)).toEqual(['harv0003', 'harv0004']);
    });
  });
}
