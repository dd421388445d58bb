import {
  CIRCLE_LIMITS,
  CircleCommand,
  type CircleCommand as Cmd,
  type CircleState,
  CreateCircleBody,
  LIMITS,
  type SeriesPlan,
} from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { occurrences } from '../series/occurrences';
import { assignCircleIds, createCircle } from './create';
import { decideCircle } from './decide';
import { replayCircle } from './evolve';
import { circleExpiresAt } from './expiry';
import { mayDeleteHarvest, mayKeepHarvest } from './harvests';
import { withCircleVersions } from './state';
import { circleLinkValid, membersSeenBy } from './view';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2027, 8, 1);

/** Every Sunday in October 2027 at 14:00 Amsterdam time (the clocks go back on the 31st). */
const octoberSundays: SeriesPlan = {
  timeZone: 'Europe/Amsterdam',
  startDate: '2027-10-01',
  startTime: '14:00',
  durationMinutes: 120,
  repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2027-10-31' },
};

function created(): CircleState {
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
  return replayCircle(withCircleVersions(0, made.events));
}

/** Applies a command (ids assigned as the server does) and returns the next state, or throws. */
function run(state: CircleState, command: Cmd, by = 'host01', now = T0 + 1000): CircleState {
  // Ids by count, so tests can name them: member01, member02…; series01, series01…
  const withIds = assignCircleIds(command, {
    member: () => `member${String(Object.keys(state.members).length).padStart(2, '0')}`,
    series: () => `series${String(Object.keys(state.series).length + 1).padStart(2, '0')}`,
    board: () => `board${String(Object.keys(state.boards).length + 1).padStart(2, '0')}`,
  });
  const d = decideCircle(state, withIds, { memberId: by }, now);
  if (!d.ok) throw new Error(`${d.error.code}: ${d.error.message}`);
  return replayCircle(withCircleVersions(state.version, d.events), state);
}

function refusal(state: CircleState, command: Cmd, by = 'host01') {
  const d = decideCircle(state, command, { memberId: by }, T0 + 1000);
  return d.ok ? null : d.error.code;
}

/** The core group: host Hanna, member Ada (member01), and a series (series01). */
function withSeries(): CircleState {
  let s = run(created(), { type: 'member.invite', name: 'Ada', role: 'member' });
  s = run(s, { type: 'series.add', title: 'Summit planning', plan: octoberSundays, visibility: 'public' });
  return s;
}

describe('CI1 creating a circle', () => {
  it('CI1: records the circle and its first host in one batch, with 90 days of retention and English', () => {
    const s = created();
    expect(s).toMatchObject({
      id: 'circle1',
      code: 'ABCDEFGH',
      title: 'Summit core group',
      description: '',
      timeZone: 'Europe/Amsterdam',
      locale: 'en',
      retentionDays: 90,
      createdAt: T0,
      version: 2,
    });
    expect(s.members).toEqual({ host01: { name: 'Hanna', role: 'host', joinedAt: T0, epoch: 0 } });
  });

  it('CI1: refuses a time zone the database does not know', () => {
    const made = createCircle({
      circleId: 'circle1',
      code: 'ABCDEFGH',
      title: 'x',
      timeZone: 'Mars/Olympus',
      hostId: 'host01',
      hostName: 'Hanna',
      now: T0,
    });
    expect(made.ok ? null : made.error.code).toBe('bad_request');
  });
});

describe('CI2/CI3 who may do what', () => {
  it('CI2: someone who is not a member is refused (unauthorized)', () => {
    expect(refusal(withSeries(), { type: 'circle.update', title: 'x' }, 'stranger')).toBe('unauthorized');
  });

  it('CI3: a member cannot change the circle, invite, or add, change or remove a series (forbidden)', () => {
    const s = withSeries();
    const cmds: Cmd[] = [
      { type: 'circle.update', title: 'Mine now' },
      { type: 'member.invite', name: 'Bo', role: 'member', memberId: 'member99' },
      { type: 'member.setRole', memberId: 'member01', role: 'host' },
      { type: 'member.remove', memberId: 'host01' },
      { type: 'member.newLink', memberId: 'host01' },
      { type: 'series.add', title: 'x', plan: octoberSundays, visibility: 'public', seriesId: 'series99' },
      { type: 'series.update', seriesId: 'series01', title: 'x' },
      { type: 'series.setException', seriesId: 'series01', key: '2027-10-10', exception: { kind: 'cancel' } },
      { type: 'series.remove', seriesId: 'series01' },
      // Refused before anything is looked up: a made-up series tells nothing either.
      { type: 'series.remove', seriesId: 'nosuchseries' },
    ];
    for (const c of cmds) expect(refusal(s, c, 'member01'), c.type).toBe('forbidden');
  });

  it('CI3: a member renames themselves, renews their own link and leaves', () => {
    let s = withSeries();
    s = run(s, { type: 'member.rename', memberId: 'member01', name: 'Ada L.' }, 'member01');
    expect(s.members.member01?.name).toBe('Ada L.');
    s = run(s, { type: 'member.newLink', memberId: 'member01' }, 'member01');
    expect(s.members.member01?.epoch).toBe(1);
    s = run(s, { type: 'member.remove', memberId: 'member01' }, 'member01');
    expect(s.members.member01).toBeUndefined();
  });

  it('CI3: hosts change the circle (title, description, retention, time zone, language)', () => {
    const s = run(withSeries(), {
      type: 'circle.update',
      title: 'Core group 2028',
      description: 'We plan the next summit.',
      retentionDays: 365,
      timeZone: 'Europe/Brussels',
      locale: 'nl',
    });
    expect(s).toMatchObject({
      title: 'Core group 2028',
      description: 'We plan the next summit.',
      retentionDays: 365,
      timeZone: 'Europe/Brussels',
      locale: 'nl',
    });
    expect(refusal(s, { type: 'circle.update', timeZone: 'Nowhere/Else' })).toBe('bad_request');
  });
});

describe('CI4 at least one host', () => {
  it('CI4: the last host cannot leave, be removed or stop being a host (conflict)', () => {
    const s = withSeries();
    expect(refusal(s, { type: 'member.remove', memberId: 'host01' })).toBe('conflict');
    expect(refusal(s, { type: 'member.setRole', memberId: 'host01', role: 'member' })).toBe('conflict');
  });

  it('CI4: with a second host, the first may step down', () => {
    let s = run(withSeries(), { type: 'member.setRole', memberId: 'member01', role: 'host' });
    s = run(s, { type: 'member.setRole', memberId: 'host01', role: 'member' });
    expect(s.members.host01?.role).toBe('member');
    expect(refusal(s, { type: 'member.remove', memberId: 'member01' }, 'member01')).toBe('conflict');
  });
});

describe('CI5 limits', () => {
  it(`CI5: at most ${CIRCLE_LIMITS.membersMax} members (full)`, () => {
    let s = created();
    const events = Array.from({ length: CIRCLE_LIMITS.membersMax - 1 }, (_, i) => ({
      type: 'member.added' as const,
      at: T0,
      memberId: `person${i}`,
      name: `P${i}`,
      role: 'member' as const,
      by: 'host01',
    }));
    s = replayCircle(withCircleVersions(s.version, events), s);
    expect(
      refusal(s, { type: 'member.invite', name: 'One more', role: 'member', memberId: 'member99' }),
    ).toBe('full');
  });

  it(`CI5: at most ${CIRCLE_LIMITS.seriesMax} series (too_large)`, () => {
    let s = created();
    for (let i = 0; i < CIRCLE_LIMITS.seriesMax; i++) {
      s = run(s, { type: 'series.add', title: `S${i}`, plan: octoberSundays, visibility: 'link' });
    }
    expect(
      refusal(s, {
        type: 'series.add',
        title: 'x',
        plan: octoberSundays,
        visibility: 'link',
        seriesId: 'series99',
      }),
    ).toBe('too_large');
  });

  it('CI5: titles, names and texts are bounded at the edge (the wire schemas)', () => {
    const long = (n: number) => 'x'.repeat(n);
    const ok = (c: unknown) => CircleCommand.safeParse(c).success;
    expect(ok({ type: 'circle.update', title: long(LIMITS.titleMax) })).toBe(true);
    expect(ok({ type: 'circle.update', title: long(LIMITS.titleMax + 1) })).toBe(false);
    expect(ok({ type: 'circle.update', description: long(CIRCLE_LIMITS.textMax + 1) })).toBe(false);
    expect(ok({ type: 'member.invite', name: long(LIMITS.displayNameMax + 1), role: 'member' })).toBe(false);
    expect(ok({ type: 'circle.update', retentionDays: 0 })).toBe(false);
    expect(ok({ type: 'circle.update', retentionDays: 3651 })).toBe(false);
    expect(ok({ type: 'circle.update', title: 'x', extra: 1 })).toBe(false);
    expect(
      CreateCircleBody.safeParse({ title: 'x', hostName: 'Hanna', timeZone: 'Europe/Amsterdam' }).success,
    ).toBe(true);
  });
});

describe('CI6 series plans', () => {
  it('CI6: a series takes the circle language unless told, and its plan as given', () => {
    const s = withSeries();
    expect(s.series.series01).toMatchObject({
      title: 'Summit planning',
      description: '',
      accessibility: '',
      language: 'en',
      visibility: 'public',
      exceptions: {},
      sequences: {},
      revision: 0,
    });
  });

  it('CI6/CI1: time zones are kept in their canonical spelling', () => {
    let s = run(withSeries(), {
      type: 'series.add',
      title: 'Lowercase',
      plan: { ...octoberSundays, timeZone: 'europe/amsterdam' },
      visibility: 'link',
    });
    expect(s.series.series02?.plan.timeZone).toBe('Europe/Amsterdam');
    s = run(s, { type: 'circle.update', timeZone: 'america/new_york' });
    expect(s.timeZone).toBe('America/New_York');
  });

  it('CI6: plans that break SE1 or SE2 are refused with their reason (bad_request)', () => {
    const s = withSeries();
    const bad: SeriesPlan[] = [
      { ...octoberSundays, startDate: '2027-02-30' },
      { ...octoberSundays, timeZone: 'Europe/Atlantis' },
      { ...octoberSundays, repeat: { kind: 'weekly', weekdays: [7], interval: 1 } },
      { ...octoberSundays, repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2027-09-01' } },
    ];
    for (const plan of bad) {
      const d = decideCircle(
        s,
        { type: 'series.add', seriesId: 'series99', title: 'x', plan, visibility: 'public' },
        { memberId: 'host01' },
        T0,
      );
      expect(d.ok ? null : d.error).toMatchObject({ code: 'bad_request' });
    }
    const d = decideCircle(
      s,
      { type: 'series.update', seriesId: 'series01', plan: bad[0]! },
      { memberId: 'host01' },
      T0,
    );
    expect(d.ok ? null : d.error).toEqual({
      code: 'bad_request',
      message: 'start date 2027-02-30 is not a calendar date',
    });
  });

  it('CI6: a series needs the id the server assigns, and an unknown series is not_found', () => {
    const s = withSeries();
    expect(refusal(s, { type: 'series.add', title: 'x', plan: octoberSundays, visibility: 'public' })).toBe(
      'bad_request',
    );
    expect(refusal(s, { type: 'series.update', seriesId: 'nosuchseries', title: 'x' })).toBe('not_found');
    expect(refusal(s, { type: 'series.remove', seriesId: 'nosuchseries' })).toBe('not_found');
  });
});

describe('CI7 exceptions', () => {
  it('CI7: cancel and move one meeting each; the meetings follow (SE4)', () => {
    let s = withSeries();
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-10',
      exception: { kind: 'cancel' },
    });
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-17',
      exception: { kind: 'move', date: '2027-10-16', time: '10:00' },
    });
    const series = s.series.series01!;
    const list = occurrences(series.plan, series.exceptions);
    expect(list.map((o) => [o.key, o.status, new Date(o.start).toISOString()])).toEqual([
      ['2027-10-03', 'scheduled', '2027-10-03T12:00:00.000Z'],
      ['2027-10-10', 'cancelled', '2027-10-10T12:00:00.000Z'],
      ['2027-10-17', 'moved', '2027-10-16T08:00:00.000Z'],
      ['2027-10-24', 'scheduled', '2027-10-24T12:00:00.000Z'],
      ['2027-10-31', 'scheduled', '2027-10-31T13:00:00.000Z'],
    ]);
  });

  it('CI7: a date the plan does not have is not_found; a move onto another meeting is a conflict', () => {
    const s = withSeries();
    const set = (key: string, exception: Extract<Cmd, { type: 'series.setException' }>['exception']) =>
      refusal(s, { type: 'series.setException', seriesId: 'series01', key, exception });
    expect(set('2027-10-11', { kind: 'cancel' })).toBe('not_found');
    expect(set('2027-10-17', { kind: 'move', date: '2027-10-24', time: '15:00' })).toBe('conflict');
    expect(set('2027-10-17', { kind: 'move', date: '2027-02-30', time: '15:00' })).toBe('bad_request');
  });

  it('CI7/CI10: undoing an exception removes it; setting what is already there records nothing', () => {
    let s = withSeries();
    const cancel: Cmd = {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-10',
      exception: { kind: 'cancel' },
    };
    s = run(s, cancel);
    const again = decideCircle(s, cancel, { memberId: 'host01' }, T0);
    expect(again).toEqual({ ok: true, events: [] });
    s = run(s, { ...cancel, exception: null } as Cmd);
    expect(s.series.series01?.exceptions).toEqual({});
    const none = decideCircle(s, { ...cancel, exception: null } as Cmd, { memberId: 'host01' }, T0);
    expect(none).toEqual({ ok: true, events: [] });
  });
});

describe('CI8 calendar sequences', () => {
  it('CI8: a meeting whose time or status changes gets the next revision as its SEQUENCE', () => {
    let s = withSeries();
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-10',
      exception: { kind: 'cancel' },
    });
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-17',
      exception: { kind: 'move', date: '2027-10-16', time: '10:00' },
    });
    s = run(s, { type: 'series.setException', seriesId: 'series01', key: '2027-10-10', exception: null });
    expect(s.series.series01?.sequences).toEqual({ '2027-10-10': 3, '2027-10-17': 2 });
    expect(s.series.series01?.revision).toBe(3);
  });

  it('CI8: a new start time raises the SEQUENCE of every meeting it moves, not of the moved-away one', () => {
    let s = withSeries();
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-17',
      exception: { kind: 'move', date: '2027-10-16', time: '10:00' },
    });
    s = run(s, {
      type: 'series.update',
      seriesId: 'series01',
      plan: { ...octoberSundays, startTime: '15:00' },
    });
    expect(s.series.series01?.sequences).toEqual({
      '2027-10-03': 2,
      '2027-10-10': 2,
      '2027-10-17': 1,
      '2027-10-24': 2,
      '2027-10-31': 2,
    });
  });

  it('CI8: a title change is no change of time: no SEQUENCE moves', () => {
    const s = run(withSeries(), {
      type: 'series.update',
      seriesId: 'series01',
      title: 'Summit planning 2028',
    });
    expect(s.series.series01).toMatchObject({ title: 'Summit planning 2028', sequences: {}, revision: 0 });
  });
});

describe('CI9 a new plan keeps the exceptions of dates it still has', () => {
  it('CI9: exceptions of dates that stay are kept, of dates that go are dropped', () => {
    let s = withSeries();
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-10',
      exception: { kind: 'cancel' },
    });
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-31',
      exception: { kind: 'skip' },
    });
    s = run(s, {
      type: 'series.update',
      seriesId: 'series01',
      plan: {
        ...octoberSundays,
        repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2027-10-24' },
      },
    });
    expect(s.series.series01?.exceptions).toEqual({ '2027-10-10': { kind: 'cancel' } });
    expect(Object.keys(s.series.series01?.sequences ?? {})).not.toContain('2027-10-31');
  });

  it('CI9: a kept move that the new plan would overlap is refused (conflict)', () => {
    let s = withSeries();
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-17',
      exception: { kind: 'move', date: '2027-10-16', time: '14:00' },
    });
    // Saturdays too: the 16th at 14:00 is now a planned meeting as well.
    const d = decideCircle(
      s,
      {
        type: 'series.update',
        seriesId: 'series01',
        plan: {
          ...octoberSundays,
          repeat: { kind: 'weekly', weekdays: [6, 7], interval: 1, until: '2027-10-31' },
        },
      },
      { memberId: 'host01' },
      T0,
    );
    expect(d.ok ? null : d.error.code).toBe('conflict');
  });

  it('CI10: the same plan again records nothing', () => {
    const s = withSeries();
    expect(
      decideCircle(
        s,
        { type: 'series.update', seriesId: 'series01', plan: { ...octoberSundays } },
        { memberId: 'host01' },
        T0,
      ),
    ).toEqual({ ok: true, events: [] });
  });
});

describe('CI10/CI11 members', () => {
  it('CI11: the server assigns member and series ids, replacing what a client sent', () => {
    const c = assignCircleIds(
      { type: 'member.invite', name: 'Bo', role: 'member', memberId: 'chosenbyme' },
      { member: () => 'fresh0001', series: () => 'never', board: () => 'never' },
    );
    expect(c).toMatchObject({ memberId: 'fresh0001' });
  });

  it('CI11: unknown members are not_found; renaming to the same name records nothing', () => {
    const s = withSeries();
    expect(refusal(s, { type: 'member.remove', memberId: 'nobody01' })).toBe('not_found');
    expect(refusal(s, { type: 'member.rename', memberId: 'nobody01', name: 'x' })).toBe('not_found');
    expect(refusal(s, { type: 'member.newLink', memberId: 'nobody01' })).toBe('not_found');
    expect(
      decideCircle(
        s,
        { type: 'member.rename', memberId: 'member01', name: 'Ada' },
        { memberId: 'host01' },
        T0,
      ),
    ).toEqual({
      ok: true,
      events: [],
    });
  });

  it('CI10: an update that changes nothing records nothing', () => {
    expect(
      decideCircle(
        withSeries(),
        { type: 'circle.update', title: 'Summit core group' },
        { memberId: 'host01' },
        T0,
      ),
    ).toEqual({ ok: true, events: [] });
  });
});

describe('CI12 expiry', () => {
  it('CI12: retentionDays after the last meeting that is not cancelled, or after the last change', () => {
    const fresh = created();
    expect(circleExpiresAt(fresh, T0)).toBe(T0 + 90 * DAY);
    let s = withSeries();
    const lastEnd = Date.UTC(2027, 9, 31, 15);
    expect(circleExpiresAt(s, T0)).toBe(lastEnd + 90 * DAY);
    s = run(s, {
      type: 'series.setException',
      seriesId: 'series01',
      key: '2027-10-31',
      exception: { kind: 'cancel' },
    });
    expect(circleExpiresAt(s, T0)).toBe(Date.UTC(2027, 9, 24, 14) + 90 * DAY);
    // A change after the last meeting counts from the change.
    expect(circleExpiresAt(s, Date.UTC(2028, 0, 1))).toBe(Date.UTC(2028, 0, 1) + 90 * DAY);
  });
});

describe('CI13/CI14 links and views', () => {
  it('CI13: a link works at its member’s epoch only, and not after removal', () => {
    let s = withSeries();
    expect(circleLinkValid(s, 'member01', 0)).toBe(true);
    s = run(s, { type: 'member.newLink', memberId: 'member01' });
    expect(circleLinkValid(s, 'member01', 0)).toBe(false);
    expect(circleLinkValid(s, 'member01', 1)).toBe(true);
    s = run(s, { type: 'member.remove', memberId: 'member01' });
    expect(circleLinkValid(s, 'member01', 1)).toBe(false);
  });

  it('CI14: hosts see everyone with join dates; a member sees the hosts and themselves', () => {
    let s = withSeries();
    s = run(s, { type: 'member.invite', name: 'Bo', role: 'member' });
    expect(membersSeenBy(s, 'host01').map((m) => [m.name, m.role, m.joinedAt !== undefined])).toEqual([
      ['Hanna', 'host', true],
      ['Ada', 'member', true],
      ['Bo', 'member', true],
    ]);
    expect(membersSeenBy(s, 'member01')).toEqual([
      { id: 'host01', name: 'Hanna', role: 'host' },
      { id: 'member01', name: 'Ada', role: 'member' },
    ]);
  });
});

describe('CI26/CI27 lasting boards', () => {
  it('CI26: hosts add lasting boards with server ids, in order; `columns` needs its columns; the wire bounds titles', () => {
    let s = withSeries();
    const actions = { title: 'Actions', templateId: 'columns' as const, columns: ['To do', 'Done'] };
    expect(refusal(s, { type: 'circleBoard.add', ...actions, columns: undefined, boardId: 'x1' })).toBe(
      'bad_request',
    );
    s = run(s, { type: 'circleBoard.add', ...actions, boardId: 'chosenbyme' });
    s = run(s, { type: 'circleBoard.add', title: 'Decisions', templateId: 'blank' });
    expect(Object.values(s.boards).map((b) => [b.id, b.title, b.templateId])).toEqual([
      ['board01', 'Actions', 'columns'],
      ['board02', 'Decisions', 'blank'],
    ]);
    expect(
      CircleCommand.safeParse({
        type: 'circleBoard.add',
        title: 'x'.repeat(LIMITS.titleMax + 1),
        templateId: 'blank',
      }).success,
    ).toBe(false);
    expect(CircleCommand.safeParse({ type: 'circleBoard.add', title: 'A', templateId: 'nope' }).success).toBe(
      false,
    );
  });

  it('CI26: members cannot add or remove lasting boards (forbidden); an id the server did not assign is refused', () => {
    let s = withSeries();
    expect(refusal(s, { type: 'circleBoard.add', title: 'Mine', templateId: 'blank' }, 'member01')).toBe(
      'forbidden',
    );
    expect(refusal(s, { type: 'circleBoard.add', title: 'No id', templateId: 'blank' })).toBe('bad_request');
    s = run(s, { type: 'circleBoard.add', title: 'Actions', templateId: 'blank' });
    expect(refusal(s, { type: 'circleBoard.remove', boardId: 'board01' }, 'member01')).toBe('forbidden');
  });

  it(`CI26: at most ${CIRCLE_LIMITS.boardsMax} lasting boards (too_large)`, () => {
    let s = withSeries();
    for (let i = 0; i < CIRCLE_LIMITS.boardsMax; i++) {
      s = run(s, { type: 'circleBoard.add', title: `Board ${i}`, templateId: 'blank' });
    }
    const over = {
      type: 'circleBoard.add' as const,
      title: 'One more',
      templateId: 'blank' as const,
      boardId: 'x1',
    };
    expect(refusal(s, over)).toBe('too_large');
  });

  it('CI27: a host removes a lasting board; an unknown one is not_found', () => {
    let s = withSeries();
    s = run(s, { type: 'circleBoard.add', title: 'Actions', templateId: 'blank' });
    s = run(s, { type: 'circleBoard.remove', boardId: 'board01' });
    expect(s.boards).toEqual({});
    expect(refusal(s, { type: 'circleBoard.remove', boardId: 'board01' })).toBe('not_found');
  });
});

describe('CI28 kept harvests', () => {
  /** The core group with the first Sunday's meeting opened as session1. */
  function opened(): CircleState {
    const s = withSeries();
    const meeting = {
      type: 'meeting.open' as const,
      seriesId: 'series01',
      key: '2027-10-03',
      sessionId: 'session1',
      joinCode: 'ABCDEF',
      hostParticipantId: 'host01',
    };
    const d = decideCircle(s, meeting, { memberId: 'host01' }, T0 + 1000);
    if (!d.ok) throw new Error(d.error.message);
    return replayCircle(withCircleVersions(s.version, d.events), s);
  }
  const first = { seriesId: 'series01', key: '2027-10-03' };
  const none = { count: 0, again: false };

  it("CI28: a host keeps an opened meeting's harvest: the answer names its session", () => {
    expect(mayKeepHarvest(opened(), 'host01', first, none)).toEqual({ ok: true, sessionId: 'session1' });
  });

  it('CI28: members may not (forbidden), strangers are unauthorized, a meeting without a session is not_found', () => {
    const s = opened();
    const code = (v: ReturnType<typeof mayKeepHarvest>) => (v.ok ? null : v.error.code);
    expect(code(mayKeepHarvest(s, 'member01', first, none))).toBe('forbidden');
    expect(code(mayKeepHarvest(s, 'stranger1', first, none))).toBe('unauthorized');
    expect(code(mayKeepHarvest(s, 'host01', { seriesId: 'series01', key: '2027-10-10' }, none))).toBe(
      'not_found',
    );
    expect(mayDeleteHarvest(s, 'host01')).toBe(true);
    expect(mayDeleteHarvest(s, 'member01')).toBe(false);
  });

  it(`CI28: at most ${CIRCLE_LIMITS.harvestsMax} per circle (too_large), but keeping one again replaces it`, () => {
    const s = opened();
    const full = { count: CIRCLE_LIMITS.harvestsMax, again: false };
    const v = mayKeepHarvest(s, 'host01', first, full);
    expect(v.ok ? null : v.error.code).toBe('too_large');
    expect(mayKeepHarvest(s, 'host01', first, { ...full, again: true }).ok).toBe(true);
  });
});
