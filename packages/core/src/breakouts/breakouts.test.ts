import { describe, expect, it } from 'vitest';
import { boardAccess, mayContribute } from '../permissions';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { redactState } from '../view/redact';
import { closeWhenDue, lateJoinerEvents } from './breakouts';
import {
  balancedGroups,
  breakoutRemainingMs,
  inWarning,
  placeLateJoiner,
  roomAccess,
  roomOf,
  roomSizeToCount,
} from './rules';

const DAN = 'part04';

function withRooms(rooms: unknown = { by: 'count', count: 2 }, selfSelect = false) {
  const s = new TestSession();
  s.ok(HOST, { type: 'breakout.create', rooms, selfSelect });
  const b = () => s.state.breakouts.current!;
  return { s, b, room: (i: number) => b().rooms[i]!.id, board: (i: number) => b().rooms[i]!.boardId };
}

describe('breakout rooms (BR)', () => {
  it('BR1: rooms by names, count or size, each with a board and a floor; one breakout at a time', () => {
    const { s, b } = withRooms({ by: 'names', rooms: [{ name: 'Connection', prompt: 'Why?', capacity: 8 }] });
    const room = b().rooms[0]!;
    expect(room).toMatchObject({ name: 'Connection', prompt: 'Why?', capacity: 8, callUrl: null });
    expect(s.state.floors[room.id]?.mode).toBe('open');
    expect(s.state.boards.some((x) => x.id === room.boardId)).toBe(true);
    expect(s.refused(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } })).toBe('conflict');
    // Three participants in rooms of 2 → 2 rooms.
    expect(withRooms({ by: 'size', size: 2 }).b().rooms).toHaveLength(2);
    expect(roomSizeToCount(300, 5)).toBe(60);
    expect(roomSizeToCount(0, 5)).toBe(1);
  });

  it('BR3: balanced groups differ by at most one; random groups are recorded as given', () => {
    for (const [n, k] of [
      [10, 3],
      [7, 7],
      [2, 5],
      [301, 60],
    ] as const) {
      const sizes = balancedGroups(
        Array.from({ length: n }, (_, i) => i),
        k,
      ).map((g) => g.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(sizes.reduce((a, x) => a + x, 0)).toBe(n);
    }
    const { s, b, room } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[CAI], [ADA, BEN]] } });
    expect(b().assignment).toEqual({ [CAI]: room(0), [ADA]: room(1), [BEN]: room(1) });
    expect(
      s.refused(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[OBSERVER]] } }),
    ).toBe('not_found');
  });

  it('BR2/BR4b: self-select with a capacity per room refuses a full room', () => {
    const { s, b, room } = withRooms(
      { by: 'names', rooms: [{ name: 'A', capacity: 1 }, { name: 'B' }] },
      true,
    );
    s.ok(ADA, { type: 'breakout.choose', roomId: room(0) });
    expect(s.refused(BEN, { type: 'breakout.choose', roomId: room(0) })).toBe('full');
    s.ok(BEN, { type: 'breakout.choose', roomId: room(1) });
    expect(s.refused(OBSERVER, { type: 'breakout.choose', roomId: room(1) })).toBe('forbidden');
    expect(b().assignment).toEqual({ [ADA]: room(0), [BEN]: room(1) });
    const assigned = withRooms();
    expect(assigned.s.refused(ADA, { type: 'breakout.choose', roomId: assigned.room(0) })).toBe('conflict');
  });

  it('BR4: keep groups re-creates the previous groups; new people are placed as late joiners', () => {
    const { s, room } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA, BEN], [CAI]] } });
    s.ok(HOST, { type: 'breakout.close' });
    const oldRoom = room(0);
    expect(s.state.breakouts.history.at(-1)?.groups).toEqual([[ADA, BEN], [CAI]]);
    s.join(DAN, 'Dan');
    s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
    expect(s.state.floors[oldRoom]).toBeUndefined();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'keep' } });
    const rooms = s.state.breakouts.current!.rooms.map((r) => r.id);
    expect(s.state.breakouts.current!.assignment).toEqual({
      [ADA]: rooms[0],
      [BEN]: rooms[0],
      [CAI]: rooms[1],
      [DAN]: rooms[1],
    });
  });

  it('BR5/BR6: late joiners land in the smallest room with space; reconnecting people in their own', () => {
    const { s, b, room } = withRooms({ by: 'names', rooms: [{ name: 'A' }, { name: 'B', capacity: 1 }] });
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA, BEN], [CAI]] } });
    s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
    s.join(DAN, 'Dan');
    // Room B is smaller but full.
    expect(placeLateJoiner(s.state, DAN)).toBe(room(0));
    const events = lateJoinerEvents(s.state, DAN, s.now);
    expect(events).toMatchObject([{ type: 'breakout.moved', participantId: DAN, roomId: room(0) }]);
    expect(placeLateJoiner(s.state, CAI)).toBe(room(1));
    expect(roomOf(s.state, CAI)).toBe(room(1));
    expect(lateJoinerEvents(s.state, CAI, s.now)).toEqual([]);
    expect(b().status).toBe('open');
  });

  it('BR5: an observer made a participant while rooms are open is placed like a late joiner', () => {
    const { s, room } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA, BEN], [CAI]] } });
    s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
    expect(roomOf(s.state, OBSERVER)).toBeNull();
    s.ok(HOST, { type: 'participant.setRole', participantId: OBSERVER, role: 'participant' });
    expect(roomOf(s.state, OBSERVER)).toBe(room(1));
    // Made a co-facilitator: no room (facilitators visit, BR2).
    s.ok(HOST, { type: 'participant.setRole', participantId: ADA, role: 'cofacilitator' });
    expect(roomOf(s.state, ADA)).toBeNull();
  });

  it('BR7: facilitators move people by hand, also while the rooms are open', () => {
    const { s, b, room } = withRooms();
    s.ok(HOST, {
      type: 'breakout.assign',
      assign: { mode: 'manual', moves: [{ participantId: ADA, roomId: room(0) }] },
    });
    s.ok(HOST, { type: 'breakout.open', durationMs: 60_000 });
    s.ok(COFAC, { type: 'breakout.move', participantId: ADA, roomId: room(1) });
    expect(roomOf(s.state, ADA)).toBe(room(1));
    expect(s.ok(HOST, { type: 'breakout.move', participantId: ADA, roomId: room(1) })).toEqual([]);
    s.ok(HOST, { type: 'breakout.move', participantId: ADA, roomId: null });
    expect(b().assignment[ADA]).toBeUndefined();
    expect(s.refused(HOST, { type: 'breakout.move', participantId: ADA, roomId: 'nosuchroom' })).toBe(
      'not_found',
    );
  });

  it('BR8/BR9: countdown with a warning, extend and shorten, close returns everyone', () => {
    const { s, b, room } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
    expect(s.refused(HOST, { type: 'breakout.adjust', deltaMs: 1000 })).toBe('conflict');
    s.ok(HOST, { type: 'breakout.open', durationMs: 300_000, warningMs: 30_000 });
    const start = s.now;
    expect(breakoutRemainingMs(b(), start + 100_000)).toBe(200_000);
    expect(inWarning(b(), start + 260_000)).toBe(false);
    expect(inWarning(b(), start + 280_000)).toBe(true);
    s.ok(HOST, { type: 'breakout.adjust', deltaMs: 60_000 });
    expect(b().endsAt).toBe(start + 360_000);
    s.ok(HOST, { type: 'breakout.adjust', deltaMs: -1_000_000 });
    expect(b().endsAt).toBe(s.now);
    s.ok(HOST, { type: 'breakout.close' });
    expect(b()).toMatchObject({ status: 'closed', endsAt: null });
    expect(roomOf(s.state, ADA)).toBeNull();
    expect(s.state.breakouts.history).toEqual([
      { id: b().id, groups: [[ADA], [BEN, CAI]], boardIds: [b().rooms[0]!.boardId, b().rooms[1]!.boardId] },
    ]);
    expect(s.ok(HOST, { type: 'breakout.close' })).toEqual([]);
    expect(room(0)).toBeTruthy();
  });

  it('BR9: when the countdown has run out the server closes the rooms, in nobody’s name', () => {
    const { s } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
    expect(closeWhenDue(s.state, s.now + 1e9)).toEqual({ ok: true, events: [] }); // drafted: never
    s.ok(HOST, { type: 'breakout.open', durationMs: 300_000 });
    const endsAt = s.state.breakouts.current!.endsAt!;
    expect(closeWhenDue(s.state, endsAt - 1)).toEqual({ ok: true, events: [] }); // not yet
    expect(closeWhenDue(s.state, endsAt)).toEqual({
      ok: true,
      events: [{ type: 'breakout.closed', at: endsAt, by: null }],
    });
  });

  it('BR10/BR11: broadcasts reach all rooms; help calls are seen by facilitators and the caller only', () => {
    const { s, b, room } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
    expect(s.refused(ADA, { type: 'breakout.help', on: true })).toBe('conflict');
    s.ok(HOST, { type: 'breakout.open', durationMs: 300_000 });
    s.ok(HOST, { type: 'breakout.broadcast', text: 'Five minutes' });
    expect(b().messages.map((m) => m.text)).toEqual(['Five minutes']);
    s.ok(BEN, { type: 'breakout.help', on: true });
    expect(Object.keys(b().help)).toEqual([BEN]);
    expect(b().assignment[BEN]).toBe(room(1));
    expect(redactState(s.state, CAI).breakouts.current!.help).toEqual({});
    expect(Object.keys(redactState(s.state, BEN).breakouts.current!.help)).toEqual([BEN]);
    expect(Object.keys(redactState(s.state, COFAC).breakouts.current!.help)).toEqual([BEN]);
    s.ok(BEN, { type: 'breakout.help', on: false });
    expect(b().help).toEqual({});
  });

  it('BR12/BR13: a room board is written by its own members while open, read by all in the gallery and after close', () => {
    const { s, board, room } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
    expect(boardAccess(s.state, ADA, board(0))).toBe('read');
    s.ok(HOST, { type: 'breakout.open', durationMs: 300_000 });
    expect(boardAccess(s.state, ADA, board(0))).toBe('write');
    expect(mayContribute(s.state, ADA, board(0))).toBe(true);
    expect(boardAccess(s.state, ADA, board(1))).toBe('none');
    expect(mayContribute(s.state, ADA, board(1))).toBe(false);
    expect(boardAccess(s.state, OBSERVER, board(0))).toBe('none');
    expect(boardAccess(s.state, HOST, board(1))).toBe('write');
    expect(roomAccess(s.state, COFAC, room(1))).toBe('write');
    // The plenary board is untouched.
    expect(boardAccess(s.state, ADA, 'board1')).toBe('write');
    s.ok(HOST, { type: 'breakout.gallery', open: true });
    expect(boardAccess(s.state, ADA, board(1))).toBe('read');
    expect(boardAccess(s.state, ADA, board(0))).toBe('write');
    s.ok(HOST, { type: 'breakout.close' });
    expect(boardAccess(s.state, ADA, board(0))).toBe('read');
    expect(boardAccess(s.state, OBSERVER, board(1))).toBe('read');
    // BR13: still read-only once a new breakout replaced it.
    const oldBoard = board(0);
    s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 1 } });
    expect(boardAccess(s.state, ADA, oldBoard)).toBe('read');
    expect(boardAccess(s.state, HOST, oldBoard)).toBe('write');
  });

  it('BR12/BR13: note commands on a room board someone may not write are refused as forbidden', () => {
    const { s, board } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
    const add = (boardId: string) => ({
      type: 'note.add',
      boardId,
      noteId: 'note01',
      text: 'hi',
      color: 'yellow',
    });
    expect(s.refused(ADA, add(board(0)))).toBe('forbidden'); // drafted: read only
    s.ok(HOST, { type: 'breakout.open', durationMs: 300_000 });
    expect(s.refused(ADA, add(board(1)))).toBe('forbidden'); // another room
    s.ok(ADA, add(board(0)));
    s.ok(HOST, { type: 'breakout.gallery', open: true });
    expect(s.refused(ADA, add(board(1)))).toBe('forbidden'); // readable in the gallery, not writable
    s.ok(HOST, { type: 'breakout.close' });
    expect(s.refused(ADA, { ...add(board(0)), noteId: 'note02' })).toBe('forbidden'); // closed room
  });

  it('BR14: a room floor takes commands from its members and facilitators only', () => {
    const { s, room } = withRooms();
    s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
    s.ok(HOST, { type: 'breakout.open', durationMs: 300_000 });
    s.ok(ADA, { type: 'hand.raise', scope: room(0) });
    expect(s.refused(BEN, { type: 'hand.raise', scope: room(0) })).toBe('forbidden');
    s.ok(HOST, {
      type: 'floor.start',
      scope: room(1),
      setup: { mode: 'round', orderBy: 'manual', participantIds: [BEN, CAI] },
    });
    s.ok(BEN, { type: 'round.pass', scope: room(1) });
    expect(s.refused(ADA, { type: 'round.pass', scope: room(1) })).toBe('forbidden');
    s.ok(HOST, { type: 'timer.start', scope: room(1), durationMs: 60_000 });
    s.ok(HOST, { type: 'breakout.close' });
    expect(s.refused(ADA, { type: 'hand.lower', scope: room(0) })).toBe('forbidden');
  });

  it('C2: breakout facilitator commands are refused for participants; choose and help are theirs', () => {
    const { s } = withRooms();
    expect(s.refused(ADA, { type: 'breakout.open', durationMs: 1000 })).toBe('forbidden');
    expect(s.refused(ADA, { type: 'breakout.move', participantId: ADA, roomId: null })).toBe('forbidden');
    expect(s.refused(ADA, { type: 'breakout.gallery', open: true })).toBe('forbidden');
    expect(new TestSession().refused(HOST, { type: 'breakout.open', durationMs: 1000 })).toBe('not_found');
  });
});
