import type { BoardData } from '../read';
import { REACTION_IDS } from '../reactions';
import { voteResults } from '../results';
import { type ExportOptions, authorName, isoTime, noteRows } from './common';

export interface CsvOptions extends ExportOptions {
  /**
   * Start with a UTF-8 byte order mark. Spreadsheet programs need it to read accents and emoji
   * correctly from a downloaded file; leave it off for other tools.
   */
  bom?: boolean;
}

export const CSV_HEADER = [
  'column',
  'cluster',
  'text',
  'color',
  'author',
  'reactions',
  'votes',
  'hidden',
  'createdAt',
  'rank',
  'columnRank',
] as const;

/**
 * A text cell. Text that a spreadsheet would run as a formula (starting with = + - @ or a tab or
 * carriage return) gets a leading apostrophe: exports are opened by facilitators in spreadsheet
 * programs, and the text comes from anyone with the join link (OWASP "CSV injection").
 */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quote a field when it holds a comma, a quote or a line break; double inner quotes. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One row per note (RFC 4180: CRLF between records, a header row). Reactions are `kind=count`
 * pairs joined with `;`. The author column is empty on anonymous boards. `rank` (on the whole
 * board) and `columnRank` (within its column) are the dot vote's results, 1 for the most votes,
 * ties sharing a rank (`voteResults`); empty for a note without votes or hidden. They come last so
 * readers of the earlier columns by position keep working.
 */
export function toCsv(board: BoardData, options: CsvOptions = {}): string {
  const all = { top: Number.POSITIVE_INFINITY, perColumn: Number.POSITIVE_INFINITY };
  const results = voteResults(board, all);
  const rank = new Map(results.overall.map((n) => [n.id, String(n.rank)] as const));
  const columnRank = new Map(
    results.columns.flatMap((c) => c.notes.map((n) => [n.id, String(n.rank)] as const)),
  );
  const rows: string[][] = [[...CSV_HEADER]];
  for (const { column, cluster, note } of noteRows(board)) {
    rows.push([
      textCell(column.title),
      textCell(cluster?.title ?? ''),
      textCell(note.text),
      note.color,
      textCell(authorName(board, note, options.authorNames) ?? ''),
      REACTION_IDS.filter((id) => note.reactions[id])
        .map((id) => `${id}=${note.reactions[id]}`)
        .join(';'),
      String(note.votes),
      note.hidden ? 'true' : 'false',
      isoTime(note.createdAt),
      rank.get(note.id) ?? '',
      columnRank.get(note.id) ?? '',
    ]);
  }
  const body = rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
  return options.bom ? `\uFEFF${body}` : body;
}
