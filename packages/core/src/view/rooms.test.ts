import { PLENARY, type SessionEvent } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { roomAccess } from '../breakouts/rules';
import { isFacilitator } from '../permissions';
import { evolve } from '../reducer';
import { emptyState, initialFloor, type SessionState } from '../state';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { needsSnapshot } from './audience';
import { evolveCopy } from './copy';
import { randomSession } from './random-session';
import { needsRedaction, redactBatch, redactEvent, redactState } from './redact';
import { viewFor } from './view';

/** Facilitator, two participants (often in different rooms), observer. */
const VIEWERS = [COFAC, ADA, BEN, OBSERVER] as const;

const ROOM_BOARD_EVENTS = [
  'vote.opened',
  'vote.closed',
  'vote.changed',
  'note.added',
  'note.reactionChanged',
];

/** The rooms of the current breakout `viewer` may not read, as the test sees them (BR12). */
const closedTo = (state: SessionState, viewer: string) =>
  (state.breakouts.current?.rooms ?? []).filter((r) => roomAccess(state, viewer, r.id) === 'none');

/** BR18/BR16: nothing of a hidden room, and no unseen visit, in what reaches a non-facilitator. */
function expectPrivate(cutEvent: SessionEvent, before: SessionState, copy: SessionState, viewer: string) {
  if (isFacilitator(before.participants[viewer]?.role ?? 'participant')) return;
  const hidden = closedTo(before, viewer);
  const e = cutEvent as SessionEvent & { scope?: string; boardId?: string };
  expect(hidden.some((r) => r.id === e.scope)).toBe(false);
  if (ROOM_BOARD_EVENTS.includes(e.type)) expect(hidden.some((r) => r.boardId === e.boardId)).toBe(false);
  if (e.type === 'breakout.visited') expect(e.unseen).toBe(false);
  for (const room of closedTo(copy, viewer)) {
    expect(copy.floors[room.id]).toEqual(initialFloor());
    expect(copy.timers[room.id]).toBeUndefined();
    expect(copy.boards.find((b) => b.id === room.boardId)).toMatchObject({
      vote: null,
      reactions: {},
      authors: {},
    });
  }
  for (const visit of Object.values(copy.breakouts.current?.visits ?? {})) expect(visit.unseen).toBe(false);
}

/**
 * V5'/V6: a client that took its snapshot at the start and then applied every cut event with
 * `evolveCopy` (taking a snapshot whenever it says so) holds exactly the server's cut after every
 * event. As the copy equals the cut at each step, this checks V5' for every event of the run, and
 * that the copy's own `needsSnapshot` agrees with the server's. Returns how many snapshots it took.
 */
function followCopy(events: readonly SessionEvent[], viewer: string): number {
  let server: SessionState = emptyState();
  let copy = redactState(server, viewer);
  let snapshots = 0;
  for (const event of events) {
    const after = evolve(server, event);
    const cut = redactEvent(event, server, viewer);
    const step = evolveCopy(copy, cut, viewer);
    const at = { v: event.v, type: event.type, viewer };
    expect({ ...at, snapshot: step.snapshot }).toEqual({
      ...at,
      snapshot: needsSnapshot(server, after, viewer),
    });
    if (step.snapshot) snapshots += 1;
    copy = step.snapshot ? redactState(after, viewer) : step.state;
    expect({ ...at, copy }).toEqual({ ...at, copy: redactState(after, viewer) });
    expectPrivate(cut, server, copy, viewer);
    server = after;
  }
  expect(viewFor(copy, viewer)).toEqual(viewFor(server, viewer));
  return snapshots;
}

/** ADA in room 0, BEN and CAI in room 1, rooms open. */
function openRooms() {
  const s = new TestSession();
  s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 }, boardTemplateId: 'check-in' });
  const rooms = s.state.breakouts.current!.rooms;
  s.ok(HOST, { type: 'breakout.assign', assign: { mode: 'random', groups: [[ADA], [BEN, CAI]] } });
  s.ok(HOST, { type: 'breakout.open', durationMs: 600_000 });
  return { s, r0: rooms[0]!, r1: rooms[1]! };
}

describe('room privacy in copies (BR18, V5′, V6)', () => {
  it("V5'/BR18: seeded random sessions with breakout rooms stay consistent and private for every audience", () => {
    let snapshots = 0;
    for (let seed = 1; seed <= 16; seed += 1) {
      const s = randomSession(seed, 350, VIEWERS, { breakouts: true });
      for (const viewer of VIEWERS) snapshots += followCopy(s.events, viewer);
    }
    // The runs do reveal rooms (moves, gallery, close), so snapshots were part of what was checked.
    expect(snapshots).toBeGreaterThan(50);
    // About 2 s on an idle machine; CI runs every package's tests at once on two cores.
  }, 60_000);

  it("V5'/BR18: a scripted breakout, followed by members, outsiders, observers and facilitators", () => {
    const { s, r0, r1 } = openRooms();
    s.ok(BEN, { type: 'floor.start', scope: r1.id, setup: { mode: 'round', orderBy: 'join' } });
    s.ok(CAI, { type: 'timer.start', scope: r1.id, durationMs: 300_000 });
    s.ok(BEN, { type: 'note.add', boardId: r1.boardId, text: 'ours', color: 'blue' });
    s.ok(COFAC, { type: 'vote.open', boardId: r1.boardId, budget: 2, capPerNote: 1, hidden: false });
    s.ok(CAI, { type: 'vote.cast', boardId: r1.boardId, noteId: s.lastId(), delta: 1 });
    s.ok(ADA, { type: 'hand.raise', scope: r0.id });
    s.ok(COFAC, { type: 'breakout.visit', roomId: r1.id, unseen: true });
    s.ok(COFAC, { type: 'breakout.visit', roomId: r1.id });
    s.ok(COFAC, { type: 'breakout.visit', roomId: r0.id, unseen: true });
    s.ok(HOST, { type: 'breakout.gallery', open: true });
    s.ok(BEN, { type: 'round.done', scope: r1.id });
    s.ok(HOST, { type: 'breakout.gallery', open: false });
    s.ok(HOST, { type: 'breakout.move', participantId: ADA, roomId: r1.id });
    s.ok(HOST, { type: 'breakout.close' });
    for (const viewer of [HOST, COFAC, ADA, BEN, CAI, OBSERVER]) followCopy(s.events, viewer);
  });

  it('BR18: a room’s floor, timer and board details never reach people outside it', () => {
    const { s, r0, r1 } = openRooms();
    const from = s.state;
    const start = s.events.length;
    s.ok(BEN, { type: 'floor.start', scope: r1.id, setup: { mode: 'piece' } });
    s.ok(BEN, { type: 'piece.take', scope: r1.id });
    s.ok(CAI, { type: 'timer.start', scope: r1.id, durationMs: 300_000, label: 'Room one' });
    s.ok(CAI, { type: 'note.add', boardId: r1.boardId, text: 'x', color: 'blue' });
    const cut = (viewer: string) => redactBatch(from, s.events.slice(start))(viewer);
    for (const outsider of [ADA, OBSERVER]) {
      expect(cut(outsider).every((e) => e.type === 'event.redacted')).toBe(true);
      const copy = redactState(s.state, outsider);
      expect(copy.floors[r1.id]).toEqual(initialFloor());
      expect(copy.timers[r1.id]).toBeUndefined();
      expect(copy.boards.find((b) => b.id === r1.boardId)?.authors).toEqual({});
      // The shell stays, so the room can be listed.
      expect(copy.boards.find((b) => b.id === r1.boardId)?.title).toBe(r1.name);
      expect(JSON.stringify(viewFor(s.state, outsider))).not.toContain('Room one');
    }
    for (const insider of [BEN, CAI, COFAC]) {
      // The floor and timer events; `note.added` reaches only its author anyway (BD9).
      expect(
        cut(insider)
          .slice(0, 3)
          .some((e) => e.type === 'event.redacted'),
      ).toBe(false);
      expect(redactState(s.state, insider).timers[r1.id]?.label).toBe('Room one');
    }
    expect(redactState(s.state, ADA).floors[r0.id]).toEqual(s.state.floors[r0.id]);
  });

  it('V6/BR18: a snapshot when rooms open up to someone (moved in, gallery, close); none when they shut', () => {
    const { s, r0, r1 } = openRooms();
    const snapshotFor = (viewer: string, command: unknown, actor = HOST) => {
      const before = s.state;
      s.ok(actor, command);
      return needsSnapshot(before, s.state, viewer);
    };
    expect(snapshotFor(ADA, { type: 'breakout.move', participantId: ADA, roomId: r1.id })).toBe(true);
    expect(snapshotFor(ADA, { type: 'breakout.move', participantId: ADA, roomId: r0.id })).toBe(true);
    expect(snapshotFor(BEN, { type: 'breakout.move', participantId: ADA, roomId: null })).toBe(false);
    expect(snapshotFor(OBSERVER, { type: 'breakout.gallery', open: true })).toBe(true);
    expect(snapshotFor(OBSERVER, { type: 'breakout.gallery', open: false })).toBe(false);
    expect(snapshotFor(COFAC, { type: 'breakout.gallery', open: true })).toBe(false);
    s.ok(HOST, { type: 'breakout.gallery', open: false });
    expect(snapshotFor(ADA, { type: 'breakout.close' })).toBe(true);
    // Shrinking: the copy re-cuts itself instead (`evolveCopy`); cutting twice changes nothing.
    const { s: t, r1: other } = openRooms();
    t.ok(HOST, { type: 'breakout.gallery', open: true });
    t.ok(BEN, { type: 'timer.start', scope: other.id, durationMs: 60_000 });
    const copy = redactState(t.state, ADA);
    expect(copy.timers[other.id]).toBeDefined();
    t.ok(HOST, { type: 'breakout.gallery', open: false });
    const next = evolveCopy(copy, t.events.at(-1)!, ADA);
    expect(next).toEqual({ state: redactState(t.state, ADA), snapshot: false });
    expect(next.state.timers[other.id]).toBeUndefined();
    expect(redactState(next.state, ADA)).toEqual(next.state);
  });

  it('BR18: batches with room floor, timer or board events are cut per person', () => {
    const { s, r1 } = openRooms();
    const at = s.state;
    const ran = (actor: string, command: unknown) => {
      const start = s.events.length;
      s.ok(actor, command);
      return s.events.slice(start);
    };
    expect(needsRedaction(ran(BEN, { type: 'hand.raise', scope: r1.id }), at)).toBe(true);
    expect(needsRedaction(ran(BEN, { type: 'timer.start', scope: r1.id, durationMs: 1000 }), at)).toBe(true);
    expect(
      needsRedaction(
        ran(COFAC, { type: 'vote.open', boardId: r1.boardId, budget: 1, capPerNote: 1, hidden: false }),
        at,
      ),
    ).toBe(true);
    expect(needsRedaction(ran(ADA, { type: 'hand.raise', scope: PLENARY }), at)).toBe(false);
    expect(
      needsRedaction(
        ran(HOST, { type: 'vote.open', boardId: 'board1', budget: 1, capPerNote: 1, hidden: false }),
        at,
      ),
    ).toBe(false);
    // Without the state, any vote or note event might be a room board's.
    expect(needsRedaction(ran(HOST, { type: 'vote.close', boardId: 'board1' }))).toBe(true);
    expect(needsRedaction(ran(COFAC, { type: 'breakout.visit', roomId: r1.id }), at)).toBe(true);
  });
});
