import { ADA, BEN, HOST, ownerKeyOf, storedLog } from '@kring/core/testing';
import type { NewSessionEvent } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { VersionConflictError } from '../store';
import { type ContractContext, LATER, NOW, StoredSession, joined, opening, withSession } from './fixtures';

const announcement = (text: string, announcementId = 'announce1'): NewSessionEvent => ({
  type: 'announcement.posted',
  at: NOW + 2,
  announcementId,
  text,
  by: 'host0001',
});

/** Sessions, their event log and its concurrency, join codes, erasures, expiry and deletion. */
export function sessionContract(t: ContractContext): void {
  describe('sessions and their event log', () => {
    it('creates a session and loads its events back as they were appended, also after a restart', async () => {
      let store = await t.fresh();
      const first = opening('session01', 'ABCDEF', 'boardone1');
      const stored = await store.createSession('session01', 'ABCDEF', first, LATER);
      expect(stored.map((e) => e.v)).toEqual(first.map((_, i) => i + 1));
      const more = await store.appendEvents('session01', stored.length, joined('part0001', 'Ada Lovelace'));
      expect(more.map((e) => e.v)).toEqual([stored.length + 1]);
      expect(await store.loadEvents('session01')).toEqual([...stored, ...more]);
      store = await t.restart(store);
      expect(await store.loadEvents('session01')).toEqual([...stored, ...more]);
      expect(await store.sessionIdForJoinCode('ABCDEF')).toBe('session01');
      expect(await store.sessionIdForBoard('boardone1')).toBe('session01');
      expect(await store.loadEvents('nosession')).toEqual([]);
      expect(await store.sessionIdForJoinCode('ZZZZZZ')).toBeNull();
    });

    it('loads only the events after a version, for a node catching up (issue 17)', async () => {
      const store = await t.fresh();
      const stored = await store.createSession(
        'session01',
        'ABCDEF',
        opening('session01', 'ABCDEF', 'boardone1'),
        LATER,
      );
      const more = await store.appendEvents('session01', stored.length, joined('part0001', 'Ada Lovelace'));
      const last = await store.appendEvents('session01', stored.length + 1, [announcement('Welcome')]);
      expect(await store.loadEvents('session01', 0)).toEqual([...stored, ...more, ...last]);
      expect(await store.loadEvents('session01', stored.length)).toEqual([...more, ...last]);
      expect(await store.loadEvents('session01', stored.length + 1)).toEqual(last);
      expect(await store.loadEvents('session01', stored.length + 2)).toEqual([]);
      expect(await store.loadEvents('nosession', 3)).toEqual([]);
    });

    it('keeps words as typed: quotes, emoji, backslashes and a NUL escape round-trip', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const v = (await store.loadEvents('session01')).length;
      const text = 'Zeg "hoi" \\ 👋🏽 ünïcødé \u0000 end';
      await store.appendEvents('session01', v, [announcement(text)]);
      expect((await store.loadEvents('session01')).at(-1)).toMatchObject({ text });
    });

    it('createSession is one transaction: a failing batch leaves no session, and its code stays free', async () => {
      const store = await t.fresh();
      const first = opening('session01', 'ABCDEF', 'boardone1');
      // The same participant joining twice breaks the participants' key in the middle of the batch.
      const broken = [...first, ...joined('part0001', 'Ada'), ...joined('part0001', 'Ada')];
      await expect(store.createSession('session01', 'ABCDEF', broken, LATER)).rejects.toThrow();
      expect(await store.sessionIdForJoinCode('ABCDEF')).toBeNull();
      expect(await store.loadEvents('session01')).toEqual([]);
      expect(await store.sessionExpiry('session01')).toBeNull();
      expect(await store.sessionIdForBoard('boardone1')).toBeNull();
      await store.createSession('session01', 'ABCDEF', first, LATER);
      expect(await store.sessionIdForJoinCode('ABCDEF')).toBe('session01');
    });

    it('a join code is one session’s: a second session with it is refused, the first stays whole', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const before = await store.loadEvents('session01');
      await expect(
        store.createSession('session02', 'ABCDEF', opening('session02', 'ABCDEF', 'boardtwo2'), LATER),
      ).rejects.toThrow();
      expect(await store.sessionIdForJoinCode('ABCDEF')).toBe('session01');
      expect(await store.loadEvents('session01')).toEqual(before);
      expect(await store.loadEvents('session02')).toEqual([]);
    });

    it('J4: a join code change moves the lookup; a code another session has is refused, nothing moves', async () => {
      const store = await t.fresh();
      const session = await StoredSession.start(store);
      await withSession(store, 'session02', 'GHJKLM');
      await session.ok(HOST, { type: 'session.rotateJoinCode', joinCode: 'QRSTUV' });
      expect(await store.sessionIdForJoinCode('ABCDEF')).toBeNull();
      expect(await store.sessionIdForJoinCode('QRSTUV')).toBe('session1');
      const v = session.s.events.length;
      const taken: NewSessionEvent = {
        type: 'session.joinCodeChanged',
        at: NOW,
        joinCode: 'GHJKLM',
        by: HOST,
      };
      await expect(store.appendEvents('session1', v, [taken])).rejects.toThrow();
      expect(await store.sessionIdForJoinCode('QRSTUV')).toBe('session1');
      expect(await store.sessionIdForJoinCode('GHJKLM')).toBe('session02');
      // The refused batch did not move the version either.
      expect(await store.loadEvents('session1')).toHaveLength(v);
      await expect(store.appendEvents('session1', v, [announcement('still at v')])).resolves.toHaveLength(1);
    });

    it('refuses an append at a stale version or to an unknown session, and stores nothing of it', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      const v = (await store.loadEvents('session01')).length;
      await expect(store.appendEvents('session01', v - 1, [announcement('late')])).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      await expect(store.appendEvents('session01', v + 1, [announcement('early')])).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      await expect(store.appendEvents('nosession', 0, [announcement('nobody')])).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      expect(await store.loadEvents('session01')).toHaveLength(v);
    });

    it('concurrent appends at one version: exactly one wins, every time', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      let v = (await store.loadEvents('session01')).length;
      for (let round = 0; round < 5; round++) {
        const tries = [0, 1, 2, 3].map((i) =>
          store.appendEvents('session01', v, [
            announcement(`round ${round} try ${i}`, `ann${round}x${i}`),
            announcement(`round ${round} try ${i} again`, `ann${round}y${i}`),
          ]),
        );
        const results = await Promise.allSettled(tries);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(3);
        for (const reason of lost) expect(reason).toBeInstanceOf(VersionConflictError);
        v += 2;
        const events = await store.loadEvents('session01');
        expect(events.map((e) => e.v)).toEqual(events.map((_, i) => i + 1));
        expect(events).toHaveLength(v);
      }
    });

    it('PR6: words that leave the session leave the stored log, in the append that takes them away', async () => {
      const store = await t.fresh();
      const session = await StoredSession.start(store);
      const { s } = session;
      s.join('adaname1', 'Ada Original-Name');
      s.join('benname1', 'Ben To-Be-Removed');
      await store.appendEvents('session1', s.events.length - 2, s.events.slice(-2));
      await session.ok(ADA, {
        type: 'qa.ask',
        text: 'What if nobody comes',
        anonymous: true,
        ownerKey: ownerKeyOf(ADA),
      });
      const question = s.lastId();
      await session.ok(BEN, { type: 'qa.ask', text: 'A question that stays', anonymous: false });
      await session.ok(HOST, { type: 'announcement.post', text: 'Doors open at nine' });
      const posted = s.lastId();
      await session.ok(HOST, {
        type: 'agenda.add',
        segment: { title: 'Check-in with Theodora', kind: 'talk', plannedMinutes: 5 },
      });
      const segment = s.lastId();
      await session.ok(HOST, {
        type: 'agenda.update',
        segmentId: segment,
        changes: { prompt: 'Zephyr notebook' },
      });
      await session.ok(HOST, { type: 'board.rename', boardId: 'board1', title: 'Planning of Octavia' });
      await session.ok(HOST, { type: 'board.rename', boardId: 'board1', title: 'Harvest' });
      await session.ok(HOST, { type: 'session.setNotice', organiser: 'Kring', contact: 'old@example.org' });
      await session.ok(HOST, { type: 'session.setNotice', organiser: 'Kring', contact: 'new@example.org' });
      await session.ok(ADA, { type: 'qa.delete', questionId: question, ownerKey: ownerKeyOf(ADA) });
      await session.ok(HOST, { type: 'announcement.clear', announcementId: posted });
      await session.ok(HOST, { type: 'agenda.remove', segmentId: segment });
      await session.ok('adaname1', {
        type: 'participant.rename',
        participantId: 'adaname1',
        displayName: 'Ada',
      });
      await session.ok(HOST, { type: 'participant.remove', participantId: 'benname1' });

      const stored = await store.loadEvents('session1');
      expect(stored).toEqual(storedLog(s.events));
      const text = JSON.stringify(stored);
      for (const gone of [
        'What if nobody',
        'Doors open',
        'Theodora',
        'Zephyr',
        'Octavia',
        'old@example',
        'Original-Name',
        'To-Be-Removed',
      ]) {
        expect({ gone, found: text.includes(gone) }).toEqual({ gone, found: false });
      }
      expect(text).toContain('A question that stays');
    });

    it('the same participant may be in several sessions (a circle member in every meeting)', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      await withSession(store, 'session02', 'GHJKLM');
      for (const id of ['session01', 'session02']) {
        const v = (await store.loadEvents(id)).length;
        await store.appendEvents(id, v, joined('member01', 'Ada'));
        const renamed: NewSessionEvent = {
          type: 'participant.renamed',
          at: NOW,
          participantId: 'member01',
          displayName: `Ada in ${id}`,
          by: 'member01',
        };
        await store.appendEvents(id, v + 1, [renamed]);
      }
      expect((await store.loadEvents('session01')).at(-2)).toMatchObject({ displayName: 'Ada in session01' });
      expect((await store.loadEvents('session02')).at(-2)).toMatchObject({ displayName: 'Ada in session02' });
    });

    it('BR1/BR8: rooms’ boards are in the board lookup; a session with open rooms is listed until they close', async () => {
      const store = await t.fresh();
      const session = await StoredSession.start(store);
      await withSession(store, 'session02', 'GHJKLM');
      expect(await store.sessionsWithOpenBreakout()).toEqual([]);
      await session.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
      const rooms = session.s.state.breakouts.current!.rooms;
      expect(rooms).toHaveLength(2);
      for (const room of rooms) expect(await store.sessionIdForBoard(room.boardId)).toBe('session1');
      expect(await store.sessionsWithOpenBreakout()).toEqual([]);
      await session.ok(HOST, { type: 'breakout.open', durationMs: 60_000 });
      expect(await store.sessionsWithOpenBreakout()).toEqual(['session1']);
      await session.ok(HOST, { type: 'breakout.adjust', deltaMs: 60_000 });
      expect(await store.sessionsWithOpenBreakout()).toEqual(['session1']);
      await session.ok(HOST, { type: 'breakout.close' });
      expect(await store.sessionsWithOpenBreakout()).toEqual([]);
    });

    it('PR3: keeps expiries and lists the sessions whose time has come, oldest expiry first', async () => {
      const store = await t.fresh();
      await store.createSession('session02', 'GHJKLM', opening('session02', 'GHJKLM', 'boardtwo2'), NOW + 20);
      await store.createSession('session01', 'ABCDEF', opening('session01', 'ABCDEF', 'boardone1'), NOW + 30);
      await store.createSession(
        'session03',
        'NPQRST',
        opening('session03', 'NPQRST', 'boardthree'),
        NOW + 20,
      );
      expect(await store.sessionExpiry('session01')).toBe(NOW + 30);
      expect(await store.sessionExpiry('nosession')).toBeNull();
      expect(await store.sessionsExpiredBy(NOW + 19)).toEqual([]);
      expect(await store.sessionsExpiredBy(NOW + 20)).toEqual(['session02', 'session03']);
      await store.setSessionExpiry('session01', NOW + 10);
      expect(await store.sessionExpiry('session01')).toBe(NOW + 10);
      expect(await store.sessionsExpiredBy(NOW + 30)).toEqual(['session01', 'session02', 'session03']);
    });

    it('PR4: deleteSession takes events, boards, their documents and the transcript; false when unknown', async () => {
      const store = await t.fresh();
      await withSession(store, 'session01', 'ABCDEF');
      await withSession(store, 'session02', 'GHJKLM');
      await store.appendBoardUpdate('board-session01', new Uint8Array([1, 2]));
      await store.appendBoardUpdate('board-session01/drafts/part0001', new Uint8Array([3]));
      await store.appendBoardUpdate('board-session02', new Uint8Array([4]));
      await store.addCaptionLine('session01', {
        id: 'line0001',
        scope: 'plenary',
        text: 'Words of a Wombat',
        speaker: null,
        lang: null,
        at: NOW,
        order: 1,
        by: { kind: 'person', participantId: 'host0001' },
        editedAt: null,
      });
      expect(await store.deleteSession('session01')).toBe(true);
      expect(await store.deleteSession('session01')).toBe(false);
      expect(await store.deleteSession('nosession')).toBe(false);
      expect(await store.loadEvents('session01')).toEqual([]);
      expect(await store.sessionIdForJoinCode('ABCDEF')).toBeNull();
      expect(await store.sessionExpiry('session01')).toBeNull();
      expect(await store.sessionIdForBoard('board-session01')).toBeNull();
      expect(await store.loadBoardUpdates('board-session01')).toEqual([]);
      expect(await store.loadBoardUpdates('board-session01/drafts/part0001')).toEqual([]);
      expect(await store.captionTail('session01')).toEqual({ lastOrder: null, count: 0 });
      // The other session is untouched, and the freed code can be used again.
      expect(await store.loadBoardUpdates('board-session02')).toHaveLength(1);
      expect(await store.sessionIdForJoinCode('GHJKLM')).toBe('session02');
      await withSession(store, 'session03', 'ABCDEF');
      expect(await store.sessionIdForJoinCode('ABCDEF')).toBe('session03');
    });
  });
}
