import { describe, expect, it } from 'vitest';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { redactEvents, redactState } from '../view/redact';
import { closeWhenDue } from './breakouts';
import { readableByAll } from './rules';

/** ADA in room 0; BEN and CAI in room 1; drafted, not opened. */
function drafted() {
  const s = new TestSession();
  s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
  const rooms = s.state.breakouts.current!.rooms;
  s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
  const visits = () => s.state.breakouts.current!.visits;
  return { s, r0: rooms[0]!, r1: rooms[1]!, visits };
}

describe('visits (BR16) and the spotlight on room boards (BR17)', () => {
  it('BR16: facilitators visit open rooms, seen or unseen; null leaves; close ends every visit', () => {
    const { s, r0, r1, visits } = drafted();
    expect(s.refused(COFAC, { type: 'breakout.visit', roomId: r0.id })).toBe('conflict');
    s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
    expect(s.refused(ADA, { type: 'breakout.visit', roomId: r0.id })).toBe('forbidden');
    expect(s.refused(COFAC, { type: 'breakout.visit', roomId: 'nosuchroom' })).toBe('not_found');
    expect(s.ok(COFAC, { type: 'breakout.visit', roomId: r0.id })).toMatchObject([
      { type: 'breakout.visited', participantId: COFAC, roomId: r0.id, unseen: false },
    ]);
    expect(s.ok(COFAC, { type: 'breakout.visit', roomId: r0.id, unseen: false })).toEqual([]);
    s.ok(HOST, { type: 'breakout.visit', roomId: r1.id, unseen: true });
    expect(visits()).toEqual({
      [COFAC]: { roomId: r0.id, unseen: false },
      [HOST]: { roomId: r1.id, unseen: true },
    });
    s.ok(COFAC, { type: 'breakout.visit', roomId: null });
    expect(s.ok(COFAC, { type: 'breakout.visit', roomId: null })).toEqual([]);
    expect(Object.keys(visits())).toEqual([HOST]);
    s.ok(HOST, { type: 'breakout.close' });
    expect(visits()).toEqual({});
  });

  it('BR16: unseen visits reach facilitators only; one that turns unseen leaves everyone else’s copy', () => {
    const { s, r1 } = drafted();
    s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
    const from = s.state;
    const start = s.events.length;
    s.ok(COFAC, { type: 'breakout.visit', roomId: r1.id, unseen: true });
    s.ok(COFAC, { type: 'breakout.visit', roomId: r1.id }); // shows themselves
    s.ok(COFAC, { type: 'breakout.visit', roomId: r1.id, unseen: true }); // and slips away unseen
    const events = s.events.slice(start);
    for (const viewer of [BEN, ADA, OBSERVER]) {
      expect(redactState(s.state, viewer).breakouts.current!.visits).toEqual({});
      expect(redactEvents(from, events, viewer)).toMatchObject([
        { type: 'event.redacted' },
        { type: 'breakout.visited', roomId: r1.id, unseen: false },
        { type: 'breakout.visited', participantId: COFAC, roomId: null, unseen: false },
      ]);
    }
    expect(redactState(s.state, HOST).breakouts.current!.visits).toEqual({
      [COFAC]: { roomId: r1.id, unseen: true },
    });
    expect(redactEvents(from, events, HOST)).toEqual(events);
  });

  it('BR16: someone who stops being a facilitator visits no room', () => {
    const { s, r1, visits } = drafted();
    s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
    s.ok(COFAC, { type: 'breakout.visit', roomId: r1.id });
    s.ok(HOST, { type: 'participant.setRole', participantId: COFAC, role: 'observer' });
    expect(visits()).toEqual({});
  });

  it('BR17: a room board is brought to everyone only once everyone can read it', () => {
    const { s, r0, r1 } = drafted();
    const focus = (boardId: string | null) => ({ type: 'board.focus', boardId });
    expect(s.refused(HOST, focus(r0.boardId))).toBe('conflict');
    s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
    const decision = s.run(HOST, focus(r1.boardId));
    expect(decision).toEqual({ ok: false, error: { code: 'conflict', message: 'open the gallery first' } });
    expect(readableByAll(s.state, r1.boardId)).toBe(false);
    expect(readableByAll(s.state, 'board1')).toBe(true);
    s.ok(HOST, { type: 'breakout.gallery', open: true });
    s.ok(HOST, focus(r1.boardId));
    expect(s.state.focusBoardId).toBe(r1.boardId);
    // Closing the gallery takes the focus away first, in the same decision.
    expect(s.ok(HOST, { type: 'breakout.gallery', open: false })).toMatchObject([
      { type: 'board.focusChanged', boardId: null },
      { type: 'breakout.galleryChanged', open: false },
    ]);
    expect(s.state.focusBoardId).toBeNull();
    // A plenary board in focus stays.
    s.ok(HOST, { type: 'breakout.gallery', open: true });
    s.ok(HOST, focus('board1'));
    expect(s.ok(HOST, { type: 'breakout.gallery', open: false })).toHaveLength(1);
    expect(s.state.focusBoardId).toBe('board1');
    s.ok(HOST, { type: 'breakout.close' });
    s.ok(HOST, focus(r0.boardId));
    // Boards of an earlier breakout stay readable by everyone (BR13).
    s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 1 } });
    s.ok(HOST, focus(r1.boardId));
    expect(s.state.focusBoardId).toBe(r1.boardId);
  });

  it('BR17: closing the rooms ends a spotlight on a room board, by hand or on time', () => {
    for (const close of ['command', 'due'] as const) {
      const { s, r0, r1 } = drafted();
      const focus = (boardId: string | null) => ({ type: 'board.focus', boardId });
      s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
      s.ok(HOST, { type: 'breakout.gallery', open: true });
      s.ok(HOST, focus(r1.boardId));
      expect(s.state.focusBoardId).toBe(r1.boardId);
      if (close === 'command') s.ok(HOST, { type: 'breakout.close' });
      else s.apply(closeWhenDue(s.state, s.state.breakouts.current!.endsAt!));
      expect(s.state.breakouts.current?.status).toBe('closed');
      expect(s.state.focusBoardId).toBeNull();
      // Closed rooms' boards are everyone's to read: a facilitator may bring everyone there again.
      s.ok(HOST, focus(r0.boardId));
      expect(s.state.focusBoardId).toBe(r0.boardId);
    }
  });

  it('BR17: closing the rooms leaves a plenary board in focus', () => {
    const { s } = drafted();
    s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
    s.ok(HOST, { type: 'board.focus', boardId: 'board1' });
    s.ok(HOST, { type: 'breakout.close' });
    expect(s.state.focusBoardId).toBe('board1');
  });
});
