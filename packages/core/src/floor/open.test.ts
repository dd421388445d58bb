import { describe, expect, it } from 'vitest';
import { replay } from '../reducer';
import { ADA, BEN, CAI, CAPTIONER, COFAC, HOST, OBSERVER, TestSession, seeded, shuffled } from '../testing';
import { queueOrder } from './open';

const queue = (s: TestSession) => {
  const floor = s.floor();
  if (floor.mode !== 'open') throw new Error('not open');
  return queueOrder(floor).map((h) => h.participantId);
};
const speaker = (s: TestSession) => s.floor().speaker?.participantId ?? null;

describe('open floor: hand-raise queue', () => {
  it('F1: every session starts with an open plenary floor; an unknown scope is not found', () => {
    const s = new TestSession();
    expect(s.floor()).toMatchObject({ mode: 'open', speaker: null, hands: [], quietFirst: false });
    expect(s.refused(ADA, { type: 'hand.raise', scope: 'room0001' })).toBe('not_found');
  });

  it('F-Q1: raising and lowering your own hand is idempotent', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'hand.raise' });
    expect(s.ok(ADA, { type: 'hand.raise' })).toEqual([]);
    expect(queue(s)).toEqual([ADA]);
    s.ok(ADA, { type: 'hand.lower' });
    expect(s.ok(ADA, { type: 'hand.lower' })).toEqual([]);
    expect(queue(s)).toEqual([]);
  });

  it('F-Q2: the queue is in raise order', () => {
    const s = new TestSession();
    for (const id of [CAI, ADA, BEN]) s.tick(5).ok(id, { type: 'hand.raise' });
    expect(queue(s)).toEqual([CAI, ADA, BEN]);
  });

  it('F-Q3: quiet-first puts people with fewer turns ahead; ties keep raise order', () => {
    const s = new TestSession();
    // Ada has spoken twice, Ben once, Cai never.
    for (const [who, times] of [
      [ADA, 2],
      [BEN, 1],
    ] as const) {
      for (let i = 0; i < times; i++) {
        s.ok(HOST, { type: 'floor.give', participantId: who });
        s.tick(1000).ok(who, { type: 'floor.endTurn' });
      }
    }
    for (const id of [ADA, BEN, HOST, CAI]) s.tick(5).ok(id, { type: 'hand.raise' });
    expect(queue(s)).toEqual([ADA, BEN, HOST, CAI]);
    s.ok(HOST, { type: 'floor.setOptions', quietFirst: true });
    expect(queue(s)).toEqual([HOST, CAI, BEN, ADA]);
    s.ok(HOST, { type: 'floor.give' });
    expect(speaker(s)).toBe(HOST);
  });

  it('F-Q4: a facilitator gives the floor to the next or to anyone; it lowers their hand', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'hand.raise' });
    s.ok(BEN, { type: 'hand.raise' });
    s.ok(COFAC, { type: 'floor.give' });
    expect(speaker(s)).toBe(ADA);
    expect(queue(s)).toEqual([BEN]);
    s.ok(HOST, { type: 'floor.give', participantId: CAI });
    expect(speaker(s)).toBe(CAI);
    expect(queue(s)).toEqual([BEN]);
    expect(s.refused(ADA, { type: 'floor.give' })).toBe('forbidden');
    expect(s.refused(HOST, { type: 'floor.give', participantId: OBSERVER })).toBe('conflict');
    expect(s.refused(HOST, { type: 'floor.give', participantId: 'nobody1' })).toBe('not_found');
  });

  it('F-Q4/F7: "next" passes over people who are not online, keeping their hand', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'hand.raise' });
    s.ok(BEN, { type: 'hand.raise' });
    s.online = [HOST, BEN];
    s.ok(HOST, { type: 'floor.give' });
    expect(speaker(s)).toBe(BEN);
    expect(queue(s)).toEqual([ADA]);
    s.online = [HOST];
    expect(s.refused(HOST, { type: 'floor.give' })).toBe('conflict');
  });

  it('F-Q5: the speaker ends their own turn; a facilitator may end anyone’s; others may not', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
    expect(s.refused(BEN, { type: 'floor.endTurn' })).toBe('forbidden');
    s.ok(ADA, { type: 'floor.endTurn' });
    expect(speaker(s)).toBeNull();
    expect(s.ok(ADA, { type: 'floor.endTurn' })).toEqual([]);
    s.ok(HOST, { type: 'floor.give', participantId: BEN });
    s.ok(COFAC, { type: 'floor.endTurn' });
    expect(speaker(s)).toBeNull();
  });

  it('F-Q6: only facilitators lower someone else’s hand', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'hand.raise' });
    expect(s.refused(BEN, { type: 'hand.lower', participantId: ADA })).toBe('forbidden');
    s.ok(COFAC, { type: 'hand.lower', participantId: ADA });
    expect(queue(s)).toEqual([]);
  });

  it('F3: observers and captioners do not raise hands; other modes refuse open-floor commands', () => {
    const s = new TestSession();
    expect(s.refused(OBSERVER, { type: 'hand.raise' })).toBe('forbidden');
    expect(s.refused(CAPTIONER, { type: 'hand.raise' })).toBe('forbidden');
    s.ok(HOST, { type: 'floor.start', setup: { mode: 'piece' } });
    expect(s.refused(ADA, { type: 'hand.raise' })).toBe('conflict');
  });

  it('F-Q: the speaker who leaves mid-turn (removed) loses the floor; balance keeps their time', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
    s.tick(4000).ok(HOST, { type: 'participant.remove', participantId: ADA });
    expect(speaker(s)).toBeNull();
    expect(s.floor().balance[ADA]).toEqual({ turns: 1, speakingMs: 4000 });
  });

  it('C6: fifty hands raised in any serial order make one queue, the same on every replay', () => {
    const people = Array.from({ length: 50 }, (_, i) => `many${String(i).padStart(3, '0')}`);
    const random = seeded(7);
    for (let trial = 0; trial < 5; trial++) {
      const s = new TestSession();
      for (const id of people) s.join(id, id);
      const order = shuffled(people, random);
      // Each arrives twice (a retry, a double click): still one hand each.
      for (const id of [...order, ...order.slice(0, 10)]) s.ok(id, { type: 'hand.raise' });
      expect(queue(s)).toEqual(order);
      const replayed = replay(s.events).floors.plenary;
      expect(replayed).toEqual(s.floor());
    }
  });
});
