import * as Y from 'yjs';
import {
  type Entry,
  byOrder,
  clustersRoot,
  columnsRoot,
  entryOf,
  notesRoot,
  readNumber,
  readString,
} from './doc';
import { BoardInputError } from './errors';
import { assertValidId, newId } from './ids';
import { BOARD_LIMITS } from './limits';
import { validatePrompt, validateTitle } from './text';

/**
 * Columns: root map `columns`, column id → Y.Map { title, order, prompt? }. A board without
 * columns (blank) shows its notes in one implicit column; notes whose column is gone land there
 * too, so removing a column never loses anyone's words.
 */

/** Id of the implicit column in the read model. Never stored; refused as a real column id. */
export const IMPLICIT_COLUMN_ID = '_notes';

export interface NewColumn {
  title: string;
  prompt?: string;
  /** Defaults to a fresh random id. Templates pass stable ids so two peers applying one converge. */
  id?: string;
}

export interface ColumnRef {
  id: string;
  order: number;
}

/** Stored columns in display order (malformed entries skipped). */
export function columnOrder(doc: Y.Doc): ColumnRef[] {
  const out: ColumnRef[] = [];
  columnsRoot(doc).forEach((value, id) => {
    if (value instanceof Y.Map && typeof value.get('title') === 'string') {
      out.push({ id, order: readNumber(value as Entry, 'order') ?? 0 });
    }
  });
  return out.sort(byOrder);
}

export function hasColumn(doc: Y.Doc, id: string): boolean {
  return entryOf(columnsRoot(doc), id) !== undefined;
}

/** Adds a column at the end and returns its id. */
export function addColumn(doc: Y.Doc, input: NewColumn): string {
  const id = assertValidId(input.id ?? newId());
  if (id === IMPLICIT_COLUMN_ID) throw new BoardInputError('reserved_id', 'That column id is reserved.');
  const title = validateTitle(input.title, BOARD_LIMITS.titleMax, 'column');
  const prompt = validatePrompt(input.prompt, BOARD_LIMITS.promptMax);
  const existing = columnOrder(doc);
  if (existing.length >= BOARD_LIMITS.columnsMax) {
    throw new BoardInputError(
      'too_many_columns',
      `A board can have at most ${BOARD_LIMITS.columnsMax} columns.`,
    );
  }
  const order = existing.reduce((max, c) => Math.max(max, c.order + 1), 0);
  doc.transact(() => {
    const map: Entry = new Y.Map<unknown>();
    columnsRoot(doc).set(id, map);
    map.set('title', title);
    map.set('order', order);
    if (prompt !== undefined) map.set('prompt', prompt);
  });
  return id;
}

/** Renames a column. Returns false when there is no such column. */
export function renameColumn(doc: Y.Doc, id: string, title: string): boolean {
  const map = entryOf(columnsRoot(doc), id);
  if (!map) return false;
  const valid = validateTitle(title, BOARD_LIMITS.titleMax, 'column');
  if (readString(map, 'title') !== valid) doc.transact(() => map.set('title', valid));
  return true;
}

/** Sets or clears (empty text) a column's prompt. Returns false when there is no such column. */
export function setColumnPrompt(doc: Y.Doc, id: string, prompt: string): boolean {
  const map = entryOf(columnsRoot(doc), id);
  if (!map) return false;
  const valid = validatePrompt(prompt, BOARD_LIMITS.promptMax);
  if (readString(map, 'prompt') !== valid) {
    doc.transact(() => (valid === undefined ? map.delete('prompt') : map.set('prompt', valid)));
  }
  return true;
}

/**
 * Moves a column to `toIndex` (clamped) and renumbers every column 0..n-1 in one transaction,
 * writing only the orders that change. Concurrent moves resolve per column (last writer wins on
 * `order`); ties fall back to the id, so every replica shows the same order.
 */
export function moveColumn(doc: Y.Doc, id: string, toIndex: number): boolean {
  const order = columnOrder(doc);
  const from = order.findIndex((c) => c.id === id);
  if (from < 0) return false;
  const [moved] = order.splice(from, 1);
  const index = Math.max(0, Math.min(order.length, Math.trunc(toIndex)));
  order.splice(index, 0, moved as ColumnRef);
  const columns = columnsRoot(doc);
  doc.transact(() => {
    order.forEach((c, i) => {
      const map = entryOf(columns, c.id);
      if (map && map.get('order') !== i) map.set('order', i);
    });
  });
  return true;
}

/**
 * Removes a column. Its notes and clusters stay on the board, in the implicit column.
 * Returns false when there was no such column.
 */
export function removeColumn(doc: Y.Doc, id: string): boolean {
  const columns = columnsRoot(doc);
  if (!columns.has(id)) return false;
  doc.transact(() => {
    columns.delete(id);
    for (const root of [notesRoot(doc), clustersRoot(doc)]) {
      root.forEach((value) => {
        if (value instanceof Y.Map && value.get('columnId') === id) value.delete('columnId');
      });
    }
  });
  return true;
}
