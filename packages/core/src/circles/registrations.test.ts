import { CIRCLE_LIMITS, type CircleCommand, type CircleState, type SeriesPlan } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { JOIN_OPENS_BEFORE_MS } from '../series/occurrences';
import { assignCircleIds, createCircle } from './create';
import { decideCircle } from './decide';
import { replayCircle } from './evolve';
import { type RegistrationCommand, type RegistrationRow, promotionsOf } from './registrations';
import { withCircleVersions } from './state';

const T0 = Date.UTC(2027, 8, 1);
/** Sunday 3 October 2027, 14:00–16:00 in Amsterdam (12:00Z). */
const START = Date.UTC(2027, 9, 3, 12);
const END = START + 120 * 60_000;
const KEY = '2027-10-03';
const DAY = 24 * 60 * 60 * 1000;

const plan: SeriesPlan = {
  timeZone: 'Europe/Amsterdam',
  startDate: '2027-10-01',
  startTime: '14:00',
  durationMinutes: 120,
  repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2027-10-31' },
};
const host = { memberId: 'host01' };
const settings = {
  open: true,
  cap: 2,
  consentText: 'We keep your name until two weeks after.',
  askEmail: true,
};

function apply(state: CircleState, command: CircleCommand, actor: { memberId: string }, now = T0 + 10) {
  const withIds = assignCircleIds(command, {
    member: () => 'member01',
    series: () => 'series01',
    board: () => 'board01',
  });
  const d = decideCircle(state, withIds, actor, now);
  if (!d.ok) throw new Error(`${d.error.code}: ${d.error.message}`);
  return replayCircle(withCircleVersions(state.version, d.events), state);
}

function circle(registration = true): CircleState {
  const made = createCircle({
    circleId: 'circle1',
    code: 'ABCDEFGH',
    title: 'IPS overview',
    timeZone: 'Europe/Amsterdam',
    hostId: 'host01',
    hostName: 'Hanna',
    now: T0,
  });
  if (!made.ok) throw new Error(made.error.message);
  let s = replayCircle(withCircleVersions(0, made.events));
  s = apply(s, { type: 'member.invite', name: 'Ada', role: 'member' }, host, T0 + 1);
  s = apply(s, { type: 'series.add', title: 'Overview', plan, visibility: 'public' }, host, T0 + 2);
  if (registration) {
    s = apply(s, { type: 'series.setRegistration', seriesId: 'series01', registration: settings }, host);
  }
  return s;
}

const decide = (s: CircleState, command: RegistrationCommand, now = T0 + 100) =>
  decideCircle(s, command, { visitor: true }, now);
const add = (
  list: RegistrationRow[],
  extra: Partial<RegistrationCommand & { type: 'registration.add' }> = {},
) =>
  ({
    type: 'registration.add',
    seriesId: 'series01',
    key: KEY,
    consent: true,
    emailGiven: true,
    list,
    ...extra,
  }) as const;

describe('registration settings (CI20)', () => {
  it('hosts set them per series, recorded as an event; the same again records nothing', () => {
    const s = circle();
    expect(s.series.series01?.registration).toEqual(settings);
    const again = decideCircle(
      s,
      { type: 'series.setRegistration', seriesId: 'series01', registration: settings },
      host,
      T0 + 20,
    );
    expect(again).toEqual({ ok: true, events: [] });
    const off = apply(s, { type: 'series.setRegistration', seriesId: 'series01', registration: null }, host);
    expect(off.series.series01?.registration).toBeUndefined();
  });

  it('members may not set them (CI3), nor anyone for a series that does not exist', () => {
    const s = circle();
    const byMember = decideCircle(
      s,
      { type: 'series.setRegistration', seriesId: 'series01', registration: null },
      { memberId: 'member01' },
      T0 + 20,
    );
    expect(byMember.ok || byMember.error.code).toBe('forbidden');
    const none = decideCircle(
      s,
      { type: 'series.setRegistration', seriesId: 'nosuch', registration: null },
      host,
      T0 + 20,
    );
    expect(none.ok || none.error.code).toBe('not_found');
  });
});

describe('registering (CI21)', () => {
  it('gives a place within the cap, then the waiting list in order', () => {
    const s = circle();
    expect(decide(s, add([]))).toMatchObject({
      ok: true,
      registration: { status: 'registered', keepEmail: true },
    });
    const two: RegistrationRow[] = [
      { id: 'a', status: 'registered' },
      { id: 'b', status: 'registered' },
    ];
    expect(decide(s, add(two))).toMatchObject({ registration: { status: 'waiting' } });
  });

  it('puts nobody ahead of someone already waiting, even with a place free', () => {
    const list: RegistrationRow[] = [
      { id: 'a', status: 'registered' },
      { id: 'w', status: 'waiting' },
    ];
    expect(decide(circle(), add(list))).toMatchObject({ registration: { status: 'waiting' } });
  });

  it('refuses without consent, when closed or off, for cancelled, ended or unknown meetings', () => {
    const s = circle();
    const code = (d: ReturnType<typeof decide>) => (d.ok ? 'ok' : d.error.code);
    expect(code(decide(s, add([], { consent: false })))).toBe('bad_request');
    expect(code(decide(circle(false), add([])))).toBe('conflict');
    const closed = apply(
      s,
      {
        type: 'series.setRegistration',
        seriesId: 'series01',
        registration: { ...settings, open: false },
      },
      host,
    );
    expect(code(decide(closed, add([])))).toBe('conflict');
    expect(code(decide(s, add([], { key: '2027-10-04' })))).toBe('not_found');
    expect(code(decide(s, add([]), END))).toBe('conflict');
    const cancelled = apply(
      s,
      {
        type: 'series.setException',
        seriesId: 'series01',
        key: KEY,
        exception: { kind: 'cancel' },
      },
      host,
    );
    expect(code(decide(cancelled, add([])))).toBe('conflict');
  });

  it('keeps an e-mail address only when the series asks for one', () => {
    const s = apply(
      circle(),
      {
        type: 'series.setRegistration',
        seriesId: 'series01',
        registration: { ...settings, askEmail: false },
      },
      host,
    );
    expect(decide(s, add([]))).toMatchObject({ registration: { keepEmail: false } });
  });

  it('refuses past registrationsMax (full)', () => {
    const s = apply(
      circle(),
      {
        type: 'series.setRegistration',
        seriesId: 'series01',
        registration: { ...settings, cap: null },
      },
      host,
    );
    const list = Array.from({ length: CIRCLE_LIMITS.registrationsMax }, (_, i) => ({
      id: `r${i}`,
      status: 'registered' as const,
    }));
    const d = decide(s, add(list));
    expect(d.ok || d.error.code).toBe('full');
  });
});

describe('moving up (CI22)', () => {
  it('moves the first waiting people up while places are free', () => {
    const list: RegistrationRow[] = [
      { id: 'a', status: 'registered' },
      { id: 'w1', status: 'waiting' },
      { id: 'w2', status: 'waiting' },
    ];
    expect(promotionsOf(list, 2)).toEqual(['w1']);
    expect(promotionsOf(list, 1)).toEqual([]);
    expect(promotionsOf(list, null)).toEqual(['w1', 'w2']);
    const d = decide(circle(), { type: 'registration.promote', seriesId: 'series01', key: KEY, list });
    expect(d).toMatchObject({ registration: { promote: ['w1'] } });
  });
});

describe('joining with a registration (CI23)', () => {
  const join = (status: 'registered' | 'waiting') =>
    ({ type: 'registration.join', seriesId: 'series01', key: KEY, status }) as const;
  it('lets a registered person in while the join is open, never someone waiting', () => {
    const s = circle();
    const code = (d: ReturnType<typeof decide>) => (d.ok ? 'ok' : d.error.code);
    expect(code(decide(s, join('registered'), START - JOIN_OPENS_BEFORE_MS - 1))).toBe('conflict');
    expect(code(decide(s, join('registered'), START - JOIN_OPENS_BEFORE_MS))).toBe('ok');
    expect(code(decide(s, join('waiting'), START))).toBe('forbidden');
    expect(code(decide(s, join('registered'), END))).toBe('conflict');
  });
});

describe('keeping registrations (CI25)', () => {
  it('deletes a meeting list registrationKeepDays after its end, or at once when its date is gone', () => {
    const s = circle();
    const meetings = [
      { seriesId: 'series01', key: KEY },
      { seriesId: 'series01', key: '2027-10-04' },
      { seriesId: 'gone', key: KEY },
    ];
    const at = END + CIRCLE_LIMITS.registrationKeepDays * DAY;
    expect(decide(s, { type: 'registration.expire', meetings }, at - 1)).toMatchObject({
      registration: { expired: ['series01:2027-10-04', `gone:${KEY}`] },
    });
    expect(decide(s, { type: 'registration.expire', meetings }, at)).toMatchObject({
      registration: { expired: [`series01:${KEY}`, 'series01:2027-10-04', `gone:${KEY}`] },
    });
  });
});
