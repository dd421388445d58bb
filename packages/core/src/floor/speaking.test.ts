import { describe, expect, it } from 'vitest';
import { ADA, BEN, CAI, HOST, TestSession } from '../testing';
import { maySpeak, nextSpeaker, turnChange, turnInfo, turnRemainingMs } from './speaking';

describe('the floor: modes, who may speak, announcements', () => {
  it('F2: starting a mode ends the running turn and starts fresh; the balance carries over', () => {
    const s = new TestSession();
    s.ok(BEN, { type: 'hand.raise' });
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
    s.tick(2000).ok(HOST, { type: 'floor.start', setup: { mode: 'fishbowl', seats: 3 } });
    expect(s.floor()).toMatchObject({ mode: 'fishbowl', speaker: null, inner: [] });
    s.ok(HOST, { type: 'floor.start', setup: { mode: 'open' } });
    expect(s.floor()).toMatchObject({ mode: 'open', hands: [], speaker: null });
    expect(s.floor().balance[ADA]).toEqual({ turns: 1, speakingMs: 2000 });
  });

  it('F2: the floor keeps working with no facilitator online', () => {
    const s = new TestSession();
    s.ok(HOST, {
      type: 'floor.start',
      setup: { mode: 'round', orderBy: 'manual', participantIds: [ADA, HOST, BEN] },
    });
    // Every facilitator's connection drops; the participants carry on.
    s.online = [ADA, BEN, CAI];
    s.ok(ADA, { type: 'round.done' });
    // The host's turn comes while they are away: skipped, Ben speaks.
    expect(s.floor().speaker?.participantId).toBe(BEN);
    s.ok(BEN, { type: 'round.pass' });
    expect(s.floor().speaker).toBeNull();
    // A talking piece goes from hand to hand without anyone steering.
    s.online = undefined;
    s.ok(HOST, { type: 'floor.start', setup: { mode: 'piece', holderId: ADA } });
    s.online = [ADA, BEN];
    s.ok(ADA, { type: 'piece.pass', to: BEN });
    s.ok(BEN, { type: 'piece.pass', to: null });
    s.ok(ADA, { type: 'piece.take' });
    expect(s.floor().speaker?.participantId).toBe(ADA);
    // On an open floor hands keep queueing and the speaker can still end their turn.
    s.online = undefined;
    s.ok(HOST, { type: 'floor.start', setup: { mode: 'open' } });
    s.ok(HOST, { type: 'floor.give', participantId: CAI });
    s.online = [ADA, BEN, CAI];
    s.ok(ADA, { type: 'hand.raise' });
    s.ok(CAI, { type: 'floor.endTurn' });
    expect(s.floor()).toMatchObject({ speaker: null, hands: [{ participantId: ADA }] });
  });

  it('F-Q7: on an open floor the speaker may speak, and everyone while nobody has the floor', () => {
    const s = new TestSession();
    expect(maySpeak(s.floor(), ADA)).toBe(true);
    s.ok(HOST, { type: 'floor.give', participantId: BEN });
    expect(maySpeak(s.floor(), BEN)).toBe(true);
    expect(maySpeak(s.floor(), ADA)).toBe(false);
  });

  it('F4/F-R6: in a round the speaker may speak; after the round everyone', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'floor.start', setup: { mode: 'round', orderBy: 'manual', participantIds: [ADA] } });
    expect(maySpeak(s.floor(), ADA)).toBe(true);
    expect(maySpeak(s.floor(), BEN)).toBe(false);
    s.ok(ADA, { type: 'round.done' });
    expect(maySpeak(s.floor(), BEN)).toBe(true);
  });

  it('F5: turnInfo and turnChange tell a screen reader "your turn", "you are next", "turn over"', () => {
    const s = new TestSession();
    s.ok(HOST, {
      type: 'floor.start',
      setup: { mode: 'round', orderBy: 'manual', participantIds: [ADA, BEN, CAI] },
    });
    const first = s.floor();
    expect([turnInfo(first, ADA), turnInfo(first, BEN), turnInfo(first, CAI)]).toEqual([
      'speaking',
      'next',
      null,
    ]);
    s.ok(ADA, { type: 'round.done' });
    const second = s.floor();
    expect(turnChange(first, second, ADA)).toBe('ended');
    expect(turnChange(first, second, BEN)).toBe('speaking');
    expect(turnChange(first, second, CAI)).toBe('next');
    expect(turnChange(second, second, CAI)).toBeNull();
    // Open floor: the head of the queue is next.
    s.ok(HOST, { type: 'floor.start', setup: { mode: 'open' } });
    s.ok(CAI, { type: 'hand.raise' });
    expect(nextSpeaker(s.floor())).toBe(CAI);
    expect(turnInfo(s.floor(), CAI)).toBe('next');
  });

  it('F5: being given the floor again right after your turn is announced again', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
    const before = s.floor();
    s.tick(1000).ok(HOST, { type: 'floor.start', setup: { mode: 'piece', holderId: ADA } });
    expect(turnChange(before, s.floor(), ADA)).toBe('speaking');
  });

  it('F6: soft time counts down from the turn start, goes negative in overtime, never ends the turn', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'floor.setOptions', softTurnMs: 60_000 });
    expect(turnRemainingMs(s.floor(), s.now)).toBeNull();
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
    const start = s.now;
    expect(turnRemainingMs(s.floor(), start + 45_000)).toBe(15_000);
    expect(turnRemainingMs(s.floor(), start + 90_000)).toBe(-30_000);
    expect(s.floor().speaker?.participantId).toBe(ADA);
  });

  it('F6/F-Q3: options change only what differs; quiet-first belongs to the open floor', () => {
    const s = new TestSession();
    expect(s.ok(HOST, { type: 'floor.setOptions', quietFirst: false })).toEqual([]);
    expect(s.ok(HOST, { type: 'floor.setOptions', softTurnMs: 30_000, quietFirst: true })).toHaveLength(1);
    s.ok(HOST, { type: 'floor.start', setup: { mode: 'piece' } });
    expect(s.refused(HOST, { type: 'floor.setOptions', quietFirst: true })).toBe('conflict');
    s.ok(HOST, { type: 'floor.setOptions', softTurnMs: null });
    expect(s.floor().softTurnMs).toBeNull();
    expect(s.refused(ADA, { type: 'floor.setOptions', softTurnMs: 1000 })).toBe('forbidden');
  });
});
