import { describe, expect, it } from 'vitest';
import { ADA, BEN, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { redactState } from './redact';
import { viewFor } from './view';

function busy() {
  const s = new TestSession();
  s.ok(HOST, { type: 'agenda.add', segment: { title: 'W', kind: 'talk', plannedMinutes: 5, notes: 'n' } });
  s.ok(ADA, { type: 'qa.ask', text: 'anon', anonymous: true });
  s.ok(BEN, { type: 'qa.vote', questionId: s.lastId(), voted: true });
  s.ok(BEN, { type: 'signal.set', signal: 'pause', on: true });
  s.ok(ADA, { type: 'hand.raise' });
  s.ok(HOST, { type: 'floor.give', participantId: BEN });
  s.tick(3000).ok(BEN, { type: 'floor.endTurn' });
  return s;
}

describe('views', () => {
  it('V1: one function for every audience, on the server’s state or a client’s cut copy alike', () => {
    const s = busy();
    for (const viewer of [HOST, COFAC, ADA, BEN, OBSERVER]) {
      expect(viewFor(redactState(s.state, viewer), viewer)).toEqual(viewFor(s.state, viewer));
    }
    expect(viewFor(s.state, HOST).audience).toBe('facilitator');
    expect(viewFor(s.state, OBSERVER).audience).toBe('member');
    expect(viewFor(s.state, 'stranger1').audience).toBe('none');
  });

  it('B4/V2: speaking balance is shown to facilitators only; everyone sees the queue and who is next', () => {
    const s = busy();
    expect(viewFor(s.state, COFAC).floors.plenary?.balance).toEqual({
      [BEN]: { turns: 1, speakingMs: 3000 },
    });
    for (const viewer of [ADA, BEN, OBSERVER]) {
      const floor = viewFor(s.state, viewer).floors.plenary;
      expect(floor?.balance).toBeNull();
      expect(floor?.next).toBe(ADA);
    }
  });

  it('V2: agenda notes and signals for facilitators; others get null', () => {
    const s = busy();
    expect(viewFor(s.state, COFAC).agenda.segments[0]?.notes).toBe('n');
    expect(viewFor(s.state, ADA).agenda.segments[0]?.notes).toBeNull();
    expect(viewFor(s.state, COFAC).signals).toHaveProperty(BEN);
    expect(viewFor(s.state, OBSERVER).signals).toBeNull();
  });

  it('V3: no view carries an anonymous author or a voter id', () => {
    const s = busy();
    for (const viewer of [HOST, COFAC, ADA, BEN, OBSERVER]) {
      const [q] = viewFor(s.state, viewer).questions;
      // Q10: not even `mine` says whose it is (the asker's device knows it by its owner key).
      expect(q).toMatchObject({ authorId: null, votes: 1, votedByMe: viewer === BEN, mine: false });
      expect(JSON.stringify(q)).not.toContain(BEN);
      expect(JSON.stringify(q)).not.toContain(ADA);
    }
  });
});
