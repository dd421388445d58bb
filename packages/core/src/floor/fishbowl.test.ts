import { describe, expect, it } from 'vitest';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { maySpeak } from './speaking';

function fishbowl(seats: number) {
  const s = new TestSession();
  s.ok(HOST, { type: 'floor.start', setup: { mode: 'fishbowl', seats } });
  return s;
}
const inner = (s: TestSession) => {
  const floor = s.floor();
  if (floor.mode !== 'fishbowl') throw new Error('not a fishbowl');
  return floor.inner.map((x) => x.participantId);
};

describe('fishbowl', () => {
  it('F-F1: anyone steps into a free seat; a full circle refuses with `full`', () => {
    const s = fishbowl(2);
    s.ok(ADA, { type: 'fishbowl.enter' });
    expect(s.ok(ADA, { type: 'fishbowl.enter' })).toEqual([]);
    s.ok(BEN, { type: 'fishbowl.enter' });
    expect(s.refused(CAI, { type: 'fishbowl.enter' })).toBe('full');
    expect(s.refused(OBSERVER, { type: 'fishbowl.enter' })).toBe('forbidden');
    expect(inner(s)).toEqual([ADA, BEN]);
  });

  it('F-F2: anyone steps out, freeing the seat', () => {
    const s = fishbowl(1);
    s.ok(ADA, { type: 'fishbowl.enter' });
    s.ok(ADA, { type: 'fishbowl.leave' });
    expect(s.ok(ADA, { type: 'fishbowl.leave' })).toEqual([]);
    s.ok(BEN, { type: 'fishbowl.enter' });
    expect(inner(s)).toEqual([BEN]);
  });

  it('F-F3: shrinking the circle releases the latest to sit down', () => {
    const s = fishbowl(4);
    for (const id of [CAI, ADA, BEN, HOST]) s.tick(10).ok(id, { type: 'fishbowl.enter' });
    const [event] = s.ok(COFAC, { type: 'fishbowl.setSeats', seats: 2 });
    expect(event).toMatchObject({ released: [BEN, HOST] });
    expect(inner(s)).toEqual([CAI, ADA]);
    s.ok(COFAC, { type: 'fishbowl.setSeats', seats: 3 });
    s.ok(BEN, { type: 'fishbowl.enter' });
    expect(s.refused(ADA, { type: 'fishbowl.setSeats', seats: 5 })).toBe('forbidden');
  });

  it('F-F4: a facilitator invites (seats) someone or releases them', () => {
    const s = fishbowl(1);
    s.ok(HOST, { type: 'fishbowl.invite', participantId: ADA });
    expect(s.refused(HOST, { type: 'fishbowl.invite', participantId: BEN })).toBe('full');
    expect(s.refused(HOST, { type: 'fishbowl.invite', participantId: OBSERVER })).toBe('conflict');
    s.ok(HOST, { type: 'fishbowl.release', participantId: ADA });
    expect(inner(s)).toEqual([]);
    expect(s.refused(BEN, { type: 'fishbowl.release', participantId: ADA })).toBe('forbidden');
  });

  it('F-F5: the inner circle may speak; removed people leave their seat (RO6)', () => {
    const s = fishbowl(3);
    s.ok(ADA, { type: 'fishbowl.enter' });
    s.ok(BEN, { type: 'fishbowl.enter' });
    expect(maySpeak(s.floor(), ADA)).toBe(true);
    expect(maySpeak(s.floor(), CAI)).toBe(false);
    s.ok(HOST, { type: 'participant.remove', participantId: ADA });
    expect(inner(s)).toEqual([BEN]);
  });
});
