import { PLENARY } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { assignIds } from '../ids';
import { replay } from '../reducer';
import { ADA, BEN, CAI, COFAC, HOST, OBSERVER, TestSession } from '../testing';
import { viewFor } from '../view/view';
import { segmentSteps } from './steps';

/** A session with a second board and three planned segments: writing, rooms, a reflecting team. */
function planned() {
  const s = new TestSession();
  s.ok(HOST, { type: 'board.add', title: 'Four tasks', templateId: 'ips-four-tasks' });
  const tasks = s.lastId();
  s.ok(HOST, { type: 'board.setLock', boardId: tasks, locked: true });
  const add = (title: string, setup: unknown) => {
    s.ok(HOST, { type: 'agenda.add', segment: { title, kind: 'board_work', plannedMinutes: 10, setup } });
    return s.lastId();
  };
  const writing = add('The four IPS tasks', {
    timerMinutes: 8,
    floor: { mode: 'round', orderBy: 'random' },
    board: { boardId: tasks, phase: 'private' },
  });
  const rooms = add('Check-in rooms', { breakout: { presetId: 'ips-check-in', minutes: 12 } });
  const team = add('Reflecting team', { floor: { mode: 'reflecting', teamSize: 2 } });
  const plain = add('Talk', undefined);
  return { s, tasks, writing, rooms, team, plain };
}

const types = (events: readonly { type: string }[]) => events.map((e) => e.type);

describe('A8: Start on a segment', () => {
  it('A8: segmentSteps lists the move, then timer, floor and board, only what changes', () => {
    const { s, tasks, writing } = planned();
    // A preview without the server's draw: the random round is listed without its people.
    expect(segmentSteps(s.state, writing)).toEqual([
      { type: 'agenda.jump', segmentId: writing },
      { type: 'timer.start', scope: PLENARY, durationMs: 8 * 60_000, label: 'The four IPS tasks' },
      { type: 'floor.start', scope: PLENARY, setup: { mode: 'round', orderBy: 'random' } },
      { type: 'board.setLock', boardId: tasks, locked: false },
      { type: 'board.focus', boardId: tasks },
      { type: 'board.setPhase', boardId: tasks, phase: 'private' },
    ]);
    // The preview works on a facilitator's view as well as on the server's state.
    expect(segmentSteps(viewFor(s.state, HOST), writing)).toEqual(segmentSteps(s.state, writing));
    expect(segmentSteps(s.state, 'nosuch')).toEqual([]);
  });

  it('A8: Start applies it all in one batch; the round draws present floor-takers from `shuffled`', () => {
    const { s, tasks, writing } = planned();
    s.online = [HOST, ADA, CAI, OBSERVER];
    const shuffled = [CAI, OBSERVER, BEN, HOST, ADA, COFAC];
    const before = s.state.version;
    const events = s.ok(HOST, { type: 'agenda.start', segmentId: writing, shuffled });
    expect(types(events)).toEqual([
      'agenda.currentChanged',
      'timer.changed',
      'floor.started',
      'board.lockChanged',
      'board.focusChanged',
      'board.phaseChanged',
    ]);
    expect(s.state.version).toBe(before + events.length);
    expect(s.state.agenda.currentId).toBe(writing);
    expect(s.state.timers[PLENARY]).toMatchObject({ label: 'The four IPS tasks', durationMs: 480_000 });
    // The observer takes no floor; Ben and Coco are offline.
    expect(s.floor()).toMatchObject({ mode: 'round', order: [CAI, HOST, ADA] });
    const board = s.state.boards.find((b) => b.id === tasks)!;
    expect([board.locked, board.phase, s.state.focusBoardId]).toEqual([false, 'private', tasks]);
  });

  it('A8: a refused step refuses the whole Start, naming the part, and records nothing', () => {
    const { s, rooms } = planned();
    s.ok(HOST, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
    const before = s.state;
    const decision = s.run(HOST, { type: 'agenda.start', segmentId: rooms, shuffled: [ADA, BEN] });
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.error.code).toBe('conflict');
      expect(decision.error.message).toMatch(/^the breakout: /);
    }
    expect(s.state).toBe(before);
  });

  it('A8: facilitators only (C2), an unknown segment is not_found (C3)', () => {
    const { s, writing } = planned();
    expect(s.refused(ADA, { type: 'agenda.start', segmentId: writing })).toBe('forbidden');
    expect(s.refused(HOST, { type: 'agenda.start', segmentId: 'nosuch' })).toBe('not_found');
    expect(s.ok(COFAC, { type: 'agenda.start', segmentId: writing, shuffled: [ADA] }).length).toBeGreaterThan(
      0,
    );
  });

  it('A8: a setup board that is archived refuses the Start (conflict)', () => {
    const { s, tasks, writing } = planned();
    s.ok(HOST, { type: 'board.archive', boardId: tasks, archived: true });
    expect(s.refused(HOST, { type: 'agenda.start', segmentId: writing, shuffled: [ADA] })).toBe('conflict');
    expect(s.state.agenda.currentId).toBeNull();
  });

  it('A8/BR3: a preset deals everyone assignable from `shuffled` into balanced rooms and opens them', () => {
    const { s, rooms } = planned();
    const shuffled = [BEN, HOST, CAI, ADA, OBSERVER];
    const command = assignIds({ type: 'agenda.start', segmentId: rooms, shuffled }, () => 'brk001');
    expect(command).toMatchObject({ breakoutId: 'brk001' });
    const events = s.ok(HOST, { ...command, locale: 'nl' });
    expect(types(events)).toEqual([
      'agenda.currentChanged',
      'breakout.created',
      'breakout.assigned',
      'breakout.opened',
    ]);
    const current = s.state.breakouts.current!;
    expect(current.status).toBe('open');
    expect(current.rooms[0]!.name).toMatch(/Deelgroep/);
    // Three participants in rooms of five: one room, in the drawn order.
    expect(Object.entries(current.assignment)).toEqual([
      [BEN, current.rooms[0]!.id],
      [CAI, current.rooms[0]!.id],
      [ADA, current.rooms[0]!.id],
    ]);
    expect(current.endsAt).toBe(s.now + 12 * 60_000);
  });

  it('A8: the same `shuffled` gives the same outcome (C5: no randomness in core)', () => {
    const outcome = () => {
      const { s, team } = planned();
      s.ok(HOST, { type: 'agenda.start', segmentId: team, shuffled: [OBSERVER, BEN, ADA, CAI] });
      return s.floor();
    };
    expect(outcome()).toEqual(outcome());
    expect(outcome()).toMatchObject({ mode: 'reflecting', team: [BEN, ADA] });
  });

  it('A8: a board kept locked with a dot vote: lock, focus and vote; leaving keeps the vote open (A9)', () => {
    const s = new TestSession();
    const vote = { budget: 3, capPerNote: 2, hidden: false };
    s.ok(HOST, {
      type: 'agenda.add',
      segment: {
        title: 'Choose',
        kind: 'board_work',
        plannedMinutes: 10,
        setup: { board: { boardId: 'board1', locked: true, vote } },
      },
    });
    const choose = s.lastId();
    expect(segmentSteps(s.state, choose).slice(1)).toEqual([
      { type: 'board.setLock', boardId: 'board1', locked: true },
      { type: 'board.focus', boardId: 'board1' },
      { type: 'vote.open', boardId: 'board1', ...vote },
    ]);
    s.ok(HOST, { type: 'agenda.start', segmentId: choose });
    expect(s.state.boards[0]).toMatchObject({ locked: true, vote: { open: true, budget: 3 } });
    // Starting it again: the vote already runs and the board is set; nothing is listed but the same.
    expect(segmentSteps(s.state, choose)).toEqual([]);
    s.ok(HOST, { type: 'agenda.next' });
    expect(s.state.boards[0]?.vote?.open).toBe(true);
    expect(s.state.focusBoardId).toBeNull();
  });

  it('A8: starting the current segment again re-applies its setup (no tidy-up, no move)', () => {
    const { s, writing, tasks } = planned();
    s.ok(HOST, { type: 'agenda.start', segmentId: writing, shuffled: [ADA] });
    s.tick(60_000);
    const events = s.ok(HOST, { type: 'agenda.start', segmentId: writing, shuffled: [ADA] });
    expect(types(events)).toEqual(['timer.changed', 'floor.started']);
    expect(s.state.timers[PLENARY]?.endsAt).toBe(s.now + 480_000);
    expect(s.state.boards.find((b) => b.id === tasks)?.phase).toBe('private');
  });
});

describe('A9: leaving a segment tidies up what its setup started', () => {
  it('A9: Start of another segment ends private writing, releases the focus, clears its timer, first', () => {
    const { s, tasks, writing, plain } = planned();
    s.ok(HOST, { type: 'agenda.start', segmentId: writing, shuffled: [ADA] });
    expect(segmentSteps(s.state, plain)).toEqual([
      { type: 'timer.clear', scope: PLENARY },
      { type: 'board.setPhase', boardId: tasks, phase: 'open' },
      { type: 'board.focus', boardId: null },
      { type: 'agenda.jump', segmentId: plain },
    ]);
    const events = s.ok(HOST, { type: 'agenda.start', segmentId: plain });
    expect(types(events)).toEqual([
      'timer.changed',
      'board.phaseChanged',
      'board.focusChanged',
      'agenda.currentChanged',
    ]);
    expect(s.state.timers[PLENARY]).toBeUndefined();
    expect(s.state.focusBoardId).toBeNull();
    // The floor stays as it was (A9 leaves floors and votes alone).
    expect(s.floor().mode).toBe('round');
  });

  it('A9: next, previous and jump tidy up too, in the same batch as the move', () => {
    const { s, tasks, writing, rooms } = planned();
    s.ok(HOST, { type: 'agenda.start', segmentId: writing, shuffled: [ADA] });
    const events = s.ok(HOST, { type: 'agenda.next' });
    expect(types(events)).toEqual([
      'timer.changed',
      'board.phaseChanged',
      'board.focusChanged',
      'agenda.currentChanged',
    ]);
    expect(s.state.agenda.currentId).toBe(rooms);
    expect(s.state.boards.find((b) => b.id === tasks)?.phase).toBe('open');
    // Moving nowhere tidies nothing.
    s.ok(HOST, { type: 'agenda.jump', segmentId: writing });
    expect(s.ok(HOST, { type: 'agenda.jump', segmentId: writing })).toEqual([]);
  });

  it('A9: leaving a segment that opened rooms closes rooms still open; closed rooms stay closed', () => {
    const { s, rooms, plain } = planned();
    s.ok(
      HOST,
      assignIds({ type: 'agenda.start', segmentId: rooms, shuffled: [ADA, BEN, CAI] }, () => 'brk009'),
    );
    expect(s.state.breakouts.current?.status).toBe('open');
    expect(segmentSteps(s.state, plain)).toEqual([
      { type: 'breakout.close' },
      { type: 'agenda.jump', segmentId: plain },
    ]);
    expect(types(s.ok(HOST, { type: 'agenda.start', segmentId: plain }))).toEqual([
      'breakout.closed',
      'agenda.currentChanged',
    ]);
    expect(s.state.breakouts.current?.status).toBe('closed');
    // Rooms the countdown (or a facilitator) already closed: nothing to tidy.
    s.ok(
      HOST,
      assignIds({ type: 'agenda.start', segmentId: rooms, shuffled: [ADA, BEN, CAI] }, () => 'brk010'),
    );
    s.ok(HOST, { type: 'breakout.close' });
    expect(segmentSteps(s.state, plain)).toEqual([{ type: 'agenda.jump', segmentId: plain }]);
  });

  it('A9: a timer someone replaced by hand, and a focus moved elsewhere, are left alone', () => {
    const { s, writing } = planned();
    s.ok(HOST, { type: 'agenda.start', segmentId: writing, shuffled: [ADA] });
    s.ok(HOST, { type: 'timer.start', durationMs: 60_000, label: 'Stretch' });
    s.ok(HOST, { type: 'board.focus', boardId: 'board1' });
    const events = s.ok(HOST, { type: 'agenda.jump', segmentId: null });
    expect(types(events)).toEqual(['board.phaseChanged', 'agenda.currentChanged']);
    expect(s.state.timers[PLENARY]?.label).toBe('Stretch');
    expect(s.state.focusBoardId).toBe('board1');
  });
});

describe('A1/A2/V2: segments carry their setup', () => {
  it('A1/A2: a setup is recorded, changed, cleared with null; an unknown board is not_found', () => {
    const { s, writing, tasks } = planned();
    const segment = () => s.state.agenda.segments.find((x) => x.id === writing)!;
    expect(segment().setup?.board).toEqual({ boardId: tasks, phase: 'private' });
    expect(
      s.ok(HOST, {
        type: 'agenda.update',
        segmentId: writing,
        changes: {
          setup: {
            board: { phase: 'private', boardId: tasks },
            floor: { orderBy: 'random', mode: 'round' },
            timerMinutes: 8,
          },
        },
      }),
    ).toEqual([]);
    s.ok(HOST, { type: 'agenda.update', segmentId: writing, changes: { setup: { timerMinutes: 5 } } });
    expect(segment().setup).toEqual({ timerMinutes: 5 });
    s.ok(HOST, { type: 'agenda.update', segmentId: writing, changes: { setup: null } });
    expect(segment().setup).toBeNull();
    expect(
      s.refused(HOST, {
        type: 'agenda.update',
        segmentId: writing,
        changes: { setup: { board: { boardId: 'nosuch' } } },
      }),
    ).toBe('not_found');
    expect(
      s.refused(HOST, {
        type: 'agenda.add',
        segment: { title: 'x', kind: 'talk', plannedMinutes: 1, setup: { board: { boardId: 'nosuch' } } },
      }),
    ).toBe('not_found');
  });

  it('A1: a segment added by an event from before setups has none (null)', () => {
    const s = new TestSession();
    const state = replay(
      [
        {
          type: 'agenda.segmentAdded',
          v: s.state.version + 1,
          at: 1,
          segment: { id: 'old001', title: 'Old', kind: 'talk', plannedMinutes: 5, prompt: null, notes: null },
          index: 0,
          by: HOST,
        },
      ],
      s.state,
    );
    expect(state.agenda.segments[0]?.setup).toBeNull();
  });

  it('V2/A7: setups reach facilitators only', () => {
    const { s, writing } = planned();
    expect(viewFor(s.state, COFAC).agenda.segments.find((x) => x.id === writing)?.setup).not.toBeNull();
    expect(viewFor(s.state, ADA).agenda.segments.every((x) => x.setup === null)).toBe(true);
    expect(viewFor(s.state, OBSERVER).agenda.segments.every((x) => x.setup === null)).toBe(true);
  });
});
