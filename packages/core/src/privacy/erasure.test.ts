import type { SessionEvent } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { replay } from '../reducer';
import { ADA, BEN, HOST, TestSession, ownerKeyOf, storedLog } from '../testing';
import { applyErasure, erasuresOf } from './erasure';

const WORDS = [
  'What if nobody comes back',
  'Doors open at nine, Wilhelmina',
  'Check-in with Theodora',
  'Bring your Zephyr notebook',
  'Ada Original-Name',
  'Ben To-Be-Removed',
  'Planning board of Octavia',
  'old-contact@example.org',
];

describe('erasure at rest (PR6)', () => {
  it('PR6: deleted, cleared, removed and edited-away words are in no stored event; a replay ends in the same state', () => {
    const s = new TestSession();
    s.join('adaname1', 'Ada Original-Name').join('benname1', 'Ben To-Be-Removed');
    s.ok(ADA, { type: 'qa.ask', text: WORDS[0]!, anonymous: true, ownerKey: ownerKeyOf(ADA) });
    const question = s.lastId();
    s.ok(BEN, { type: 'qa.ask', text: 'A question that stays', anonymous: false });
    s.ok(HOST, { type: 'announcement.post', text: WORDS[1]! });
    const announcement = s.lastId();
    s.ok(HOST, { type: 'agenda.add', segment: { title: WORDS[2]!, kind: 'talk', plannedMinutes: 5 } });
    const segment = s.lastId();
    s.ok(HOST, { type: 'agenda.update', segmentId: segment, changes: { prompt: WORDS[3]! } });
    s.ok(HOST, {
      type: 'agenda.add',
      segment: { title: 'Welcome', kind: 'talk', plannedMinutes: 5, prompt: 'Old prompt' },
    });
    const kept = s.lastId();
    s.ok(HOST, { type: 'agenda.update', segmentId: kept, changes: { prompt: 'New prompt' } });
    s.ok(HOST, { type: 'board.rename', boardId: 'board1', title: WORDS[6]! });
    s.ok(HOST, { type: 'board.rename', boardId: 'board1', title: 'Harvest' });
    s.ok(HOST, { type: 'session.setNotice', organiser: 'Kring', contact: 'old-contact@example.org' });
    s.ok(HOST, { type: 'session.setNotice', organiser: 'Kring', contact: 'new@example.org' });

    s.ok(ADA, { type: 'qa.delete', questionId: question, ownerKey: ownerKeyOf(ADA) });
    s.ok(HOST, { type: 'announcement.clear', announcementId: announcement });
    s.ok(HOST, { type: 'agenda.remove', segmentId: segment });
    s.ok('adaname1', { type: 'participant.rename', participantId: 'adaname1', displayName: 'Ada' });
    s.ok(HOST, { type: 'participant.remove', participantId: 'benname1' });

    const log = storedLog(s.events);
    const text = JSON.stringify(log);
    for (const w of WORDS) expect({ w, found: text.includes(w) }).toEqual({ w, found: false });
    expect(text).toContain('A question that stays');
    expect(text).toContain('New prompt');
    expect(text).not.toContain('Old prompt');
    // The anonymous question's author is gone with it.
    expect(log.find((e) => e.type === 'question.asked' && e.questionId === question)).toMatchObject({
      text: '',
      authorId: null,
      ownerKey: null,
    });
    expect(replay(log)).toEqual(s.state);
    expect(s.state.participants.benname1).toMatchObject({ removed: true, displayName: '' });
  });

  it('PR6: an erasure touches only its own thing, and only events stored before it', () => {
    const e = erasuresOf({
      v: 9,
      at: 1,
      type: 'announcement.cleared',
      announcementId: 'announce1',
      by: HOST,
    });
    const log: SessionEvent[] = [
      { v: 1, at: 1, type: 'announcement.posted', announcementId: 'announce1', text: 'gone', by: HOST },
      { v: 2, at: 1, type: 'announcement.posted', announcementId: 'announce2', text: 'stays', by: HOST },
      { v: 10, at: 1, type: 'announcement.posted', announcementId: 'announce1', text: 'later', by: HOST },
    ];
    expect(applyErasure(log, e[0]!, 9).map((x) => ('text' in x ? x.text : null))).toEqual([
      '',
      'stays',
      'later',
    ]);
    expect(erasuresOf({ v: 3, at: 1, type: 'session.doorChanged', open: false, by: HOST })).toEqual([]);
  });
});
