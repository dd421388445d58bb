import { describe, expect, it } from 'vitest';
import { ADA, BEN, HOST, TestSession } from '@kring/core/testing';
import type { SessionEvent } from '@kring/protocol';
import { RecentBatches } from './recent-batches';

/** A session whose every accepted command is recorded as the server publishes it. */
function published(limits?: { events: number; ms: number }) {
  const s = new TestSession();
  let now = 0;
  const recent = new RecentBatches(() => now, limits);
  const run = (actor: string, command: unknown): SessionEvent[] => {
    const before = s.state;
    const from = s.events.length;
    s.ok(actor, command);
    const events = s.events.slice(from);
    recent.record('s1', before, events);
    return events;
  };
  return { s, recent, run, tick: (ms: number) => (now += ms) };
}

describe('a client coming back gets what it missed, cut as it was live (issue 14: people once, then deltas)', () => {
  it('gives the events after the version held, nothing when it is current', () => {
    const { s, recent, run } = published();
    const held = s.state.version;
    const posted = run(HOST, { type: 'announcement.post', text: 'Back in 5 minutes' });
    const signal = run(ADA, { type: 'signal.set', signal: 'pause', on: true });
    const again = run(HOST, { type: 'announcement.post', text: 'Captions are on' });
    expect(recent.since('s1', held, s.state.version, HOST)).toEqual([...posted, ...signal, ...again]);
    expect(recent.since('s1', held + posted.length, s.state.version, HOST)).toEqual([...signal, ...again]);
    expect(recent.since('s1', s.state.version, s.state.version, BEN)).toEqual([]);
  });

  it('cuts each batch for the person as the live broadcast does: a private signal reaches only its sender and facilitators', () => {
    const { s, recent, run } = published();
    const held = s.state.version;
    run(ADA, { type: 'signal.set', signal: 'pause', on: true });
    const forBen = recent.since('s1', held, s.state.version, BEN)!;
    const forAda = recent.since('s1', held, s.state.version, ADA)!;
    const forHost = recent.since('s1', held, s.state.version, HOST)!;
    expect(forAda[0]).toMatchObject({ type: 'signal.changed', participantId: ADA });
    expect(forHost[0]).toMatchObject({ type: 'signal.changed', participantId: ADA });
    // Ben learns a version went by, never whose signal it was.
    expect(forBen).toHaveLength(1);
    expect(JSON.stringify(forBen)).not.toContain(ADA);
  });

  it('says "take a snapshot" (null) when a batch is missing, too old, too much, or from the future', () => {
    const { s, recent, run, tick } = published({ events: 3, ms: 60_000 });
    const held = s.state.version;
    expect(recent.since('s1', held - 1, held, ADA)).toBeNull(); // nothing recorded before
    expect(recent.since('s1', held + 1, held, ADA)).toBeNull();
    run(HOST, { type: 'announcement.post', text: 'one' });
    run(HOST, { type: 'announcement.post', text: 'two' });
    expect(recent.since('s1', held, s.state.version, ADA)).toHaveLength(2);
    // More than three events: the oldest batch goes, and with it the way back from `held`.
    run(HOST, { type: 'announcement.post', text: 'three' });
    run(HOST, { type: 'announcement.post', text: 'four' });
    expect(recent.since('s1', held, s.state.version, ADA)).toBeNull();
    expect(recent.since('s1', held + 2, s.state.version, ADA)).toHaveLength(2);
    // Older than the window: gone too.
    tick(60_001);
    expect(recent.since('s1', held + 2, s.state.version, ADA)).toBeNull();
    // A version the session reached without this record (another path): null, not a partial list.
    expect(recent.since('s1', s.state.version - 1, s.state.version + 1, ADA)).toBeNull();
  });

  it('keeps nothing from before an erasure: the erased words are never sent again from here (PR6)', () => {
    const { s, recent, run } = published();
    const held = s.state.version;
    run(HOST, { type: 'announcement.post', text: 'words that will go' });
    const id = s.lastId();
    run(HOST, { type: 'announcement.clear', announcementId: id });
    expect(recent.since('s1', held, s.state.version, ADA)).toBeNull();
    // From the erasure on, the past is kept again.
    const after = s.state.version;
    run(HOST, { type: 'announcement.post', text: 'next' });
    expect(recent.since('s1', after, s.state.version, ADA)).toHaveLength(1);
  });

  it('forgets a deleted session (PR4)', () => {
    const { s, recent, run } = published();
    const held = s.state.version;
    run(HOST, { type: 'announcement.post', text: 'one' });
    recent.forget('s1');
    expect(recent.since('s1', held, s.state.version, ADA)).toBeNull();
  });
});
