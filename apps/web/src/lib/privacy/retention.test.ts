import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { personName } from '$lib/names';
import {
  choiceOf,
  dateInputValue,
  endOfDay,
  expiryOf,
  expiryWords,
  exportersWords,
  formatDay,
  retentionFromForm,
  retentionWords,
} from './retention';

const english = getLocale;
const DAY = 24 * 60 * 60 * 1000;

describe('retention in words', () => {
  afterEach(() => overwriteGetLocale(english));

  it('says how long the words are kept', () => {
    expect(retentionWords({ kind: 'days', days: 30 })).toBe('Kept until 30 days after the session ends.');
    expect(retentionWords({ kind: 'days', days: 1 })).toBe('Kept until one day after the session ends.');
    expect(retentionWords({ kind: 'onEnd' })).toBe('Deleted when the facilitator ends the session.');
    const at = endOfDay('2027-06-30') ?? 0;
    expect(retentionWords({ kind: 'until', at })).toBe('Kept until 30 June 2027.');
  });

  it('writes the date in the reader’s language', () => {
    const at = endOfDay('2027-06-30') ?? 0;
    expect(formatDay(at, 'nl')).toBe('30 juni 2027');
    expect(formatDay(at, 'fr')).toBe('30 juin 2027');
    overwriteGetLocale(() => 'nl');
    expect(retentionWords({ kind: 'until', at })).toBe('Bewaard tot 30 juni 2027.');
    overwriteGetLocale(() => 'fr');
    expect(retentionWords({ kind: 'days', days: 30 })).toBe(
      'Conservé jusqu’à 30 jours après la fin de la session.',
    );
  });

  it('knows the deletion date once the session has ended, or on the chosen date', () => {
    const ended = Date.UTC(2027, 0, 10, 12);
    expect(expiryOf({ kind: 'days', days: 30 }, null)).toBeNull();
    expect(expiryOf({ kind: 'days', days: 30 }, ended)).toBe(ended + 30 * DAY);
    expect(expiryOf({ kind: 'onEnd' }, null)).toBeNull();
    expect(expiryOf({ kind: 'onEnd' }, ended)).toBe(ended);
    expect(expiryOf({ kind: 'until', at: 5 }, ended)).toBe(5);
    expect(expiryWords({ kind: 'days', days: 30 }, null)).toEqual([]);
    expect(expiryWords({ kind: 'days', days: 30 }, ended, 'en')).toEqual([
      'The session ended on 10 January 2027.',
      'Everything in this session will be deleted on 9 February 2027.',
    ]);
    expect(expiryWords({ kind: 'onEnd' }, ended, 'en')[1]).toBe(
      'The session has ended. Everything in it is being deleted.',
    );
  });

  it('says who may export', () => {
    expect(exportersWords('everyone')).toMatch(/Everyone/);
    expect(exportersWords('facilitators')).toMatch(/Only the facilitators/);
  });
});

describe('the facilitator’s retention form', () => {
  it('turns a chosen date into the last moment of that day in the person’s time zone', () => {
    const at = endOfDay('2027-06-30');
    expect(at).not.toBeNull();
    const d = new Date(at ?? 0);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2027, 5, 30, 23, 59,
    ]);
    expect(new Date((at ?? 0) + 1).getDate()).toBe(1);
    expect(dateInputValue(at ?? 0)).toBe('2027-06-30');
  });

  it('refuses dates that are not dates', () => {
    expect(endOfDay('')).toBeNull();
    expect(endOfDay('2027-02-30')).toBeNull();
    expect(endOfDay('30/06/2027')).toBeNull();
  });

  it('builds the command’s retention, or says what is wrong', () => {
    const now = new Date(2027, 0, 1, 10).getTime();
    expect(retentionFromForm('default', null, '', now)).toEqual({
      ok: true,
      retention: { kind: 'days', days: 30 },
    });
    expect(retentionFromForm('days', 365, '', now)).toEqual({
      ok: true,
      retention: { kind: 'days', days: 365 },
    });
    expect(retentionFromForm('days', 0, '', now)).toEqual({ ok: false, problem: 'days' });
    expect(retentionFromForm('days', 2.5, '', now)).toEqual({ ok: false, problem: 'days' });
    expect(retentionFromForm('days', null, '', now)).toEqual({ ok: false, problem: 'days' });
    expect(retentionFromForm('onEnd', null, '', now)).toEqual({ ok: true, retention: { kind: 'onEnd' } });
    expect(retentionFromForm('until', null, '2027-06-30', now)).toEqual({
      ok: true,
      retention: { kind: 'until', at: endOfDay('2027-06-30') },
    });
    // Today still counts (its end is to come); yesterday does not.
    expect(retentionFromForm('until', null, '2027-01-01', now).ok).toBe(true);
    expect(retentionFromForm('until', null, '2026-12-31', now)).toEqual({ ok: false, problem: 'date' });
    expect(retentionFromForm('until', null, '', now)).toEqual({ ok: false, problem: 'date' });
  });

  it('shows a retention on its radio', () => {
    expect(choiceOf({ kind: 'days', days: 30 })).toBe('default');
    expect(choiceOf({ kind: 'days', days: 7 })).toBe('days');
    expect(choiceOf({ kind: 'onEnd' })).toBe('onEnd');
    expect(choiceOf({ kind: 'until', at: 1 })).toBe('until');
  });
});

describe('names of people who may have left', () => {
  it('shows a neutral label for an erased or missing name', () => {
    expect(personName({ displayName: 'Ana' })).toBe('Ana');
    expect(personName({ displayName: '' })).toBe('Someone who left');
    expect(personName(undefined)).toBe('Someone who left');
  });
});
