import { describe, expect, it } from 'vitest';
import {
  SESSION_TEMPLATE_IDS,
  SegmentSetup,
  SessionEvent,
  TEMPLATE_IDS,
  LIMITS,
  SEGMENT_KINDS,
} from '@kring/protocol';
import { createSession } from '../decide';
import { replay } from '../reducer';
import { withVersions } from '../versions';
import { viewFor } from '../view/view';
import {
  SESSION_TEMPLATES,
  boardsKeptClosed,
  findSessionTemplate,
  plannedMinutesOf,
  setupWithBoards,
} from './sessions';

describe('session templates as data', () => {
  it('has one template per protocol id, in the same order', () => {
    expect(SESSION_TEMPLATES.map((t) => t.id)).toEqual([...SESSION_TEMPLATE_IDS]);
    expect(findSessionTemplate('ips-overview')?.title).toMatch(/IPS/);
    expect(findSessionTemplate('nope')).toBeUndefined();
  });

  it.each(SESSION_TEMPLATES.map((t) => [t.id, t] as const))('%s is within the limits', (_id, template) => {
    expect(template.title.length).toBeGreaterThan(0);
    expect(template.description.length).toBeGreaterThan(0);
    expect(template.segments.length).toBeGreaterThan(0);
    expect(template.segments.length).toBeLessThanOrEqual(LIMITS.agendaSegmentsMax);
    expect(template.boards.length).toBeGreaterThan(0);
    for (const s of template.segments) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.title.length).toBeLessThanOrEqual(LIMITS.segmentTitleMax);
      expect(SEGMENT_KINDS).toContain(s.kind);
      expect(Number.isInteger(s.plannedMinutes) && s.plannedMinutes >= 0).toBe(true);
      expect((s.prompt ?? '').length).toBeLessThanOrEqual(LIMITS.segmentPromptMax);
      expect((s.notes ?? '').length).toBeLessThanOrEqual(LIMITS.segmentNotesMax);
    }
    for (const b of template.boards) {
      expect(TEMPLATE_IDS).toContain(b.templateId);
      expect(b.title.length).toBeLessThanOrEqual(LIMITS.titleMax);
      // BD1: only the `columns` board template takes (and needs) column titles.
      expect(b.columns !== undefined).toBe(b.templateId === 'columns');
      if (b.columns) expect(b.columns.length).toBeGreaterThan(0);
    }
  });

  it('the IPS overview follows the ten-step run-of-show in about three hours', () => {
    const ips = findSessionTemplate('ips-overview')!;
    expect(ips.segments).toHaveLength(10);
    expect(plannedMinutesOf(ips)).toBe(180);
    expect(ips.segments.map((s) => s.kind)).toEqual([
      'board_work',
      'talk',
      'round',
      'talk',
      'board_work',
      'break',
      'breakouts',
      'open_floor',
      'qa',
      'closing',
    ]);
    expect(ips.boards.map((b) => b.templateId)).toContain('ips-four-tasks');
    expect(ips.boards.map((b) => b.templateId)).toContain('check-in');
  });

  it('the inspiration meeting has a kick-off, three practice examples, interaction and a closing word', () => {
    const titles = findSessionTemplate('inspiration-meeting')!.segments.map((s) => s.title);
    expect(titles.filter((t) => /practice example/i.test(t))).toHaveLength(3);
    expect(titles.some((t) => /kick-off/i.test(t))).toBe(true);
    expect(titles.some((t) => /interaction/i.test(t))).toBe(true);
    expect(titles.at(-1)).toMatch(/closing word/i);
  });

  it('intervision runs the incident method rounds and the case-bringer closes', () => {
    const t = findSessionTemplate('intervision')!;
    expect(t.segments.map((s) => s.title).join(' | ')).toMatch(
      /case.*clarifying questions.*reflections.*advice.*case-bringer closes/i,
    );
    expect(t.boards[0]?.templateId).toBe('intervision-incident');
  });
});

describe('S2: creating a session from a template', () => {
  const base = {
    sessionId: 'session1',
    title: 'T',
    joinCode: 'ABCDEF',
    hostId: 'host01',
    hostName: 'Host',
    boardId: 'board00',
    now: 1000,
  };

  it('without a template: one board "Board", no agenda (S1)', () => {
    const state = replay(withVersions(0, createSession(base)));
    expect(state.boards.map((b) => b.title)).toEqual(['Board']);
    expect(state.agenda.segments).toEqual([]);
  });

  it("CI26: a meeting's session lists the circle's lasting boards after its own, named and marked lasting", () => {
    const template = SESSION_TEMPLATES[0]!;
    const lastingBoards = [
      { id: 'lasting1', title: 'Actions', templateId: 'columns' as const },
      { id: 'lasting2', title: 'Decisions', templateId: 'blank' as const },
    ];
    const events = withVersions(
      0,
      createSession({
        ...base,
        template: {
          template,
          segmentIds: template.segments.map((_, i) => `segment${i}`),
          boardIds: template.boards.map((_, i) => `board${i}`),
        },
        lastingBoards,
      }),
    );
    for (const e of events) expect(SessionEvent.safeParse(e).success).toBe(true);
    const state = replay(events);
    expect(state.boards.map((b) => [b.id, b.lasting])).toEqual([
      ...template.boards.map((_, i) => [`board${i}`, false]),
      ['lasting1', true],
      ['lasting2', true],
    ]);
    expect(state.boards.filter((b) => b.lasting).every((b) => !b.anonymous)).toBe(true);
    // Everyone sees which boards are the circle's (the view says so).
    expect(viewFor(state, 'host01').boards.find((b) => b.id === 'lasting1')?.lasting).toBe(true);
  });

  it.each(SESSION_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: the agenda and boards, in order, none current, all valid events',
    (_id, template) => {
      const segmentIds = template.segments.map((_, i) => `segment${i}`);
      const boardIds = template.boards.map((_, i) => `board${i}`);
      const events = withVersions(
        0,
        createSession({ ...base, template: { template, segmentIds, boardIds } }),
      );
      for (const e of events) expect(SessionEvent.safeParse(e).success).toBe(true);
      const state = replay(events);
      // Facilitator notes and setups stay with facilitators (A7).
      const host = viewFor(state, 'host01');
      expect(state.agenda.currentId).toBeNull();
      expect(state.agenda.segments.map((s) => [s.id, s.title, s.plannedMinutes])).toEqual(
        template.segments.map((s, i) => [`segment${i}`, s.title, s.plannedMinutes]),
      );
      expect(state.boards.map((b) => [b.id, b.title, b.templateId, b.anonymous, b.locked, b.phase])).toEqual(
        template.boards.map((b, i) => [
          `board${i}`,
          b.title,
          b.templateId,
          b.anonymous ?? false,
          // S2: a board first brought to everyone by a later segment stays closed until then.
          boardsKeptClosed(template).has(i),
          'open',
        ]),
      );
      // S2: setups arrive with the created boards' ids in place of their indexes.
      expect(host.agenda.segments.map((s) => s.setup)).toEqual(
        template.segments.map((s) => setupWithBoards(s.setup, boardIds)),
      );
      expect(host.agenda.segments.map((s) => s.notes)).toEqual(template.segments.map((s) => s.notes ?? null));
    },
  );

  it('needs one id per segment and board', () => {
    const template = findSessionTemplate('intervision')!;
    expect(() =>
      createSession({ ...base, template: { template, segmentIds: [], boardIds: ['b'] } }),
    ).toThrow();
  });
});

describe('S2/A8: segment setups in the templates', () => {
  it.each(SESSION_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: every setup is valid against the protocol and names a board of the template',
    (_id, template) => {
      const boardIds = template.boards.map((_, i) => `board${i}`);
      for (const segment of template.segments) {
        const board = segment.setup?.board;
        if (board) expect(board.boardIndex).toBeLessThan(template.boards.length);
        const setup = setupWithBoards(segment.setup, boardIds);
        if (setup) expect(SegmentSetup.safeParse(setup).success).toBe(true);
      }
    },
  );

  it('S2: the IPS overview carries its run-of-show: check-in board, rooms, private writing, closing round', () => {
    const ips = findSessionTemplate('ips-overview')!;
    const setups = ips.segments.map((s) => s.setup);
    expect(setups[0]).toEqual({ board: { boardIndex: 0 } });
    expect(setups[2]).toEqual({ breakout: { presetId: 'ips-check-in', minutes: 12 } });
    expect(setups[4]).toEqual({ timerMinutes: 8, board: { boardIndex: 1, phase: 'private' } });
    expect(setups[5]).toEqual({ timerMinutes: 10 });
    expect(setups[6]).toEqual({ breakout: { presetId: 'ips-four-tasks', minutes: 30 } });
    expect(setups[7]?.board).toEqual({ boardIndex: 2 });
    expect(setups[9]).toEqual({ timerMinutes: 10, floor: { mode: 'round', orderBy: 'join' } });
    // The four tasks and harvest boards stay closed until their segments; check-in is open at once.
    expect([...boardsKeptClosed(ips)].sort()).toEqual([1, 2]);
  });

  it('S2: a board index out of range is refused, not silently dropped', () => {
    expect(() => setupWithBoards({ board: { boardIndex: 3 } }, ['a'])).toThrow();
    expect(setupWithBoards(undefined, ['a'])).toBeNull();
    expect(setupWithBoards({ timerMinutes: 5, board: { boardIndex: 0, phase: 'private' } }, ['a'])).toEqual({
      timerMinutes: 5,
      board: { boardId: 'a', phase: 'private' },
    });
  });
});
