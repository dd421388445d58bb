import { describe, expect, it } from 'vitest';
import type { Role } from '@kring/protocol';
import { boardAccess, isFacilitator } from './permissions';
import { evolve } from './reducer';
import { sessionWithParticipant } from './testing';

function withRole(role: Role) {
  const s = sessionWithParticipant();
  return { ...s, participants: { ...s.participants, part01: { ...s.participants.part01!, role } } };
}

function locked() {
  const s = sessionWithParticipant();
  return evolve(s, {
    v: s.version + 1,
    type: 'board.lockChanged',
    at: 0,
    boardId: 'board1',
    locked: true,
    by: 'host01',
  });
}

describe('permissions', () => {
  it('P1/RO7: hosts and co-facilitators are facilitators, nobody else', () => {
    expect(isFacilitator('host')).toBe(true);
    expect(isFacilitator('cofacilitator')).toBe(true);
    for (const r of ['participant', 'observer', 'captioner'] as const) expect(isFacilitator(r)).toBe(false);
  });

  it('P2: strangers and unknown boards get no access', () => {
    const s = sessionWithParticipant();
    expect(boardAccess(s, 'stranger', 'board1')).toBe('none');
    expect(boardAccess(s, 'part01', 'otherboard')).toBe('none');
  });

  it('P3: facilitators write on a locked board', () => {
    expect(boardAccess(locked(), 'host01', 'board1')).toBe('write');
  });

  it('P4: observers and captioners only read', () => {
    expect(boardAccess(withRole('observer'), 'part01', 'board1')).toBe('read');
    expect(boardAccess(withRole('captioner'), 'part01', 'board1')).toBe('read');
  });

  it('P5: participants write only while the board is unlocked', () => {
    expect(boardAccess(sessionWithParticipant(), 'part01', 'board1')).toBe('write');
    expect(boardAccess(locked(), 'part01', 'board1')).toBe('read');
  });
});
