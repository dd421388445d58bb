import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import {
  addBoardCommand,
  boardTemplateOptions,
  formatMinutes,
  openVoteCommand,
  parseColumnTitles,
  sessionTemplateOptions,
} from './templates';

describe('template pickers', () => {
  it('offers the blank session first, then every session template with a summary', () => {
    const options = sessionTemplateOptions();
    expect(options[0]?.id).toBe('blank');
    const ips = options.find((o) => o.id === 'ips-overview');
    expect(ips?.summary).toMatch(/^10 parts · 3 h · boards: Check-in, The four IPS tasks/);
    expect(options.map((o) => o.id)).toContain('intervision');
  });

  it('lists every board template with a description', () => {
    const options = boardTemplateOptions();
    expect(options.map((o) => o.id)).toEqual([
      'blank',
      'columns',
      'ips-four-tasks',
      'check-in',
      'low-threshold-self-assessment',
      'summit-planning',
      'intervision-incident',
    ]);
    for (const o of options) expect(o.description.length).toBeGreaterThan(0);
    expect(options.find((o) => o.id === 'columns')?.customColumns).toBe(true);
  });

  it('formats minutes', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(180)).toBe('3 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
  });
});

describe('add-board form', () => {
  const base = {
    title: ' Check-in ',
    templateId: 'check-in' as const,
    anonymous: false,
    columnsText: '',
    customColumns: false,
  };

  it('parses column titles one per line', () => {
    expect(parseColumnTitles(' Went well \n\n  To try\r\nQuestions ')).toEqual([
      'Went well',
      'To try',
      'Questions',
    ]);
  });

  it('builds board.add, anonymous only when asked', () => {
    expect(addBoardCommand(base)).toEqual({
      ok: true,
      value: { type: 'board.add', title: 'Check-in', templateId: 'check-in' },
    });
    expect(addBoardCommand({ ...base, anonymous: true })).toMatchObject({
      ok: true,
      value: { anonymous: true },
    });
  });

  it('takes columns only for the columns template, and needs one there', () => {
    // Another template ignores what is in the (hidden) columns box.
    expect(addBoardCommand({ ...base, columnsText: 'A\nB' })).toEqual(addBoardCommand(base));
    const columns = { ...base, templateId: 'columns' as const, customColumns: true };
    expect(addBoardCommand({ ...columns, columnsText: ' ' })).toEqual({
      ok: false,
      error: 'Name at least one column, one per line.',
    });
    expect(addBoardCommand({ ...columns, columnsText: 'Went well\nTo try' })).toMatchObject({
      ok: true,
      value: { columns: ['Went well', 'To try'] },
    });
    expect(addBoardCommand({ ...columns, columnsText: Array(30).fill('x').join('\n') }).ok).toBe(false);
  });

  it('needs a title', () => {
    expect(addBoardCommand({ ...base, title: '  ' })).toEqual({
      ok: false,
      error: 'Give the board a title.',
    });
  });
});

describe('open-vote form (VO1)', () => {
  it('accepts a budget 1–100 and a cap 1–budget', () => {
    expect(openVoteCommand({ boardId: 'b1', budget: 5, capPerNote: 2, hidden: true })).toEqual({
      ok: true,
      value: { type: 'vote.open', boardId: 'b1', budget: 5, capPerNote: 2, hidden: true },
    });
    expect(openVoteCommand({ boardId: 'b1', budget: 0, capPerNote: 1, hidden: false }).ok).toBe(false);
    expect(openVoteCommand({ boardId: 'b1', budget: 101, capPerNote: 1, hidden: false }).ok).toBe(false);
    expect(openVoteCommand({ boardId: 'b1', budget: 3, capPerNote: 4, hidden: false }).ok).toBe(false);
    expect(openVoteCommand({ boardId: 'b1', budget: 2.5, capPerNote: 1, hidden: false }).ok).toBe(false);
  });
});

describe('pickers and form checks in Dutch and French', () => {
  const english = getLocale;
  afterEach(() => overwriteGetLocale(english));
  const base = {
    title: 'x',
    templateId: 'check-in' as const,
    anonymous: false,
    columnsText: '',
    customColumns: false,
  };

  it('names the templates and says what to fix in the page language', () => {
    overwriteGetLocale(() => 'nl');
    const ips = sessionTemplateOptions().find((o) => o.id === 'ips-overview');
    expect(ips?.title).toBe('IPS-overzicht (drie uur)');
    expect(ips?.summary).toMatch(/^10 delen · 3 u · borden: Check-in, De vier IPS-taken/);
    expect(boardTemplateOptions().find((o) => o.id === 'blank')?.title).toBe('Leeg bord');
    expect(addBoardCommand({ ...base, title: ' ' })).toEqual({ ok: false, error: 'Geef het bord een naam.' });

    overwriteGetLocale(() => 'fr');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(openVoteCommand({ boardId: 'b1', budget: 0, capPerNote: 1, hidden: false })).toEqual({
      ok: false,
      error: 'Votes par personne\u00a0: un nombre entier de 1 à 100.',
    });
  });
});
