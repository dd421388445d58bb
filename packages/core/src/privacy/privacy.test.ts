import { describe, expect, it } from 'vitest';
import { ADA, CAPTIONER, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { DEFAULT_RETENTION, IDLE_END_MS, endedAt, expiresAt, mayExport } from './privacy';

const DAY = 24 * 60 * 60 * 1000;

describe('privacy (PR)', () => {
  it('PR1: 30 days after the end by default; facilitators choose days, "when I end it" or a date to come', () => {
    const s = new TestSession();
    expect(s.state.privacy.retention).toEqual(DEFAULT_RETENTION);
    expect(DEFAULT_RETENTION).toEqual({ kind: 'days', days: 30 });
    expect(s.refused(ADA, { type: 'session.setRetention', retention: { kind: 'onEnd' } })).toBe('forbidden');
    s.ok(COFAC, { type: 'session.setRetention', retention: { kind: 'days', days: 365 } });
    expect(s.state.privacy.retention).toEqual({ kind: 'days', days: 365 });
    expect(s.ok(HOST, { type: 'session.setRetention', retention: { kind: 'days', days: 365 } })).toEqual([]);
    expect(s.refused(HOST, { type: 'session.setRetention', retention: { kind: 'until', at: s.now } })).toBe(
      'bad_request',
    );
    s.ok(HOST, { type: 'session.setRetention', retention: { kind: 'until', at: s.now + DAY } });
    expect(s.state.privacy.retention).toEqual({ kind: 'until', at: s.now + DAY });
    // Out of range: the wire schema refuses it before core.
    expect(() =>
      s.run(HOST, { type: 'session.setRetention', retention: { kind: 'days', days: 0 } }),
    ).toThrow();
    expect(() =>
      s.run(HOST, { type: 'session.setRetention', retention: { kind: 'days', days: 4000 } }),
    ).toThrow();
  });

  it('PR2: a facilitator ends the session once (the door closes); unended, it ends after 30 idle days', () => {
    const s = new TestSession();
    expect(endedAt(s.state, 5000)).toBe(5000 + IDLE_END_MS);
    expect(s.refused(ADA, { type: 'session.end' })).toBe('forbidden');
    s.tick(1000);
    s.ok(HOST, { type: 'session.end' });
    expect(s.state.privacy.endedAt).toBe(s.now);
    expect(s.state.doorOpen).toBe(false);
    expect(s.ok(HOST, { type: 'session.end' })).toEqual([]);
    expect(endedAt(s.state, s.now + 99 * DAY)).toBe(s.now);
  });

  it('PR3: when everything is deleted: days after the end, at the end, or on the chosen date', () => {
    const s = new TestSession();
    const last = 1_000_000;
    expect(expiresAt(s.state, last)).toBe(last + IDLE_END_MS + 30 * DAY);
    s.ok(HOST, { type: 'session.setRetention', retention: { kind: 'onEnd' } });
    expect(expiresAt(s.state, last)).toBe(last + IDLE_END_MS);
    s.ok(HOST, { type: 'session.setRetention', retention: { kind: 'until', at: s.now + 7 * DAY } });
    expect(expiresAt(s.state, last)).toBe(s.now + 7 * DAY);
    s.ok(HOST, { type: 'session.setRetention', retention: { kind: 'days', days: 2 } });
    s.ok(HOST, { type: 'session.end' });
    const ended = s.now;
    expect(expiresAt(s.state, last)).toBe(ended + 2 * DAY);
    s.ok(HOST, { type: 'session.setRetention', retention: { kind: 'onEnd' } });
    expect(expiresAt(s.state, last)).toBe(ended);
  });

  it('PR5: everyone exports until the facilitators keep exports to themselves', () => {
    const s = new TestSession();
    expect([HOST, COFAC, ADA, OBSERVER, CAPTIONER].every((p) => mayExport(s.state, p))).toBe(true);
    expect(s.refused(ADA, { type: 'session.setExporters', exporters: 'facilitators' })).toBe('forbidden');
    s.ok(HOST, { type: 'session.setExporters', exporters: 'facilitators' });
    expect([HOST, COFAC].every((p) => mayExport(s.state, p))).toBe(true);
    expect([ADA, OBSERVER, CAPTIONER].some((p) => mayExport(s.state, p))).toBe(false);
    expect(mayExport(s.state, 'nobody01')).toBe(false);
  });
});

describe('the privacy notice (PR7)', () => {
  it('PR7: facilitators say who organises and how to reach them (both optional); editing it away erases the old words', () => {
    const s = new TestSession();
    expect(s.state.privacy.notice).toEqual({ organiser: null, contact: null });
    expect(s.refused(ADA, { type: 'session.setNotice', organiser: 'Me', contact: null })).toBe('forbidden');
    s.ok(HOST, { type: 'session.setNotice', organiser: 'Intervision Antwerpen', contact: 'old@example.org' });
    expect(s.state.privacy.notice).toEqual({
      organiser: 'Intervision Antwerpen',
      contact: 'old@example.org',
    });
    expect(
      s.ok(HOST, {
        type: 'session.setNotice',
        organiser: 'Intervision Antwerpen',
        contact: 'old@example.org',
      }),
    ).toEqual([]);
    s.ok(HOST, { type: 'session.setNotice', organiser: 'Intervision Antwerpen', contact: null });
    expect(s.state.privacy.notice.contact).toBeNull();
  });
});
