import { TEMPLATE_IDS } from '@kring/protocol';
import { type BoardLocale, type StringKey, boardText } from '../i18n';

/**
 * Board templates as data. Every user-facing string is a key into the i18n tables
 * (`src/i18n/en.ts` and its translations); column keys double as stable column ids, so two
 * peers applying the same template converge on the same columns.
 */
// The ids are part of the wire protocol (`board.add` names one), so they are defined there.
export { TEMPLATE_IDS };
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface TemplateColumn {
  /** Stable id of the column in the document. */
  key: string;
  title: StringKey;
  /** A seed prompt shown under the column title. */
  prompt?: StringKey;
}

export interface BoardTemplate {
  id: TemplateId;
  title: StringKey;
  description: StringKey;
  columns: readonly TemplateColumn[];
  /** The facilitator names the columns (`columnTitles` in `applyTemplate`). */
  customColumns: boolean;
  /** People place notes on each item to assess themselves against it. */
  selfAssessment: boolean;
}

/** Columns whose title and prompt keys follow `template.<id>.<key>.title|prompt`. */
function columns<Id extends TemplateId>(id: Id, keys: readonly string[]): TemplateColumn[] {
  return keys.map((key) => ({
    key,
    title: `template.${id}.${key}.title` as StringKey,
    prompt: `template.${id}.${key}.prompt` as StringKey,
  }));
}

function template(
  id: TemplateId,
  columnKeys: readonly string[],
  flags: { customColumns?: boolean; selfAssessment?: boolean } = {},
): BoardTemplate {
  return {
    id,
    title: `template.${id}.title` as StringKey,
    description: `template.${id}.description` as StringKey,
    columns: columns(id, columnKeys),
    customColumns: flags.customColumns ?? false,
    selfAssessment: flags.selfAssessment ?? false,
  };
}

export const BOARD_TEMPLATES: readonly BoardTemplate[] = [
  template('blank', []),
  template('columns', [], { customColumns: true }),
  template('ips-four-tasks', ['connection', 'worldview', 'mutuality', 'moving-towards']),
  template('check-in', ['arrive']),
  template(
    'low-threshold-self-assessment',
    [
      'accessible',
      'learning',
      'co-creation',
      'needs',
      'people',
      'mutuality',
      'what-suits-you',
      'experiential-knowledge',
      'peer-led',
      'partners',
    ],
    { selfAssessment: true },
  ),
  template('summit-planning', ['ideas', 'decisions', 'actions', 'open-questions']),
  // The incident method's rounds, as our users run intervision (PRODUCT.md, "Other formats").
  template('intervision-incident', ['case', 'questions', 'reflections', 'advice', 'closing']),
];

export function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

export function findTemplate(id: string): BoardTemplate | undefined {
  return BOARD_TEMPLATES.find((t) => t.id === id);
}

/** A template with its text in one language, ready for a template picker. */
export interface LocalizedTemplate {
  id: TemplateId;
  title: string;
  description: string;
  customColumns: boolean;
  selfAssessment: boolean;
  columns: { key: string; title: string; prompt?: string }[];
}

export function localizeTemplate(template: BoardTemplate, locale?: BoardLocale): LocalizedTemplate {
  return {
    id: template.id,
    title: boardText(template.title, locale),
    description: boardText(template.description, locale),
    customColumns: template.customColumns,
    selfAssessment: template.selfAssessment,
    columns: template.columns.map((c) => ({
      key: c.key,
      title: boardText(c.title, locale),
      ...(c.prompt === undefined ? {} : { prompt: boardText(c.prompt, locale) }),
    })),
  };
}

/** All templates, in picker order, in one language. */
export function listTemplates(locale?: BoardLocale): LocalizedTemplate[] {
  return BOARD_TEMPLATES.map((t) => localizeTemplate(t, locale));
}
