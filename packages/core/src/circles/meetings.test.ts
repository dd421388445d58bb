import type { CircleCommand, CircleState, SeriesPlan } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { JOIN_OPENS_BEFORE_MS } from '../series/occurrences';
import { assignCircleIds, createCircle } from './create';
import { decideCircle } from './decide';
import { replayCircle } from './evolve';
import { type MeetingCommand, firstHostOf, meetingOf } from './meetings';
import { withCircleVersions } from './state';

const T0 = Date.UTC(2027, 8, 1);
/** Sunday 3 October 2027, 14:00–16:00 in Amsterdam (12:00Z). */
const START = Date.UTC(2027, 9, 3, 12);
const END = START + 120 * 60_000;
const KEY = '2027-10-03';

const octoberSundays: SeriesPlan = {
  timeZone: 'Europe/Amsterdam',
  startDate: '2027-10-01',
  startTime: '14:00',
  durationMinutes: 120,
  repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2027-10-31' },
};

type Actor = { memberId: string } | { visitor: true };

function apply(state: CircleState, command: CircleCommand | MeetingCommand, actor: Actor, now: number) {
  const withIds =
    command.type === 'member.invite' || command.type === 'series.add'
      ? assignCircleIds(command, {
          member: () => `member${String(Object.keys(state.members).length).padStart(2, '0')}`,
          series: () => 'series01',
          board: () => 'board01',
        })
      : command;
  const d = decideCircle(state, withIds, actor, now);
  if (!d.ok) throw new Error(`${d.error.code}: ${d.error.message}`);
  return replayCircle(withCircleVersions(state.version, d.events), state);
}

/** Host Hanna (host01, the founder), member Ada (member01), co-host Ben (member02), a series. */
function circle(): CircleState {
  const made = createCircle({
    circleId: 'circle1',
    code: 'ABCDEFGH',
    title: 'Summit core group',
    timeZone: 'Europe/Amsterdam',
    hostId: 'host01',
    hostName: 'Hanna',
    now: T0,
  });
  if (!made.ok) throw new Error(made.error.message);
  let s = replayCircle(withCircleVersions(0, made.events));
  const host = { memberId: 'host01' };
  s = apply(s, { type: 'member.invite', name: 'Ada', role: 'member' }, host, T0 + 1);
  s = apply(s, { type: 'member.invite', name: 'Ben', role: 'host' }, host, T0 + 2);
  s = apply(
    s,
    {
      type: 'series.add',
      title: 'Summit',
      plan: octoberSundays,
      visibility: 'public',
      templateId: 'summit-planning',
    },
    host,
    T0 + 3,
  );
  return s;
}

const open = (sessionId = 'sess01'): MeetingCommand => ({
  type: 'meeting.open',
  seriesId: 'series01',
  key: KEY,
  sessionId,
  joinCode: 'ABC234',
  hostParticipantId: 'part00',
});

const refusal = (state: CircleState, command: MeetingCommand, actor: Actor, now: number) => {
  const d = decideCircle(state, command, actor, now);
  return d.ok ? null : d.error;
};

describe('CI16 a series template and opening a meeting', () => {
  it('CI16: a series keeps its session template; null in an update goes back to blank', () => {
    let s = circle();
    expect(s.series.series01?.templateId).toBe('summit-planning');
    const host = { memberId: 'host01' };
    s = apply(s, { type: 'series.update', seriesId: 'series01', templateId: null }, host, T0 + 4);
    expect(s.series.series01).not.toHaveProperty('templateId');
    // CI10: the same (absent) template again records nothing.
    const same = decideCircle(s, { type: 'series.update', seriesId: 'series01', templateId: null }, host, T0);
    expect(same).toEqual({ ok: true, events: [] });
    s = apply(s, { type: 'series.update', seriesId: 'series01', templateId: 'intervision' }, host, T0 + 5);
    expect(s.series.series01?.templateId).toBe('intervision');
  });

  it('CI16: a host opens a meeting early, a member only once its join is open (SE7)', () => {
    const s = circle();
    const early = START - 24 * 3600_000;
    expect(refusal(s, open(), { memberId: 'member01' }, early)?.code).toBe('conflict');
    expect(refusal(s, open(), { visitor: true }, early)?.code).toBe('conflict');
    const opened = apply(s, open(), { memberId: 'member02' }, early);
    expect(meetingOf(opened, 'series01', KEY)).toEqual({
      seriesId: 'series01',
      key: KEY,
      sessionId: 'sess01',
      joinCode: 'ABC234',
      // CI16: the opening host is the session's host.
      participants: { member02: 'part00' },
      openedAt: early,
    });
    const inWindow = START - JOIN_OPENS_BEFORE_MS;
    expect(refusal(s, open(), { memberId: 'member01' }, inWindow)).toBeNull();
    expect(refusal(s, open(), { visitor: true }, inWindow)).toBeNull();
  });

  it('CI16: a member or visitor who opens it first makes the circle’s first host the session’s host', () => {
    const s = circle();
    expect(firstHostOf(s)).toBe('host01');
    const byMember = decideCircle(s, open(), { memberId: 'member01' }, START);
    const byVisitor = decideCircle(s, open(), { visitor: true }, START);
    expect(byMember.ok && byMember.events[0]).toMatchObject({ hostMemberId: 'host01', by: 'member01' });
    expect(byVisitor.ok && byVisitor.events[0]).toMatchObject({ hostMemberId: 'host01' });
    expect(byVisitor.ok && byVisitor.events[0]).not.toHaveProperty('by');
  });

  it('CI16: cancelled or ended meetings are conflict, a date without a meeting not_found', () => {
    let s = circle();
    const host = { memberId: 'host01' };
    expect(refusal(s, open(), host, END)).toMatchObject({
      code: 'conflict',
      message: 'this meeting has ended',
    });
    s = apply(
      s,
      { type: 'series.setException', seriesId: 'series01', key: KEY, exception: { kind: 'cancel' } },
      host,
      T0 + 10,
    );
    expect(refusal(s, open(), host, START)).toMatchObject({ code: 'conflict' });
    expect(refusal(s, { ...open(), key: '2027-10-04' }, host, START)?.code).toBe('not_found');
    expect(refusal(s, { ...open(), seriesId: 'nope' }, host, START)?.code).toBe('not_found');
    // CI2: someone who is not (or no longer) a member.
    expect(refusal(s, open(), { memberId: 'stranger' }, START)?.code).toBe('unauthorized');
  });

  it('CI16: opening an opened meeting records nothing (one session per meeting)', () => {
    const s = apply(circle(), open(), { memberId: 'host01' }, START);
    expect(decideCircle(s, open('sess02'), { memberId: 'member01' }, START)).toEqual({
      ok: true,
      events: [],
    });
  });

  it('CI16: meeting records stay when their series is removed (the circle’s deletion finds them)', () => {
    let s = apply(circle(), open(), { memberId: 'host01' }, START);
    s = apply(s, { type: 'series.remove', seriesId: 'series01' }, { memberId: 'host01' }, START + 1);
    expect(Object.values(s.meetings).map((m) => m.sessionId)).toEqual(['sess01']);
  });

  it('CI16: a client cannot post meeting commands (they are not circle commands)', async () => {
    const { CircleCommand: schema } = await import('@kring/protocol');
    expect(schema.safeParse(open()).success).toBe(false);
  });
});

describe('CI17 the same participant every time', () => {
  const join = (memberId: string, participantId: string): MeetingCommand => ({
    type: 'meeting.join',
    seriesId: 'series01',
    key: KEY,
    memberId,
    participantId,
  });

  it('CI17: a member’s first entry records their participant, with their session role', () => {
    let s = apply(circle(), open(), { memberId: 'host01' }, START);
    s = apply(s, join('member01', 'part01'), { memberId: 'member01' }, START + 1);
    s = apply(s, join('member02', 'part02'), { memberId: 'member02' }, START + 2);
    expect(meetingOf(s, 'series01', KEY)?.participants).toEqual({
      host01: 'part00',
      member01: 'part01',
      member02: 'part02',
    });
    const events = (memberId: string, pid: string) => {
      const d = decideCircle(circleOpened(), join(memberId, pid), { memberId }, START);
      return d.ok ? d.events : [];
    };
    expect(events('member01', 'p')[0]).toMatchObject({ type: 'meeting.joined', role: 'participant' });
    expect(events('member02', 'p')[0]).toMatchObject({ type: 'meeting.joined', role: 'cofacilitator' });
    // Again with the same participant: nothing new; with another one: conflict.
    expect(decideCircle(s, join('member01', 'part01'), { memberId: 'member01' }, START)).toEqual({
      ok: true,
      events: [],
    });
    expect(refusal(s, join('member01', 'other'), { memberId: 'member01' }, START)?.code).toBe('conflict');
  });

  it('CI17: only as oneself, only members, only a meeting that has its session, within CI16’s times', () => {
    const s = circleOpened();
    expect(refusal(s, join('member01', 'p'), { memberId: 'member02' }, START)?.code).toBe('forbidden');
    expect(refusal(s, join('member01', 'p'), { visitor: true }, START)?.code).toBe('forbidden');
    expect(refusal(circle(), join('member01', 'p'), { memberId: 'member01' }, START)?.code).toBe('not_found');
    const early = START - JOIN_OPENS_BEFORE_MS - 1;
    expect(refusal(s, join('member01', 'p'), { memberId: 'member01' }, early)?.code).toBe('conflict');
    expect(refusal(s, join('member02', 'p'), { memberId: 'member02' }, early)).toBeNull();
  });
});

function circleOpened(): CircleState {
  return apply(circle(), open(), { memberId: 'host01' }, START);
}
