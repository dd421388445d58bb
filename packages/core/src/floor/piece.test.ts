import { describe, expect, it } from 'vitest';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { maySpeak } from './speaking';

const holder = (s: TestSession) => s.floor().speaker?.participantId ?? null;
const piece = (s: TestSession, holderId?: string | null) =>
  s.ok(HOST, {
    type: 'floor.start',
    setup: { mode: 'piece', ...(holderId === undefined ? {} : { holderId }) },
  });

describe('talking piece', () => {
  it('F-P1: the holder hands it to anyone or back to the centre', () => {
    const s = new TestSession();
    piece(s, ADA);
    expect(holder(s)).toBe(ADA);
    s.ok(ADA, { type: 'piece.pass', to: BEN });
    expect(holder(s)).toBe(BEN);
    expect(s.refused(ADA, { type: 'piece.pass', to: CAI })).toBe('forbidden');
    expect(s.refused(BEN, { type: 'piece.pass', to: OBSERVER })).toBe('conflict');
    s.ok(BEN, { type: 'piece.pass', to: null });
    expect(holder(s)).toBeNull();
  });

  it('F-P2: anyone takes it from the centre; while held, others wait', () => {
    const s = new TestSession();
    piece(s);
    s.ok(CAI, { type: 'piece.take' });
    expect(holder(s)).toBe(CAI);
    expect(s.refused(ADA, { type: 'piece.take' })).toBe('conflict');
    expect(s.ok(CAI, { type: 'piece.take' })).toEqual([]);
    expect(s.refused(OBSERVER, { type: 'piece.take' })).toBe('forbidden');
  });

  it('F-P3: a facilitator takes it back or moves it any time', () => {
    const s = new TestSession();
    piece(s, ADA);
    s.ok(COFAC, { type: 'piece.take' });
    expect(holder(s)).toBe(COFAC);
    s.ok(HOST, { type: 'piece.pass', to: BEN });
    expect(holder(s)).toBe(BEN);
    s.ok(HOST, { type: 'piece.pass', to: null });
    expect(holder(s)).toBeNull();
  });

  it('F-P4: only the holder may speak; the piece in the centre means silence', () => {
    const s = new TestSession();
    piece(s);
    expect([ADA, BEN, HOST].some((id) => maySpeak(s.floor(), id))).toBe(false);
    s.ok(ADA, { type: 'piece.take' });
    expect(maySpeak(s.floor(), ADA)).toBe(true);
    expect(maySpeak(s.floor(), HOST)).toBe(false);
  });

  it('F-P/RO6: a holder who is removed puts the piece back in the centre; holding counts as turns (B1)', () => {
    const s = new TestSession();
    piece(s, ADA);
    s.tick(3000).ok(ADA, { type: 'piece.pass', to: BEN });
    s.tick(2000).ok(HOST, { type: 'participant.remove', participantId: BEN });
    expect(holder(s)).toBeNull();
    expect(s.floor().balance).toEqual({
      [ADA]: { turns: 1, speakingMs: 3000 },
      [BEN]: { turns: 1, speakingMs: 2000 },
    });
  });
});
