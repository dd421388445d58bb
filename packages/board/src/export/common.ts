import type { BoardLocale } from '../i18n';
import type { BoardCluster, BoardColumn, BoardData, BoardNote } from '../read';

/** participant id → display name, as the server knows them. */
export type AuthorNames = Readonly<Record<string, string>>;

export interface ExportOptions {
  /** Display names for author ids. Ignored on anonymous boards. */
  authorNames?: AuthorNames;
  /**
   * The reader's language for the export's own words (headings, "hidden", vote counts); the
   * board's words stay as written. Left out: the board's own language.
   */
  locale?: BoardLocale;
}

/**
 * The author's display name, or undefined. An anonymous board never yields a name, even when the
 * data still carries author ids: a second guard behind `readBoard`'s stripping.
 */
export function authorName(
  board: BoardData,
  note: BoardNote,
  names: AuthorNames | undefined,
): string | undefined {
  if (board.meta.anonymous || note.authorId === undefined || !names) return undefined;
  return Object.hasOwn(names, note.authorId) ? names[note.authorId] : undefined;
}

export function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export interface NoteRow {
  column: BoardColumn;
  cluster?: BoardCluster;
  note: BoardNote;
}

/** Every note in export order: per column, its ungrouped notes first, then each group's notes. */
export function noteRows(board: BoardData): NoteRow[] {
  const rows: NoteRow[] = [];
  for (const column of board.columns) {
    for (const note of column.notes) rows.push({ column, note });
    for (const cluster of column.clusters)
      for (const note of cluster.notes) rows.push({ column, cluster, note });
  }
  return rows;
}
