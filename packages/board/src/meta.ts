import type * as Y from 'yjs';
import { metaRoot, readString, setOrDelete } from './doc';
import { type BoardLocale, DEFAULT_LOCALE, isBoardLocale } from './i18n';
import { BOARD_LIMITS } from './limits';
import { validateTitle } from './text';

/**
 * Root map `meta`: { templateId, title, anonymous?, locale? }. An informational copy for readers
 * and exports; the server is the authority on anonymity (and writes this copy as a peer).
 */
export interface BoardMeta {
  templateId: string | null;
  title: string;
  anonymous: boolean;
  /** The language the board's template text was written in (and exports use). */
  locale: BoardLocale;
}

export interface BoardMetaPatch {
  templateId?: string;
  title?: string;
  anonymous?: boolean;
  locale?: BoardLocale;
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaRoot(doc);
  const locale = meta.get('locale');
  return {
    templateId: readString(meta, 'templateId') ?? null,
    title: readString(meta, 'title') ?? '',
    anonymous: meta.get('anonymous') === true,
    locale: isBoardLocale(locale) ? locale : DEFAULT_LOCALE,
  };
}

/** Writes the given meta fields in one transaction (only what changes). */
export function setBoardMeta(doc: Y.Doc, patch: BoardMetaPatch): void {
  const meta = metaRoot(doc);
  const title =
    patch.title === undefined ? undefined : validateTitle(patch.title, BOARD_LIMITS.titleMax, 'board');
  doc.transact(() => {
    if (patch.templateId !== undefined) setOrDelete(meta, 'templateId', patch.templateId);
    if (title !== undefined) setOrDelete(meta, 'title', title);
    if (patch.anonymous !== undefined) setOrDelete(meta, 'anonymous', patch.anonymous || undefined);
    if (patch.locale !== undefined) setOrDelete(meta, 'locale', patch.locale);
  });
}
