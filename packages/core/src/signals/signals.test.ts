import { describe, expect, it } from 'vitest';
import { ADA, BEN, COFAC, HOST, TestSession } from '../testing';
import { viewFor } from '../view/view';

describe('private signals', () => {
  it('SG1: anyone sets and clears their own signals; repeats change nothing', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'signal.set', signal: 'pause', on: true });
    expect(s.ok(ADA, { type: 'signal.set', signal: 'pause', on: true })).toEqual([]);
    expect(s.state.signals[ADA]).toEqual({ pause: s.now, notToday: null });
    s.ok(ADA, { type: 'signal.set', signal: 'pause', on: false });
    expect(s.state.signals).toEqual({});
  });

  it('SG2: facilitators and the person see a signal; nobody else', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'signal.set', signal: 'notToday', on: true });
    expect(viewFor(s.state, HOST).signals?.[ADA]?.notToday).toBe(s.now);
    expect(viewFor(s.state, COFAC).signals?.[ADA]).toBeDefined();
    expect(viewFor(s.state, ADA).signals).toBeNull();
    expect(viewFor(s.state, ADA).mySignals.notToday).toBe(s.now);
    expect(viewFor(s.state, BEN).signals).toBeNull();
    expect(viewFor(s.state, BEN).mySignals).toEqual({ pause: null, notToday: null });
  });

  it('SG3: a signal changes nothing anyone else can see on the floor', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'hand.raise' });
    s.ok(BEN, { type: 'hand.raise' });
    const before = s.floor();
    s.ok(ADA, { type: 'signal.set', signal: 'notToday', on: true });
    expect(s.floor()).toEqual(before);
  });

  it('SG4: removing someone clears their signals', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'signal.set', signal: 'pause', on: true });
    s.ok(HOST, { type: 'participant.remove', participantId: ADA });
    expect(s.state.signals).toEqual({});
  });
});
