import { PLENARY } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { roomMembers, runsFloor } from './room-floor';

/** ADA in room 0; BEN and CAI in room 1. Opened unless `open` is false. */
function rooms({ open = true } = {}) {
  const s = new TestSession();
  s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
  const [r0, r1] = s.state.breakouts.current!.rooms.map((r) => r.id) as [string, string];
  s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
  if (open) s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
  const host = () => s.state.breakouts.current!.rooms.find((r) => r.id === r1)!.host;
  return { s, r0, r1, host };
}

describe('rooms run their own floor (BR15)', () => {
  it('BR15: without a host, every member of an open room runs its floor and timer', () => {
    const { s, r0, r1 } = rooms();
    s.ok(BEN, { type: 'floor.start', scope: r1, setup: { mode: 'round', orderBy: 'join' } });
    // `join` in a room is the room's members, in join order.
    expect(s.floor(r1)).toMatchObject({ mode: 'round', order: [BEN, CAI] });
    s.ok(CAI, { type: 'round.done', scope: r1 }); // for BEN: F-R3's "for them" is the room's now
    s.ok(CAI, { type: 'round.skip', scope: r1 });
    s.ok(CAI, { type: 'timer.start', scope: r1, durationMs: 60_000 });
    s.ok(BEN, { type: 'timer.pause', scope: r1 });
    s.ok(BEN, { type: 'floor.start', scope: r1, setup: { mode: 'piece' } });
    s.ok(CAI, { type: 'piece.take', scope: r1 });
    s.ok(BEN, { type: 'piece.take', scope: r1 }); // F-P3: whoever runs the floor takes it back
    s.ok(CAI, { type: 'piece.pass', scope: r1, to: null });
    expect(s.refused(ADA, { type: 'floor.start', scope: r1, setup: { mode: 'piece' } })).toBe('forbidden');
    expect(s.refused(ADA, { type: 'timer.start', scope: r1, durationMs: 1000 })).toBe('forbidden');
    s.ok(ADA, { type: 'floor.start', scope: r0, setup: { mode: 'fishbowl', seats: 2 } });
    // C2 still holds for the plenary, and for observers everywhere.
    expect(s.refused(ADA, { type: 'floor.start', setup: { mode: 'piece' } })).toBe('forbidden');
    expect(s.refused(ADA, { type: 'timer.start', durationMs: 1000 })).toBe('forbidden');
    expect(s.refused(OBSERVER, { type: 'timer.start', scope: r1, durationMs: 1000 })).toBe('forbidden');
  });

  it('BR15: with a host, the host and facilitators run the floor; the others take part', () => {
    const { s, r1, host } = rooms();
    s.ok(COFAC, { type: 'breakout.setHost', roomId: r1, participantId: BEN });
    expect(host()).toBe(BEN);
    expect(s.refused(CAI, { type: 'floor.start', scope: r1, setup: { mode: 'piece' } })).toBe('forbidden');
    s.ok(CAI, { type: 'hand.raise', scope: r1 });
    expect(s.refused(CAI, { type: 'floor.give', scope: r1 })).toBe('forbidden');
    s.ok(BEN, { type: 'floor.give', scope: r1 });
    s.ok(BEN, { type: 'floor.endTurn', scope: r1 }); // F-Q5: ends CAI's turn
    s.ok(CAI, { type: 'hand.raise', scope: r1 });
    expect(s.refused(CAI, { type: 'hand.lower', scope: r1, participantId: BEN })).toBe('forbidden');
    s.ok(BEN, { type: 'hand.lower', scope: r1, participantId: CAI });
    s.ok(COFAC, { type: 'floor.start', scope: r1, setup: { mode: 'open', quietFirst: true } });
    expect(runsFloor(s.state, BEN, r1)).toBe(true);
    expect(runsFloor(s.state, CAI, r1)).toBe(false);
    expect(runsFloor(s.state, HOST, r1)).toBe(true);
    s.ok(HOST, { type: 'breakout.setHost', roomId: r1, participantId: null });
    expect(runsFloor(s.state, CAI, r1)).toBe(true);
  });

  it('BR15: rooms run their floor only while open; an unknown room is forbidden like any other (C2)', () => {
    const { s, r1 } = rooms({ open: false });
    expect(runsFloor(s.state, BEN, r1)).toBe(false);
    expect(s.refused(BEN, { type: 'floor.start', scope: r1, setup: { mode: 'piece' } })).toBe('forbidden');
    expect(s.refused(BEN, { type: 'timer.start', scope: 'nosuchroom', durationMs: 1000 })).toBe('forbidden');
    s.ok(HOST, { type: 'breakout.open', durationMs: 60_000 });
    s.ok(BEN, { type: 'floor.start', scope: r1, setup: { mode: 'piece' } });
    s.ok(HOST, { type: 'breakout.close' });
    expect(s.refused(BEN, { type: 'floor.start', scope: r1, setup: { mode: 'open' } })).toBe('forbidden');
    expect(runsFloor(s.state, BEN, PLENARY)).toBe(false);
    expect(runsFloor(s.state, COFAC, PLENARY)).toBe(true);
  });

  it('BR15: everyone named on a room’s floor is in that room (facilitators may visit)', () => {
    const { s, r1 } = rooms();
    const start = (setup: unknown) => ({ type: 'floor.start', scope: r1, setup });
    expect(s.refused(BEN, start({ mode: 'round', orderBy: 'manual', participantIds: [BEN, ADA] }))).toBe(
      'bad_request',
    );
    expect(s.refused(BEN, start({ mode: 'round', orderBy: 'random', participantIds: [ADA] }))).toBe(
      'bad_request',
    );
    expect(s.refused(BEN, start({ mode: 'reflecting', teamIds: [ADA] }))).toBe('bad_request');
    expect(s.refused(BEN, start({ mode: 'piece', holderId: ADA }))).toBe('bad_request');
    s.ok(BEN, start({ mode: 'round', orderBy: 'random', participantIds: [CAI, COFAC, BEN] }));
    s.ok(BEN, start({ mode: 'fishbowl', seats: 2 }));
    expect(s.refused(BEN, { type: 'fishbowl.invite', scope: r1, participantId: ADA })).toBe('bad_request');
    s.ok(BEN, { type: 'fishbowl.invite', scope: r1, participantId: CAI });
    s.ok(BEN, start({ mode: 'open' }));
    expect(s.refused(BEN, { type: 'floor.give', scope: r1, participantId: ADA })).toBe('bad_request');
    s.ok(BEN, { type: 'floor.give', scope: r1, participantId: CAI });
    // The plenary is everyone's.
    s.ok(HOST, { type: 'floor.give', participantId: ADA });
  });

  it('BR15: roomMembers lists a room’s participants in join order', () => {
    const s = new TestSession();
    s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
    const [r0, r1] = s.state.breakouts.current!.rooms.map((r) => r.id) as [string, string];
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[CAI, ADA], [BEN]] } });
    expect(roomMembers(s.state, r0)).toEqual([ADA, CAI]);
    expect(roomMembers(s.state, r1)).toEqual([BEN]);
    expect(roomMembers(s.state, 'nosuchroom')).toEqual([]);
  });

  it('BR15: setHost is for facilitators, names someone in the room, and null clears', () => {
    const { s, r0, r1, host } = rooms();
    expect(s.refused(BEN, { type: 'breakout.setHost', roomId: r1, participantId: BEN })).toBe('forbidden');
    expect(s.refused(HOST, { type: 'breakout.setHost', roomId: r1, participantId: ADA })).toBe('conflict');
    expect(s.refused(HOST, { type: 'breakout.setHost', roomId: r1, participantId: OBSERVER })).toBe(
      'not_found',
    );
    expect(s.refused(HOST, { type: 'breakout.setHost', roomId: 'nosuchroom', participantId: null })).toBe(
      'not_found',
    );
    s.ok(HOST, { type: 'breakout.setHost', roomId: r1, participantId: BEN });
    expect(s.ok(HOST, { type: 'breakout.setHost', roomId: r1, participantId: BEN })).toEqual([]);
    s.ok(HOST, { type: 'breakout.setHost', roomId: r1, participantId: null });
    expect(host()).toBeNull();
    expect(s.ok(HOST, { type: 'breakout.setHost', roomId: r1, participantId: null })).toEqual([]);
    s.ok(HOST, { type: 'breakout.setHost', roomId: r0, participantId: ADA });
    expect(s.state.breakouts.current!.rooms[0]!.host).toBe(ADA);
  });

  it('BR15: a host moved out of the room, made observer or removed no longer hosts it', () => {
    const { s, r0, r1, host } = rooms();
    const setHost = (id: string) => s.ok(HOST, { type: 'breakout.setHost', roomId: r1, participantId: id });
    setHost(BEN);
    s.ok(HOST, { type: 'breakout.move', participantId: BEN, roomId: r0 });
    expect(host()).toBeNull();
    setHost(CAI);
    s.ok(HOST, {
      type: 'breakout.assign',
      assign: { mode: 'manual', moves: [{ participantId: CAI, roomId: null }] },
    });
    expect(host()).toBeNull();
    s.ok(HOST, { type: 'breakout.move', participantId: CAI, roomId: r1 });
    setHost(CAI);
    s.ok(HOST, { type: 'participant.setRole', participantId: CAI, role: 'observer' });
    expect(host()).toBeNull();
    s.ok(HOST, { type: 'breakout.move', participantId: BEN, roomId: r1 });
    setHost(BEN);
    s.ok(HOST, { type: 'participant.remove', participantId: BEN });
    expect(host()).toBeNull();
  });
});
