import { describe, expect, it } from 'vitest';
import { ADA, BEN, CAI, HOST, TestSession } from '@kring/core/testing';
import type { Command } from '@kring/protocol';
import { resolveRandomness } from './randomness';

/** A session with eight more participants (eleven in all) and a drafted breakout of `rooms` rooms. */
function withBreakout(rooms: number): TestSession {
  const t = new TestSession();
  for (let i = 0; i < 8; i++) t.join(`extra${i}`, `Extra ${i}`);
  t.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: rooms } });
  return t;
}

const assignRandom = (groups: string[][] = []): Command => ({
  type: 'breakout.assign',
  assign: { mode: 'random', groups },
});

describe('resolveRandomness', () => {
  it('A8: Start draws from everyone in the session (removed people left out), whatever the client sent', () => {
    const t = new TestSession();
    t.ok(HOST, { type: 'participant.remove', participantId: CAI });
    const sent: Command = { type: 'agenda.start', segmentId: 'seg001', shuffled: [ADA, ADA, 'forged1'] };
    const resolved = resolveRandomness(t.state, sent, [ADA]);
    if (resolved.type !== 'agenda.start') throw new Error('kind');
    const everyone = Object.values(t.state.participants)
      .filter((p) => !p.removed)
      .map((p) => p.id)
      .sort();
    expect([...(resolved.shuffled ?? [])].sort()).toEqual(everyone);
    expect(resolved.shuffled).not.toContain(CAI);
  });

  it('deals every assignable person, online or not, into balanced groups and ignores the groups sent', () => {
    const t = withBreakout(3);
    const resolved = resolveRandomness(t.state, assignRandom([[ADA], [BEN]]), [ADA]);
    if (resolved.type !== 'breakout.assign' || resolved.assign.mode !== 'random') throw new Error('kind');
    const groups = resolved.assign.groups;
    expect(groups).toHaveLength(3);
    expect(groups.map((g) => g.length).sort()).toEqual([3, 4, 4]);
    const dealt = groups.flat().sort();
    const assignable = Object.values(t.state.participants)
      .filter((p) => p.role === 'participant')
      .map((p) => p.id)
      .sort();
    expect(dealt).toEqual(assignable); // no facilitators, observers or captioners
    expect(dealt).toHaveLength(11);
    // Core accepts what the server dealt.
    t.ok(HOST, resolved);
    expect(Object.keys(t.state.breakouts.current!.assignment)).toHaveLength(11);
  });

  it('draws from the cryptographic source: different draws give different groups', () => {
    const t = withBreakout(2);
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = resolveRandomness(t.state, assignRandom(), []);
      if (r.type === 'breakout.assign' && r.assign.mode === 'random')
        seen.add(JSON.stringify(r.assign.groups));
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('leaves other assignments, and assignments without a breakout, as they are', () => {
    const t = new TestSession();
    expect(resolveRandomness(t.state, assignRandom([[ADA]]), [])).toEqual(assignRandom([[ADA]]));
    const keep: Command = { type: 'breakout.assign', assign: { mode: 'keep' } };
    expect(resolveRandomness(withBreakout(2).state, keep, [])).toBe(keep);
  });

  it('a random round in a room draws from the room members who are online, never the whole session', () => {
    const t = withBreakout(2);
    const room = t.state.breakouts.current!.rooms[0]!.id;
    t.ok(HOST, {
      type: 'breakout.assign',
      assign: {
        mode: 'manual',
        moves: [
          { participantId: ADA, roomId: room },
          { participantId: BEN, roomId: room },
          { participantId: CAI, roomId: t.state.breakouts.current!.rooms[1]!.id },
        ],
      },
    });
    const start: Command = {
      type: 'floor.start',
      scope: room,
      setup: { mode: 'round', orderBy: 'random' },
    };
    // Cai is online but in the other room; Ben is in the room but offline; the host is no member.
    const resolved = resolveRandomness(t.state, start, [ADA, CAI, HOST, 'extra0']);
    expect(resolved).toMatchObject({ setup: { participantIds: [ADA] } });
    // The plenary still draws from everyone present who takes the floor.
    const plenary = resolveRandomness(t.state, { ...start, scope: 'plenary' }, [ADA, CAI, HOST]);
    if (plenary.type !== 'floor.start' || plenary.setup.mode !== 'round') throw new Error('kind');
    expect([...(plenary.setup.participantIds ?? [])].sort()).toEqual([ADA, CAI, HOST].sort());
  });
});
