import type { AgendaState, SegmentState } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { agendaRows, nowAndNext, segmentChanges } from './agenda';

const MIN = 60_000;
const seg = (id: string, plannedMinutes: number, extra: Partial<SegmentState> = {}): SegmentState => ({
  id,
  title: `Segment ${id}`,
  kind: 'talk',
  plannedMinutes,
  prompt: null,
  notes: null,
  startedAt: null,
  endedAt: null,
  ...extra,
});

describe('agendaRows', () => {
  const T0 = 1_700_000_000_000;
  const agenda: AgendaState = {
    currentId: 'seg-c',
    segments: [
      seg('seg-a', 10, { startedAt: T0, endedAt: T0 + 12 * MIN }),
      seg('seg-b', 5),
      seg('seg-c', 20, { startedAt: T0 + 12 * MIN }),
      seg('seg-d', 15),
      seg('seg-e', 30),
    ],
  };

  it('compares planned with actual times and projects what is still to come', () => {
    const now = T0 + 22 * MIN; // 10 minutes into a 20-minute segment
    const rows = agendaRows(agenda, now);
    expect(rows.map((r) => r.status)).toEqual(['done', 'skipped', 'current', 'upcoming', 'upcoming']);
    expect(rows[0]!.actualMs).toBe(12 * MIN);
    expect(rows[1]!.actualMs).toBeNull();
    expect(rows[2]!.actualMs).toBe(10 * MIN);
    expect(rows[2]!.overMs).toBe(0);
    // The current one is planned to end at T0 + 32 min; the rest follow the plan.
    expect(rows[3]!.expectedStart).toBe(T0 + 32 * MIN);
    expect(rows[4]!.expectedStart).toBe(T0 + 47 * MIN);
    expect(rows[1]!.expectedStart).toBeNull();
  });

  it('counts from now once the current segment runs over', () => {
    const now = T0 + 40 * MIN; // 28 minutes into a 20-minute segment
    const rows = agendaRows(agenda, now);
    expect(rows[2]!.overMs).toBe(8 * MIN);
    expect(rows[3]!.expectedStart).toBe(now);
    expect(rows[4]!.expectedStart).toBe(now + 15 * MIN);
  });

  it('projects nothing while no segment is current', () => {
    const rows = agendaRows({ ...agenda, currentId: null }, T0);
    expect(rows.map((r) => r.status)).toEqual(['done', 'upcoming', 'done', 'upcoming', 'upcoming']);
    expect(rows.every((r) => r.expectedStart === null)).toBe(true);
  });
});

describe('nowAndNext', () => {
  it('knows an empty agenda and one not started yet', () => {
    expect(nowAndNext({ currentId: null, segments: [] }).phase).toBe('empty');
    const fresh = nowAndNext({ currentId: null, segments: [seg('seg-a', 5), seg('seg-b', 5)] });
    expect(fresh).toMatchObject({ phase: 'not_started', current: null, next: { id: 'seg-a' } });
  });

  it('gives the current segment and the one after it', () => {
    const state = nowAndNext({
      currentId: 'seg-a',
      segments: [seg('seg-a', 5, { startedAt: 1 }), seg('seg-b', 5)],
    });
    expect(state).toMatchObject({ phase: 'running', current: { id: 'seg-a' }, next: { id: 'seg-b' } });
    const last = nowAndNext({
      currentId: 'seg-b',
      segments: [seg('seg-a', 5), seg('seg-b', 5, { startedAt: 1 })],
    });
    expect(last.next).toBeNull();
  });

  it('tells a paused agenda from a finished one', () => {
    const ran = seg('seg-a', 5, { startedAt: 1, endedAt: 2 });
    expect(nowAndNext({ currentId: null, segments: [ran, seg('seg-b', 5)] })).toMatchObject({
      phase: 'paused',
      next: { id: 'seg-b' },
    });
    expect(nowAndNext({ currentId: null, segments: [ran] })).toMatchObject({ phase: 'done', next: null });
  });
});

describe('segmentChanges', () => {
  const before = seg('seg-a', 10, { prompt: 'What brought you here?', notes: 'Keep it short' });
  const draft = {
    title: 'Segment seg-a',
    kind: 'talk' as const,
    plannedMinutes: 10,
    prompt: 'What brought you here?',
    notes: 'Keep it short',
    setup: null,
  };

  it('sends nothing when nothing changed', () => {
    expect(segmentChanges(before, draft)).toEqual({});
    expect(segmentChanges(before, { ...draft, title: '  Segment seg-a ' })).toEqual({});
  });

  it('sends only the changed fields and clears emptied text', () => {
    expect(
      segmentChanges(before, { ...draft, plannedMinutes: 12, kind: 'round', prompt: ' ', notes: '' }),
    ).toEqual({
      plannedMinutes: 12,
      kind: 'round',
      prompt: null,
      notes: null,
    });
    expect(segmentChanges(seg('seg-b', 5), { ...draft, title: 'New' })).toMatchObject({
      title: 'New',
      plannedMinutes: 10,
      prompt: 'What brought you here?',
    });
  });

  it('sends a setup only when it does something else (key order does not count), null to clear it', () => {
    const withSetup = seg('seg-c', 10, {
      prompt: draft.prompt,
      notes: draft.notes,
      setup: { timerMinutes: 8, floor: { mode: 'open' } },
    });
    const same = {
      ...draft,
      title: 'Segment seg-c',
      setup: { floor: { mode: 'open' as const }, timerMinutes: 8 },
    };
    expect(segmentChanges(withSetup, same)).toEqual({});
    expect(segmentChanges(withSetup, { ...same, setup: null })).toEqual({ setup: null });
    expect(segmentChanges(withSetup, { ...same, setup: { timerMinutes: 5 } })).toEqual({
      setup: { timerMinutes: 5 },
    });
  });
});
