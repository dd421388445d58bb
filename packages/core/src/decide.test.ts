import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { evolve, evolveAll, replay, VersionGapError } from './reducer';
import { sessionWithParticipant } from './testing';
import { withVersions } from './versions';

const lock = (locked: boolean, boardId = 'board1') => ({ type: 'board.setLock' as const, boardId, locked });

describe('session creation and joining', () => {
  it('S1: a new session has its host and one unlocked board', () => {
    const s = sessionWithParticipant();
    expect(s.title).toBe('Check-in');
    expect(s.participants.host01?.role).toBe('host');
    expect(s.boards).toEqual([
      {
        id: 'board1',
        title: 'Board',
        locked: false,
        templateId: 'blank',
        anonymous: false,
        archived: false,
        phase: 'open',
        vote: null,
        reactions: {},
        authors: {},
        arrange: 'everyone',
        screening: false,
        lasting: false,
      },
    ]);
    expect(s.focusBoardId).toBeNull();
    expect(s.createdAt).toBe(1000);
  });

  it('J1: a joiner is a participant with their display name', () => {
    const s = sessionWithParticipant();
    expect(s.participants.part01).toEqual({
      id: 'part01',
      displayName: 'Ada',
      role: 'participant',
      joinedAt: 2000,
    });
  });
});

describe('decide: board lock', () => {
  it('lets the host lock and unlock the board', () => {
    let s = sessionWithParticipant();
    const locked = decide(s, lock(true), { participantId: 'host01' }, 5000);
    expect(locked).toEqual({
      ok: true,
      events: [{ type: 'board.lockChanged', at: 5000, boardId: 'board1', locked: true, by: 'host01' }],
    });
    s = replay(withVersions(s.version, locked.ok ? locked.events : []), s);
    expect(s.boards[0]?.locked).toBe(true);
    const unlocked = decide(s, lock(false), { participantId: 'host01' }, 6000);
    expect(unlocked.ok && unlocked.events).toHaveLength(1);
  });

  it('C1: refuses someone who is not in the session', () => {
    const d = decide(sessionWithParticipant(), lock(true), { participantId: 'nobody' }, 0);
    expect(d).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('C2: refuses a participant who tries to lock', () => {
    const d = decide(sessionWithParticipant(), lock(true), { participantId: 'part01' }, 0);
    expect(d).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('C3: refuses an unknown board', () => {
    const d = decide(sessionWithParticipant(), lock(true, 'nosuchboard'), { participantId: 'host01' }, 0);
    expect(d).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('C4: locking an unlocked board twice records one event', () => {
    const s = sessionWithParticipant();
    const first = decide(s, lock(true), { participantId: 'host01' }, 0);
    const after = replay(withVersions(s.version, first.ok ? first.events : []), s);
    expect(decide(after, lock(true), { participantId: 'host01' }, 0)).toEqual({ ok: true, events: [] });
  });
});

describe('reducer', () => {
  it('R1: refuses an event that skips a version', () => {
    const s = sessionWithParticipant();
    const [ev] = withVersions(s.version + 1, [
      { type: 'board.lockChanged', at: 0, boardId: 'board1', locked: true, by: 'host01' },
    ]);
    expect(() => evolve(s, ev!)).toThrow(VersionGapError);
  });

  it('R2: evolveAll skips events already applied and applies the rest', () => {
    const s = sessionWithParticipant();
    const next = withVersions(s.version, [
      { type: 'board.lockChanged', at: 0, boardId: 'board1', locked: true, by: 'host01' },
    ]);
    const replayedTwice = evolveAll(evolveAll(s, next), next);
    expect(replayedTwice.version).toBe(s.version + 1);
    expect(replayedTwice.boards[0]?.locked).toBe(true);
  });

  it('R1: replaying a log ends where evolving it event by event does, runs of arrivals included', () => {
    const s = sessionWithParticipant();
    const join = (i: number) => ({
      type: 'participant.joined' as const,
      at: i,
      participantId: `p${String(i).padStart(5, '0')}`,
      displayName: `Person ${i}`,
      role: 'participant' as const,
    });
    const log = withVersions(s.version, [
      ...Array.from({ length: 300 }, (_, i) => join(i)),
      { type: 'board.lockChanged', at: 0, boardId: 'board1', locked: true, by: 'host01' },
      join(300),
      { type: 'participant.renamed', at: 1, participantId: 'p00001', displayName: 'Ada', by: 'p00001' },
      ...Array.from({ length: 5 }, (_, i) => join(301 + i)),
    ]);
    const stepByStep = log.reduce(evolve, s);
    expect(replay(log, s)).toEqual(stepByStep);
    expect(Object.keys(stepByStep.participants)).toHaveLength(Object.keys(s.participants).length + 306);
    // A gap inside a run of arrivals is refused like any other (R1).
    const gapped = [...log.slice(0, 10), ...log.slice(11, 20)];
    expect(() => replay(gapped, s)).toThrow(VersionGapError);
  });
});
