import { describe, expect, it } from 'vitest';
import { replay } from '../reducer';
import { ADA, BEN, HOST, TestSession } from '../testing';
import { balanceAt } from './balance';

describe('speaking balance', () => {
  it('B1: counts turns and speaking time per person from the events', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
    s.tick(3000).ok(HOST, { type: 'floor.give', participantId: BEN });
    s.tick(1000).ok(BEN, { type: 'floor.endTurn' });
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
    s.tick(500).ok(ADA, { type: 'floor.endTurn' });
    expect(s.floor().balance).toEqual({
      [ADA]: { turns: 2, speakingMs: 3500 },
      [BEN]: { turns: 1, speakingMs: 1000 },
    });
    // Replayed elsewhere, from the same events, the same numbers.
    expect(replay(s.events).floors.plenary?.balance).toEqual(s.floor().balance);
  });

  it('B2: round passes and skips are neither turns nor time; spoken round turns are', () => {
    const s = new TestSession();
    s.ok(HOST, {
      type: 'floor.start',
      setup: { mode: 'round', orderBy: 'manual', participantIds: [ADA, BEN, HOST] },
    });
    s.tick(4000).ok(ADA, { type: 'round.pass' });
    s.tick(2000).ok(HOST, { type: 'round.skip' });
    s.tick(7000).ok(HOST, { type: 'round.done' });
    expect(s.floor().balance).toEqual({ [HOST]: { turns: 1, speakingMs: 7000 } });
  });

  it('B3: balanceAt includes the running turn', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
    const start = s.now;
    expect(balanceAt(s.floor(), start + 2500)).toEqual({ [ADA]: { turns: 1, speakingMs: 2500 } });
    expect(s.floor().balance).toEqual({});
  });
});
