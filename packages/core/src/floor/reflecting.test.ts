import { describe, expect, it } from 'vitest';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { maySpeak, turnInfo } from './speaking';

function reflecting(teamIds: string[]) {
  const s = new TestSession();
  s.ok(HOST, { type: 'floor.start', setup: { mode: 'reflecting', teamIds } });
  return s;
}

describe('reflecting team', () => {
  it('F-T1: a facilitator names the team from people who take the floor', () => {
    const s = reflecting([HOST, COFAC]);
    expect(s.floor()).toMatchObject({ mode: 'reflecting', team: [HOST, COFAC], phase: 'team' });
    s.ok(HOST, { type: 'reflecting.setTeam', teamIds: [HOST, ADA] });
    expect(s.floor()).toMatchObject({ team: [HOST, ADA] });
    expect(s.ok(HOST, { type: 'reflecting.setTeam', teamIds: [HOST, ADA] })).toEqual([]);
    expect(s.refused(HOST, { type: 'reflecting.setTeam', teamIds: [OBSERVER] })).toBe('conflict');
    expect(s.refused(ADA, { type: 'reflecting.setTeam', teamIds: [ADA] })).toBe('forbidden');
  });

  it('F-T2/F-T3: in phase team the team speaks; in phase others everyone else does', () => {
    const s = reflecting([HOST, COFAC]);
    expect(maySpeak(s.floor(), HOST)).toBe(true);
    expect(maySpeak(s.floor(), ADA)).toBe(false);
    expect(turnInfo(s.floor(), COFAC)).toBe('speaking');
    s.ok(HOST, { type: 'reflecting.setPhase', phase: 'others' });
    expect(maySpeak(s.floor(), HOST)).toBe(false);
    expect([ADA, BEN, CAI].every((id) => maySpeak(s.floor(), id))).toBe(true);
    expect(s.ok(HOST, { type: 'reflecting.setPhase', phase: 'others' })).toEqual([]);
    expect(s.refused(ADA, { type: 'reflecting.setPhase', phase: 'team' })).toBe('forbidden');
  });

  it('F-T/RO6: someone made observer leaves the team', () => {
    const s = reflecting([HOST, ADA]);
    s.ok(HOST, { type: 'participant.setRole', participantId: ADA, role: 'observer' });
    expect(s.floor()).toMatchObject({ team: [HOST] });
  });
});
