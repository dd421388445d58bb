import { describe, expect, it } from 'vitest';
import { decide } from '../decide';
import { ADA, HOST, TestSession } from '../testing';

const add = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'agenda.add',
  segment: { title, kind: 'talk', plannedMinutes: 10, ...extra },
});

function withAgenda() {
  const s = new TestSession();
  const ids = ['Welcome', 'Check-in round', 'History'].map((title) => {
    s.ok(HOST, add(title));
    return s.lastId();
  });
  return { s, ids: ids as [string, string, string] };
}

const titles = (s: TestSession) => s.state.agenda.segments.map((x) => x.title);

describe('agenda', () => {
  it('A1: facilitators add segments with server ids, at the end or at an index', () => {
    const { s, ids } = withAgenda();
    expect(titles(s)).toEqual(['Welcome', 'Check-in round', 'History']);
    expect(new Set(ids).size).toBe(3);
    s.ok(HOST, { ...add('Doors open', { prompt: 'One word', notes: 'smile' }), index: 0 });
    expect(s.state.agenda.segments[0]).toMatchObject({
      title: 'Doors open',
      prompt: 'One word',
      notes: 'smile',
      startedAt: null,
      endedAt: null,
    });
    s.ok(HOST, { ...add('Closing'), index: 99 });
    expect(titles(s).at(-1)).toBe('Closing');
  });

  it('A1: a segment without a server id is a bad request; a client id is replaced', () => {
    const { s } = withAgenda();
    s.ok(HOST, add('Mine', { id: 'chosen1' }));
    expect(s.state.agenda.segments.some((x) => x.id === 'chosen1')).toBe(false);
    const noId = decide(
      s.state,
      { type: 'agenda.add', segment: { title: 'x', kind: 'qa', plannedMinutes: 1 } },
      { participantId: HOST },
      0,
    );
    expect(noId).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('A2: update records only what changes; empty text clears', () => {
    const { s, ids } = withAgenda();
    const events = s.ok(HOST, {
      type: 'agenda.update',
      segmentId: ids[0],
      changes: { title: 'Welcome', plannedMinutes: 15, notes: 'ask about captions' },
    });
    expect(events).toMatchObject([{ changes: { plannedMinutes: 15, notes: 'ask about captions' } }]);
    expect(events[0] && 'changes' in events[0] && 'title' in events[0].changes).toBe(false);
    s.ok(HOST, { type: 'agenda.update', segmentId: ids[0], changes: { notes: '' } });
    expect(s.state.agenda.segments[0]?.notes).toBeNull();
    expect(s.ok(HOST, { type: 'agenda.update', segmentId: ids[0], changes: { notes: null } })).toEqual([]);
    expect(s.refused(HOST, { type: 'agenda.update', segmentId: 'nosuch1', changes: {} })).toBe('not_found');
  });

  it('A3: the current segment cannot be removed; others can, and twice is once', () => {
    const { s, ids } = withAgenda();
    s.ok(HOST, { type: 'agenda.jump', segmentId: ids[1] });
    expect(s.refused(HOST, { type: 'agenda.remove', segmentId: ids[1] })).toBe('conflict');
    s.ok(HOST, { type: 'agenda.remove', segmentId: ids[2] });
    expect(s.ok(HOST, { type: 'agenda.remove', segmentId: ids[2] })).toEqual([]);
    expect(titles(s)).toEqual(['Welcome', 'Check-in round']);
  });

  it('A4: move clamps the index; moving in place records nothing', () => {
    const { s, ids } = withAgenda();
    s.ok(HOST, { type: 'agenda.move', segmentId: ids[0], toIndex: 50 });
    expect(titles(s)).toEqual(['Check-in round', 'History', 'Welcome']);
    s.ok(HOST, { type: 'agenda.move', segmentId: ids[0], toIndex: 0 });
    expect(titles(s)).toEqual(['Welcome', 'Check-in round', 'History']);
    expect(s.ok(HOST, { type: 'agenda.move', segmentId: ids[0], toIndex: 0 })).toEqual([]);
  });

  it('A5: next, previous and jump keep one current segment', () => {
    const { s, ids } = withAgenda();
    expect(s.refused(HOST, { type: 'agenda.previous' })).toBe('conflict');
    s.ok(HOST, { type: 'agenda.next' });
    expect(s.state.agenda.currentId).toBe(ids[0]);
    expect(s.refused(HOST, { type: 'agenda.previous' })).toBe('conflict');
    s.ok(HOST, { type: 'agenda.next' });
    s.ok(HOST, { type: 'agenda.previous' });
    expect(s.state.agenda.currentId).toBe(ids[0]);
    s.ok(HOST, { type: 'agenda.jump', segmentId: ids[2] });
    s.ok(HOST, { type: 'agenda.next' });
    expect(s.state.agenda.currentId).toBeNull();
    expect(s.refused(HOST, { type: 'agenda.next' })).toBe('conflict');
    expect(s.refused(HOST, { type: 'agenda.jump', segmentId: 'nosuch1' })).toBe('not_found');
  });

  it('A5: after a pause, next resumes at the first segment that has not run', () => {
    const { s, ids } = withAgenda();
    s.ok(HOST, { type: 'agenda.next' });
    s.ok(HOST, { type: 'agenda.jump', segmentId: null });
    s.ok(HOST, { type: 'agenda.next' });
    expect(s.state.agenda.currentId).toBe(ids[1]);
  });

  it('A6: segments record when they actually started and ended', () => {
    const { s, ids } = withAgenda();
    s.ok(HOST, { type: 'agenda.next' });
    const started = s.now;
    s.tick(60_000).ok(HOST, { type: 'agenda.next' });
    const switched = s.now;
    expect(s.state.agenda.segments[0]).toMatchObject({ startedAt: started, endedAt: switched });
    expect(s.state.agenda.segments[1]).toMatchObject({ startedAt: switched, endedAt: null });
    s.tick(1000).ok(HOST, { type: 'agenda.jump', segmentId: ids[0] });
    // Going back keeps the first start and clears the end while it runs again.
    expect(s.state.agenda.segments[0]).toMatchObject({ startedAt: started, endedAt: null });
    expect(s.state.agenda.segments[1]?.endedAt).toBe(s.now);
  });

  it('C2: participants cannot change the agenda', () => {
    const { s } = withAgenda();
    expect(s.refused(ADA, add('Mine'))).toBe('forbidden');
    expect(s.refused(ADA, { type: 'agenda.next' })).toBe('forbidden');
  });
});
