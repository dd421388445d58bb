import { describe, expect, it } from 'vitest';
import { csvFileName, formProblems, placesOf, registerBody, takesRegistrations } from './registration';

/** Registration for a meeting on the web (issue 16, CI20–CI21): the parts without a page. */

const HOUR = 3_600_000;
const START = Date.UTC(2027, 9, 3, 12);
const meeting = { start: START, end: START + 2 * HOUR, status: 'scheduled' as const };
const open = { open: true, cap: 1, askEmail: true };

describe('takesRegistrations (CI21: open, not cancelled, not ended)', () => {
  it('shows the form for a meeting to come, and while it runs', () => {
    expect(takesRegistrations(open, meeting, START - 48 * HOUR)).toBe(true);
    expect(takesRegistrations(open, meeting, START + HOUR)).toBe(true);
  });
  it('not when closed, unset, cancelled or over', () => {
    expect(takesRegistrations({ ...open, open: false }, meeting, START - HOUR)).toBe(false);
    expect(takesRegistrations(undefined, meeting, START - HOUR)).toBe(false);
    expect(takesRegistrations(open, { ...meeting, status: 'cancelled' }, START - HOUR)).toBe(false);
    expect(takesRegistrations(open, meeting, START + 2 * HOUR)).toBe(false);
  });
});

describe('placesOf', () => {
  it('says the places left, full at 0, nothing without a cap', () => {
    expect(placesOf(open, 3)).toEqual({ kind: 'left', count: 3 });
    expect(placesOf(open, 0)).toEqual({ kind: 'full' });
    expect(placesOf({ ...open, cap: null }, undefined)).toEqual({ kind: 'unlimited' });
    // The server leaves placesLeft out once registration is closed: nothing to say then.
    expect(placesOf(open, undefined)).toEqual({ kind: 'unlimited' });
  });
});

describe('formProblems and registerBody', () => {
  const form = { name: '  Ada  ', email: '', consent: true };

  it('needs a name of at most 40 characters and consent; the e-mail address may be empty', () => {
    expect(formProblems(form, true)).toEqual({});
    expect(formProblems({ ...form, name: '  ' }, true)).toEqual({ name: 'name_missing' });
    expect(formProblems({ ...form, name: 'x'.repeat(41) }, true)).toEqual({ name: 'name_long' });
    expect(formProblems({ ...form, consent: false }, true)).toEqual({ consent: 'consent_missing' });
  });

  it('checks an e-mail address only when the series asks for one', () => {
    expect(formProblems({ ...form, email: 'not-an-address' }, true)).toEqual({ email: 'email_invalid' });
    expect(formProblems({ ...form, email: 'not-an-address' }, false)).toEqual({});
    expect(formProblems({ ...form, email: ' ada@example.org ' }, true)).toEqual({});
  });

  it('sends the trimmed name, the address only when asked and given, and consent', () => {
    expect(registerBody({ ...form, email: ' ada@example.org ' }, true)).toEqual({
      displayName: 'Ada',
      email: 'ada@example.org',
      consent: true,
    });
    expect(registerBody({ ...form, email: 'ada@example.org' }, false)).toEqual({
      displayName: 'Ada',
      consent: true,
    });
    expect(registerBody(form, true)).toEqual({ displayName: 'Ada', consent: true });
  });
});

describe('csvFileName', () => {
  it('names the series and the date, safe for any file system', () => {
    expect(csvFileName('IPS overview', '2027-10-03')).toBe('registrations-ips-overview-2027-10-03.csv');
    expect(csvFileName('Réunion / été: "plan"', '2027-10-03')).toBe(
      'registrations-reunion-ete-plan-2027-10-03.csv',
    );
    expect(csvFileName('…', '2027-10-03')).toBe('registrations-2027-10-03.csv');
  });
});
