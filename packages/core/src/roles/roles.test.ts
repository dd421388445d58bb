import { describe, expect, it } from 'vitest';
import { boardAccess } from '../permissions';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';

describe('roles', () => {
  it('RO1: anyone renames themselves; facilitators rename anyone; others are refused', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'participant.rename', participantId: ADA, displayName: '  Ada L. ' });
    expect(s.state.participants[ADA]?.displayName).toBe('Ada L.');
    s.ok(COFAC, { type: 'participant.rename', participantId: BEN, displayName: 'Benjamin' });
    expect(s.state.participants[BEN]?.displayName).toBe('Benjamin');
    expect(s.refused(ADA, { type: 'participant.rename', participantId: BEN, displayName: 'Bob' })).toBe(
      'forbidden',
    );
    expect(s.ok(ADA, { type: 'participant.rename', participantId: ADA, displayName: 'Ada L.' })).toEqual([]);
  });

  it('RO2: only facilitators change roles or remove people', () => {
    const s = new TestSession();
    expect(s.refused(ADA, { type: 'participant.setRole', participantId: ADA, role: 'cofacilitator' })).toBe(
      'forbidden',
    );
    expect(s.refused(ADA, { type: 'participant.remove', participantId: BEN })).toBe('forbidden');
    s.ok(COFAC, { type: 'participant.setRole', participantId: BEN, role: 'captioner' });
    expect(s.state.participants[BEN]?.role).toBe('captioner');
  });

  it('RO3: nobody makes themselves host; stepping down is fine', () => {
    const s = new TestSession();
    expect(s.refused(COFAC, { type: 'participant.setRole', participantId: COFAC, role: 'host' })).toBe(
      'forbidden',
    );
    s.ok(HOST, { type: 'participant.setRole', participantId: COFAC, role: 'host' });
    s.ok(COFAC, { type: 'participant.setRole', participantId: COFAC, role: 'participant' });
    expect(s.state.participants[COFAC]?.role).toBe('participant');
  });

  it('RO4: the last host cannot be demoted or removed', () => {
    const s = new TestSession();
    expect(s.refused(HOST, { type: 'participant.setRole', participantId: HOST, role: 'cofacilitator' })).toBe(
      'conflict',
    );
    expect(s.refused(COFAC, { type: 'participant.remove', participantId: HOST })).toBe('conflict');
    s.ok(HOST, { type: 'participant.setRole', participantId: COFAC, role: 'host' });
    s.ok(COFAC, { type: 'participant.remove', participantId: HOST });
    expect(s.refused(COFAC, { type: 'participant.setRole', participantId: COFAC, role: 'participant' })).toBe(
      'conflict',
    );
  });

  it('RO5/C1/P6: removed people are marked, their name leaves (PR6) and they lose every access', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'participant.remove', participantId: ADA });
    expect(s.state.participants[ADA]).toMatchObject({ displayName: '', removed: true });
    expect(boardAccess(s.state, ADA, 'board1')).toBe('none');
    expect(s.refused(ADA, { type: 'hand.raise' })).toBe('unauthorized');
    expect(s.refused(HOST, { type: 'participant.rename', participantId: ADA, displayName: 'X' })).toBe(
      'not_found',
    );
    expect(s.refused(HOST, { type: 'participant.remove', participantId: ADA })).toBe('not_found');
  });

  it('RO6: someone removed or made observer leaves every floor', () => {
    const s = new TestSession();
    s.ok(ADA, { type: 'hand.raise' });
    s.ok(BEN, { type: 'hand.raise' });
    s.ok(HOST, { type: 'floor.give', participantId: CAI });
    s.ok(HOST, { type: 'participant.setRole', participantId: ADA, role: 'observer' });
    s.ok(HOST, { type: 'participant.remove', participantId: CAI });
    const floor = s.floor();
    expect(floor.mode === 'open' && floor.hands.map((h) => h.participantId)).toEqual([BEN]);
    expect(floor.speaker).toBeNull();
    expect(s.refused(OBSERVER, { type: 'hand.raise' })).toBe('forbidden');
  });
});
