import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_LOCALES,
  BOARD_STRINGS,
  BOARD_TEMPLATES,
  BoardInputError,
  TEMPLATE_IDS,
  addNote,
  applyTemplate,
  boardText,
  listTemplates,
  readBoard,
  type StringKey,
} from '../index';
import { en } from '../i18n/en';
import { exchange } from '../testing/sync';

const columnsOf = (doc: Y.Doc) =>
  readBoard(doc).columns.map((c) => ({ id: c.id, title: c.title, prompt: c.prompt }));

describe('BOARD_TEMPLATES', () => {
  it('lists the required templates in picker order', () => {
    expect(BOARD_TEMPLATES.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(TEMPLATE_IDS).toEqual([
      'blank',
      'columns',
      'ips-four-tasks',
      'check-in',
      'low-threshold-self-assessment',
      'summit-planning',
      'intervision-incident',
    ]);
  });

  it('refers only to strings that exist in English, and has column titles in Dutch and French too', () => {
    for (const t of BOARD_TEMPLATES) {
      const keys: StringKey[] = [
        t.title,
        t.description,
        ...t.columns.flatMap((c) => [c.title, c.prompt ?? c.title]),
      ];
      for (const key of keys) expect(en, key).toHaveProperty([key]);
      for (const locale of BOARD_LOCALES) {
        for (const key of [t.title, ...t.columns.map((c) => c.title)]) {
          expect(BOARD_STRINGS[locale][key], `${locale} ${key}`).toBeTruthy();
        }
      }
    }
  });

  it('has no translation key that English lacks', () => {
    for (const locale of BOARD_LOCALES) {
      for (const key of Object.keys(BOARD_STRINGS[locale]))
        expect(en, `${locale} ${key}`).toHaveProperty([key]);
    }
  });

  it('localizes for a picker, falling back to English for a missing string', () => {
    const nl = listTemplates('nl').find((t) => t.id === 'ips-four-tasks');
    expect(nl?.columns.map((c) => c.title)).toEqual([
      'Verbinding',
      'Wereldbeeld',
      'Wederkerigheid',
      'Bewegen naar',
    ]);
    expect(boardText('export.vote.other', 'nl', { n: 3 })).toBe('3 stemmen');
    const original = BOARD_STRINGS.fr['template.check-in.arrive.prompt'];
    try {
      delete (BOARD_STRINGS.fr as Record<string, string>)['template.check-in.arrive.prompt'];
      expect(boardText('template.check-in.arrive.prompt', 'fr')).toBe('One word for how you arrive.');
    } finally {
      (BOARD_STRINGS.fr as Record<string, string>)['template.check-in.arrive.prompt'] = original as string;
    }
  });
});

describe('applyTemplate', () => {
  it('blank: no columns, one implicit Notes column', () => {
    const doc = new Y.Doc();
    expect(applyTemplate(doc, 'blank')).toEqual([]);
    const board = readBoard(doc);
    expect(board.meta).toEqual({ templateId: 'blank', title: 'Blank board', anonymous: false, locale: 'en' });
    expect(board.columns).toEqual([
      { id: '_notes', title: 'Notes', implicit: true, clusters: [], notes: [] },
    ]);
  });

  it('columns: the titles the facilitator gives, validated before anything is written', () => {
    const doc = new Y.Doc();
    expect(() => applyTemplate(doc, 'columns')).toThrow(expect.objectContaining({ reason: 'no_columns' }));
    expect(() => applyTemplate(doc, 'columns', { columnTitles: ['Fine', ' '] })).toThrow(BoardInputError);
    expect(doc.getMap('columns').size + doc.getMap('meta').size).toBe(0);
    expect(
      applyTemplate(doc, 'columns', { columnTitles: ['Went well', 'To change'], title: 'Retro' }),
    ).toEqual(['col-1', 'col-2']);
    expect(columnsOf(doc)).toEqual([
      { id: 'col-1', title: 'Went well', prompt: undefined },
      { id: 'col-2', title: 'To change', prompt: undefined },
    ]);
    expect(readBoard(doc).meta.title).toBe('Retro');
  });

  it('ips-four-tasks: connection, worldview, mutuality, moving towards, each with a prompt', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'ips-four-tasks');
    const columns = columnsOf(doc);
    expect(columns.map((c) => c.title)).toEqual(['Connection', 'Worldview', 'Mutuality', 'Moving towards']);
    expect(columns.every((c) => (c.prompt ?? '').endsWith('?'))).toBe(true);
  });

  it('check-in: one column asking for one word', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'check-in');
    expect(columnsOf(doc)).toEqual([
      { id: 'arrive', title: 'How I arrive', prompt: 'One word for how you arrive.' },
    ]);
  });

  it('low-threshold-self-assessment: the ten characteristics, one column each, in Dutch as written', () => {
    const template = BOARD_TEMPLATES.find((t) => t.id === 'low-threshold-self-assessment');
    expect(template?.selfAssessment).toBe(true);
    const doc = new Y.Doc();
    applyTemplate(doc, 'low-threshold-self-assessment', { locale: 'nl' });
    const columns = columnsOf(doc);
    expect(columns).toHaveLength(10);
    expect(columns[4]?.prompt).toBe('Wij zien elkaar als mens, niet als cliënt of hulpverlener.');
    expect(columns[8]?.prompt).toBe(
      'In het initiatief zijn ervaringsdeskundigen en/of ervaringswerkers in de lead.',
    );
    expect(readBoard(doc).meta).toMatchObject({
      locale: 'nl',
      title: 'Tien kenmerken van laagdrempelige steunpunten',
    });
  });

  it('summit-planning and intervision-incident: their columns in order', () => {
    const summit = new Y.Doc();
    applyTemplate(summit, 'summit-planning', { locale: 'fr' });
    expect(columnsOf(summit).map((c) => c.title)).toEqual([
      'Idées',
      'Décisions',
      'Actions',
      'Questions ouvertes',
    ]);
    const intervision = new Y.Doc();
    applyTemplate(intervision, 'intervision-incident');
    expect(columnsOf(intervision).map((c) => c.id)).toEqual([
      'case',
      'questions',
      'reflections',
      'advice',
      'closing',
    ]);
  });

  it('records anonymity in meta and refuses unknown templates and boards with content', () => {
    const doc = new Y.Doc();
    expect(() => applyTemplate(doc, 'kanban')).toThrow(
      expect.objectContaining({ reason: 'unknown_template' }),
    );
    applyTemplate(doc, 'check-in', { anonymous: true });
    expect(readBoard(doc).meta.anonymous).toBe(true);
    expect(() => applyTemplate(doc, 'blank')).toThrow(expect.objectContaining({ reason: 'not_empty' }));
    const withNote = new Y.Doc();
    addNote(withNote, { text: 'x', color: 'yellow' });
    expect(() => applyTemplate(withNote, 'blank')).toThrow(expect.objectContaining({ reason: 'not_empty' }));
  });

  it('every template applies in every language', () => {
    for (const id of TEMPLATE_IDS) {
      for (const locale of BOARD_LOCALES) {
        const doc = new Y.Doc();
        applyTemplate(doc, id, { locale, columnTitles: ['One'] });
        expect(readBoard(doc).columns.length).toBeGreaterThan(0);
      }
    }
  });

  it('two peers applying the same template while apart end up with one set of columns', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    applyTemplate(a, 'summit-planning');
    applyTemplate(b, 'summit-planning');
    exchange(a, b);
    expect(readBoard(a)).toEqual(readBoard(b));
    expect(readBoard(a).columns.map((c) => c.id)).toEqual([
      'ideas',
      'decisions',
      'actions',
      'open-questions',
    ]);
  });
});
