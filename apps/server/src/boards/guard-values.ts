import {
  BOARD_LIMITS,
  CLUSTERS_KEY,
  COLUMNS_KEY,
  META_KEY,
  NOTES_KEY,
  isBoardLocale,
  isNoteColor,
  isOwnerKey,
  isTemplateId,
  isValidId,
  validateNoteText,
} from '@kring/board';
import * as Y from 'yjs';

/**
 * The board document's schema as the write guard checks it (BD12): which paths exist, and what a
 * value written there must be. One job: a new item's content against its path. Who may write
 * there is the policies' job (guard-policies.ts).
 *
 * The same limits as the commands and the board package (`validateNoteText`, the title limit of
 * columns, groups and boards, ids), so a direct write can carry nothing a command would refuse.
 */

/** The roots that hold one Y.Map per entry (note id, column id, group id). */
export const ENTRY_ROOTS: readonly string[] = [NOTES_KEY, COLUMNS_KEY, CLUSTERS_KEY];

type Check = (value: unknown) => boolean;
/** An item's content (Yjs exports the classes, not their common base). */
type Content = Y.Item['content'];

const id: Check = isValidId;
const finite: Check = (v) => typeof v === 'number' && Number.isFinite(v);
/** Like `validateTitle` in the board package, and never longer than the limit even before trimming. */
const title: Check = (v) =>
  typeof v === 'string' && v.length <= BOARD_LIMITS.titleMax && v.replace(/\s+/g, ' ').trim().length > 0;
const noteText: Check = (v) => {
  if (typeof v !== 'string') return false;
  try {
    validateNoteText(v);
    return true;
  } catch {
    return false;
  }
};

/** Per root, the keys an entry may hold and what each must be. */
const ENTRY_KEYS: Record<string, Record<string, Check>> = {
  [NOTES_KEY]: {
    text: noteText,
    color: isNoteColor,
    authorId: id,
    // BD15: a draft's owner key goes with it onto an anonymous board.
    ownerKey: isOwnerKey,
    createdAt: finite,
    columnId: id,
    clusterId: id,
    // Its place in its column or group (`moveNote`).
    order: finite,
  },
  [COLUMNS_KEY]: {
    title,
    order: finite,
    prompt: (v) => typeof v === 'string' && v.length <= BOARD_LIMITS.promptMax,
  },
  [CLUSTERS_KEY]: { title, columnId: id, order: finite, createdAt: finite },
};

const META_KEYS: Record<string, Check> = {
  templateId: isTemplateId,
  title,
  anonymous: (v) => typeof v === 'boolean',
  locale: isBoardLocale,
};

/** Why `content` may not be written at `path`; null when the schema allows it there. */
export function valueProblem(path: readonly string[], content: Content): string | null {
  const [root, key, field, ...deeper] = path;
  if (root === undefined || key === undefined) return 'writes outside the board';
  if (root === META_KEY) {
    if (field !== undefined) return 'writes inside the board’s meta';
    return plainValue(META_KEYS[key], content, `meta/${key}`);
  }
  const keys = ENTRY_KEYS[root];
  if (!keys) return `writes ${root}`;
  if (field === undefined) {
    if (!isValidId(key)) return `an entry of ${root} needs a valid id`;
    return isMap(content) ? null : `an entry of ${root} must be a map`;
  }
  if (deeper.length > 0) return `writes inside ${root}/…/${field}`;
  return plainValue(keys[field], content, `${root}/…/${field}`);
}

function plainValue(check: Check | undefined, content: Content, what: string): string | null {
  if (!check) return `writes ${what}, which is not part of the board`;
  if (!(content instanceof Y.ContentAny)) return `writes ${kindOf(content)} at ${what}`;
  if (content.arr.length !== 1) return `writes several values at ${what}`;
  return check(content.arr[0]) ? null : `writes a value ${what} does not take`;
}

export function isMap(content: Content): boolean {
  return content instanceof Y.ContentType && content.type instanceof Y.Map;
}

function kindOf(content: Content): string {
  if (content instanceof Y.ContentDoc) return 'a subdocument';
  if (content instanceof Y.ContentBinary) return 'binary data';
  if (content instanceof Y.ContentType) return 'a shared type';
  return 'content of an unsupported kind';
}
