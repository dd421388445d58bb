import type { PresenceUpdate } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { PresenceBroadcast, type PresenceTimers } from './presence-broadcast';

/** A clock and timers the test moves by hand. */
function fakeTimers() {
  let now = 0;
  let due: { at: number; run: () => void; cancelled: boolean }[] = [];
  const timers: PresenceTimers = {
    now: () => now,
    after(ms, run) {
      const t = { at: now + ms, run, cancelled: false };
      due.push(t);
      return { cancel: () => void (t.cancelled = true) };
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const ready = due.filter((t) => t.at <= now && !t.cancelled);
    due = due.filter((t) => t.at > now && !t.cancelled);
    for (const t of ready) t.run();
  };
  return { timers, advance };
}

function setUp() {
  const { timers, advance } = fakeTimers();
  const sent: { sessionId: string; update: PresenceUpdate }[] = [];
  const out = new PresenceBroadcast((sessionId, update) => sent.push({ sessionId, update }), 100, timers);
  return { out, sent, advance };
}

describe('presence, gathered per session (issue 14)', () => {
  it('the first arrival after a quiet window goes out at once', () => {
    const { out, sent } = setUp();
    out.change('s1', 'ada', true);
    expect(sent).toEqual([{ sessionId: 's1', update: { online: ['ada'], offline: [] } }]);
  });

  it('a thousand arrivals within a window are one update at its end, each person once in their latest state', () => {
    const { out, sent, advance } = setUp();
    out.change('s1', 'first', true);
    for (let i = 0; i < 1000; i++) out.change('s1', `p${i}`, true);
    out.change('s1', 'p7', false);
    expect(sent).toHaveLength(1);
    advance(99);
    expect(sent).toHaveLength(1);
    advance(1);
    expect(sent).toHaveLength(2);
    const update = sent[1]!.update;
    expect(update.online).toHaveLength(999);
    expect(update.offline).toEqual(['p7']);
    // Quiet again for a whole window (a second, with a thousand online): the next goes out at once.
    advance(1000);
    out.change('s1', 'late', true);
    expect(sent).toHaveLength(3);
  });

  it('sessions are gathered apart, and a forgotten session sends nothing more', () => {
    const { out, sent, advance } = setUp();
    out.change('s1', 'ada', true);
    out.change('s2', 'ben', true);
    out.change('s1', 'cai', true);
    out.change('s2', 'dan', true);
    out.forget('s2');
    advance(100);
    expect(sent.map((x) => [x.sessionId, x.update.online])).toEqual([
      ['s1', ['ada']],
      ['s2', ['ben']],
      ['s1', ['cai']],
    ]);
  });

  it('the window grows with the people online, up to a second: a flush writes to each of them', () => {
    const { out, sent, advance } = setUp();
    for (let i = 0; i < 500; i++) out.change('s1', `p${i}`, true);
    advance(100);
    expect(sent).toHaveLength(2);
    // 501 people online: the next change waits 501 ms after the last update.
    out.change('s1', 'late', true);
    advance(500);
    expect(sent).toHaveLength(2);
    advance(1);
    expect(sent.map((x) => x.update.online)).toEqual([['p0'], expect.any(Array), ['late']]);
    // Going offline shrinks it again.
    for (let i = 0; i < 400; i++) out.change('s1', `p${i}`, false);
    advance(501);
    expect(sent).toHaveLength(4);
    out.change('s1', 'p0', true);
    advance(101);
    expect(sent).toHaveLength(4);
    advance(1);
    expect(sent).toHaveLength(5);
  });

  it('never waits more than a second, however many are online', () => {
    const { out, sent, advance } = setUp();
    for (let i = 0; i < 5000; i++) out.change('s1', `p${i}`, true);
    advance(100);
    out.change('s1', 'late', true);
    advance(999);
    expect(sent).toHaveLength(2);
    advance(1);
    expect(sent).toHaveLength(3);
  });
});
