import type * as Y from 'yjs';
import { addColumn } from '../columns';
import { clustersRoot, columnsRoot, notesRoot } from '../doc';
import { BoardInputError } from '../errors';
import { type BoardLocale, DEFAULT_LOCALE } from '../i18n';
import { BOARD_LIMITS } from '../limits';
import { setBoardMeta } from '../meta';
import { validateTitle } from '../text';
import { findTemplate, localizeTemplate } from './catalog';

export interface ApplyTemplateOptions {
  /** Language of the column titles and prompts written into the board. Defaults to English. */
  locale?: BoardLocale;
  /** Board title; defaults to the template's title. */
  title?: string;
  anonymous?: boolean;
  /** Column titles for the `columns` template (ignored by the others). */
  columnTitles?: readonly string[];
}

/**
 * Sets up an empty board from a template: meta plus columns with their prompts, in one
 * transaction. Titles and prompts are written as text in the chosen language, so the group can
 * rename them afterwards. Column ids are the template's column keys (`col-1`… for custom columns),
 * so two peers that apply the same template while apart converge on one set of columns.
 * Returns the column ids in order.
 */
export function applyTemplate(doc: Y.Doc, templateId: string, options: ApplyTemplateOptions = {}): string[] {
  const template = findTemplate(templateId);
  if (!template) throw new BoardInputError('unknown_template', `Unknown board template: ${templateId}`);
  if (columnsRoot(doc).size > 0 || clustersRoot(doc).size > 0 || notesRoot(doc).size > 0) {
    throw new BoardInputError('not_empty', 'A template can only be applied to an empty board.');
  }
  const locale = options.locale ?? DEFAULT_LOCALE;
  const text = localizeTemplate(template, locale);
  let columns: { id: string; title: string; prompt?: string }[] = text.columns.map(({ key, ...rest }) => ({
    id: key,
    ...rest,
  }));
  if (template.customColumns) {
    const titles = options.columnTitles ?? [];
    if (titles.length === 0) throw new BoardInputError('no_columns', 'Name at least one column.');
    if (titles.length > BOARD_LIMITS.columnsMax) {
      throw new BoardInputError(
        'too_many_columns',
        `A board can have at most ${BOARD_LIMITS.columnsMax} columns.`,
      );
    }
    columns = titles.map((title, i) => ({ id: `col-${i + 1}`, title }));
  }
  // Validate everything before writing: a transaction cannot be rolled back half-way.
  const title = validateTitle(options.title ?? text.title, BOARD_LIMITS.titleMax, 'board');
  for (const column of columns) column.title = validateTitle(column.title, BOARD_LIMITS.titleMax, 'column');
  const ids: string[] = [];
  doc.transact(() => {
    setBoardMeta(doc, {
      templateId: template.id,
      title,
      anonymous: options.anonymous ?? false,
      locale,
    });
    for (const column of columns) ids.push(addColumn(doc, column));
  });
  return ids;
}
