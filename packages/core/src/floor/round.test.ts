import { describe, expect, it } from 'vitest';
import { replay } from '../reducer';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { pendingIds } from './round';
import { nextSpeaker } from './speaking';

function round(s: TestSession) {
  const floor = s.floor();
  if (floor.mode !== 'round') throw new Error('not a round');
  return floor;
}
const speaker = (s: TestSession) => s.floor().speaker?.participantId ?? null;
const outcomes = (s: TestSession) =>
  Object.fromEntries(round(s).turns.map((t) => [t.participantId, t.outcome]));
const manual = (participantIds: string[], extra: Record<string, unknown> = {}) => ({
  type: 'floor.start',
  setup: { mode: 'round', orderBy: 'manual', participantIds, ...extra },
});

describe('round', () => {
  it('F-R1: join order puts members who take the floor in the order they joined', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'floor.start', setup: { mode: 'round', orderBy: 'join' } });
    expect(round(s).order).toEqual([HOST, ADA, BEN, CAI, COFAC]);
    // The server may narrow a join round to who is present; the order stays by join time.
    s.ok(HOST, {
      type: 'floor.start',
      setup: { mode: 'round', orderBy: 'join', participantIds: [CAI, ADA] },
    });
    expect(round(s).order).toEqual([ADA, CAI]);
  });

  it('F-R1/C5: a random round takes the order the server shuffled; without it, it is refused', () => {
    const s = new TestSession();
    expect(s.refused(HOST, { type: 'floor.start', setup: { mode: 'round', orderBy: 'random' } })).toBe(
      'bad_request',
    );
    s.ok(HOST, {
      type: 'floor.start',
      setup: { mode: 'round', orderBy: 'random', participantIds: [CAI, HOST, ADA] },
    });
    expect(round(s)).toMatchObject({ orderBy: 'random', order: [CAI, HOST, ADA] });
    expect(replay(s.events).floors.plenary).toEqual(s.floor());
  });

  it('F-R1: the order must be people who take the floor, each once', () => {
    const s = new TestSession();
    expect(s.refused(HOST, manual([ADA, ADA]))).toBe('bad_request');
    expect(s.refused(HOST, manual([ADA, OBSERVER]))).toBe('conflict');
    expect(s.refused(HOST, manual([ADA, 'nobody1']))).toBe('not_found');
    expect(s.refused(ADA, manual([ADA]))).toBe('forbidden');
  });

  it('F-R2/F-R3: everyone sees the speaker and who is next; done moves the turn on', () => {
    const s = new TestSession();
    s.ok(HOST, manual([ADA, BEN, CAI]));
    expect(speaker(s)).toBe(ADA);
    expect(nextSpeaker(s.floor())).toBe(BEN);
    expect(s.refused(BEN, { type: 'round.done' })).toBe('forbidden');
    s.tick(60_000).ok(ADA, { type: 'round.done' });
    expect(speaker(s)).toBe(BEN);
    expect(s.floor().speaker?.startedAt).toBe(s.now);
    expect(nextSpeaker(s.floor())).toBe(CAI);
    // A facilitator may say "done" for the speaker.
    s.ok(COFAC, { type: 'round.done' });
    expect(speaker(s)).toBe(CAI);
  });

  it('F-R4/F-R7: passing is fine, on your turn or ahead of it, and is recorded neutrally', () => {
    const s = new TestSession();
    s.ok(HOST, manual([ADA, BEN, CAI]));
    s.ok(BEN, { type: 'round.pass' });
    expect(speaker(s)).toBe(ADA);
    expect(nextSpeaker(s.floor())).toBe(CAI);
    expect(s.ok(BEN, { type: 'round.pass' })).toEqual([]);
    s.ok(ADA, { type: 'round.pass' });
    expect(speaker(s)).toBe(CAI);
    expect(outcomes(s)).toEqual({ [BEN]: 'passed', [ADA]: 'passed' });
    expect(s.refused(HOST, { type: 'round.pass' })).toBe('conflict');
  });

  it('F-R6: a round where everyone passes ends', () => {
    const s = new TestSession();
    s.ok(HOST, manual([ADA, BEN, CAI]));
    for (const id of [ADA, BEN, CAI]) s.ok(id, { type: 'round.pass' });
    expect(speaker(s)).toBeNull();
    expect(pendingIds(round(s))).toEqual([]);
    expect(s.refused(HOST, { type: 'round.done' })).toBe('conflict');
    // B2: passes are neither turns nor speaking time.
    expect(s.floor().balance).toEqual({});
  });

  it('F-R6: the round ends when everyone had their turn', () => {
    const s = new TestSession();
    s.ok(HOST, manual([ADA, BEN]));
    s.tick(1000).ok(ADA, { type: 'round.done' });
    s.tick(2000).ok(BEN, { type: 'round.done' });
    expect(speaker(s)).toBeNull();
    expect(outcomes(s)).toEqual({ [ADA]: 'spoke', [BEN]: 'spoke' });
    expect(s.floor().balance).toEqual({
      [ADA]: { turns: 1, speakingMs: 1000 },
      [BEN]: { turns: 1, speakingMs: 2000 },
    });
  });

  it('F-R5: people who left are skipped when their turn comes, not before', () => {
    const s = new TestSession();
    s.online = [HOST, ADA, CAI];
    s.ok(HOST, manual([BEN, ADA, CAI]));
    // Ben, first in line, is gone: skipped at once; Ada speaks.
    expect(speaker(s)).toBe(ADA);
    expect(outcomes(s)).toEqual({ [BEN]: 'skipped' });
    s.online = [HOST, ADA];
    s.ok(ADA, { type: 'round.done' });
    // Cai left while Ada spoke: skipped when the turn reached them; the round is over.
    expect(outcomes(s)).toEqual({ [BEN]: 'skipped', [ADA]: 'spoke', [CAI]: 'skipped' });
    expect(speaker(s)).toBeNull();
  });

  it('F-R5: someone absent but not yet due stays in the round and speaks if back in time', () => {
    const s = new TestSession();
    s.online = [HOST, ADA];
    s.ok(HOST, manual([ADA, BEN]));
    s.online = [HOST, ADA, BEN];
    s.ok(ADA, { type: 'round.done' });
    expect(speaker(s)).toBe(BEN);
  });

  it('F-R5: a facilitator skips a speaker who left mid-turn, or someone still waiting', () => {
    const s = new TestSession();
    s.ok(HOST, manual([ADA, BEN, CAI]));
    s.ok(HOST, { type: 'round.skip', participantId: CAI });
    s.ok(HOST, { type: 'round.skip' });
    expect(speaker(s)).toBe(BEN);
    expect(outcomes(s)).toEqual({ [CAI]: 'skipped', [ADA]: 'skipped' });
    expect(s.refused(ADA, { type: 'round.skip' })).toBe('forbidden');
    expect(s.refused(HOST, { type: 'round.skip', participantId: HOST })).toBe('conflict');
  });

  it('F-R5/RO6: a speaker removed mid-turn is skipped and the next person speaks', () => {
    const s = new TestSession();
    s.ok(HOST, manual([ADA, BEN, CAI]));
    s.tick(5000).ok(HOST, { type: 'participant.remove', participantId: ADA });
    expect(speaker(s)).toBe(BEN);
    expect(outcomes(s)).toEqual({ [ADA]: 'skipped' });
    s.ok(HOST, { type: 'participant.setRole', participantId: CAI, role: 'observer' });
    expect(outcomes(s)[CAI]).toBe('skipped');
    s.ok(BEN, { type: 'round.done' });
    expect(speaker(s)).toBeNull();
  });

  it('F6: a soft time per turn counts from the turn start and never ends a turn', () => {
    const s = new TestSession();
    s.ok(HOST, manual([ADA, BEN], { softTurnMs: 60_000 }));
    expect(round(s).softTurnMs).toBe(60_000);
    s.tick(10 * 60_000);
    expect(speaker(s)).toBe(ADA);
  });
});
