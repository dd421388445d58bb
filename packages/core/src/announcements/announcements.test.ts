import { Command, LIMITS } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { ADA, COFAC, HOST, TestSession } from '../testing';
import { viewFor } from '../view/view';

describe('announcements', () => {
  it('N1: facilitators post; everyone sees active announcements', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'announcement.post', text: 'Back in 5 minutes' });
    expect(viewFor(s.state, ADA).announcements).toMatchObject([{ text: 'Back in 5 minutes', by: HOST }]);
    expect(s.refused(ADA, { type: 'announcement.post', text: 'hi' })).toBe('forbidden');
  });

  it('N1: a session holds a bounded number of active announcements', () => {
    const s = new TestSession();
    for (let i = 0; i < LIMITS.announcementsMax; i++)
      s.ok(HOST, { type: 'announcement.post', text: `n${i}` });
    expect(s.refused(HOST, { type: 'announcement.post', text: 'one more' })).toBe('too_large');
  });

  it('N2/N3: a facilitator clears one for everyone; dismissing is the UI’s, not a command', () => {
    expect(Command.safeParse({ type: 'announcement.dismiss', announcementId: 'announce1' }).success).toBe(
      false,
    );
    const s = new TestSession();
    s.ok(HOST, { type: 'announcement.post', text: 'Captions are on' });
    const id = s.lastId();
    s.ok(COFAC, { type: 'announcement.clear', announcementId: id });
    expect(s.state.announcements).toEqual([]);
    expect(s.ok(COFAC, { type: 'announcement.clear', announcementId: id })).toEqual([]);
  });
});
