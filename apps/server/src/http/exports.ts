import {
  type AuthorNames,
  type BoardData,
  readBoard,
  readHiddenWords,
  toCsv,
  toJson,
  toMarkdown,
  withoutHiddenNotes,
} from '@kring/board';
import { type SessionState, boardAccess, isFacilitator } from '@kring/core';
import type { BoardExportFormat, BoardState, Locale } from '@kring/protocol';
import type { BoardSync } from '../boards';
import { MODERATION_DOC, docIdOf } from '../store/store';

/**
 * Exports of a board or a whole session, cut for the person asking ("exports respect roles"):
 * facilitators get hidden notes with their words, marked hidden (BD11, from the board's
 * moderation document, BD14); participants, observers and captioners get no hidden notes, no agenda notes, no hidden
 * questions; a hidden vote's totals only reach facilitators while it is open; anonymous boards
 * never carry authors (BD9), and nobody's export carries who voted or reacted (VO5, BD13); a board
 * someone may not read (another breakout room's, BR12) is not exported to them at all.
 */
export interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

/** BR12/P2: whether `viewerId` may read the board at all (what the board sync would let them open). */
export const mayRead = (state: SessionState, viewerId: string, boardId: string): boolean =>
  boardAccess(state, viewerId, boardId) !== 'none';

/** The board as `viewerId` may read it, in plain data. */
export async function readBoardFor(
  boards: BoardSync,
  state: SessionState,
  board: BoardState,
  viewerId: string,
): Promise<BoardData> {
  const facilitator = isFacilitator(state.participants[viewerId]?.role ?? 'observer');
  const vote = board.vote;
  const hidden = !!vote && vote.open && vote.hidden;
  // VO6: while a hidden vote is open the document carries no totals; facilitators get the state's.
  const votes = hidden ? (facilitator ? vote.totals : {}) : undefined;
  const results = !!vote && (!hidden || facilitator) && Object.keys(vote.totals).length > 0;
  // BD14: hidden notes' words are off the board; only a facilitator's export brings them back.
  const hiddenWords = facilitator
    ? await boards.read(docIdOf(board.id, MODERATION_DOC), readHiddenWords)
    : undefined;
  const data = await boards.read(board.id, (doc) =>
    readBoard(doc, {
      anonymous: board.anonymous,
      ...(hiddenWords ? { hiddenWords } : {}),
      ...(votes ? { counts: { votes } } : {}),
      order: results ? 'votes' : 'board',
    }),
  );
  // The session's record is the authority on the board's title, template and anonymity.
  const meta = { ...data.meta, title: board.title, templateId: board.templateId, anonymous: board.anonymous };
  const cut = { ...data, meta };
  return facilitator ? cut : withoutHiddenNotes(cut);
}

export function authorNames(state: SessionState, board: BoardState): AuthorNames | undefined {
  if (board.anonymous) return undefined;
  const names: Record<string, string> = {};
  // RO5/PR6: a removed person's name left with them; their notes carry no author.
  for (const p of Object.values(state.participants)) if (!p.removed) names[p.id] = p.displayName;
  return names;
}

export async function exportBoard(
  boards: BoardSync,
  state: SessionState,
  board: BoardState,
  viewerId: string,
  format: BoardExportFormat,
  /** The reader's language for the export's own words; left out: the board's. */
  locale?: Locale,
): Promise<ExportFile> {
  const data = await readBoardFor(boards, state, board, viewerId);
  const options = { authorNames: authorNames(state, board), ...(locale ? { locale } : {}) };
  const body =
    format === 'md'
      ? toMarkdown(data, options)
      : format === 'csv'
        ? toCsv(data, { ...options, bom: true })
        : toJson(data, options);
  return { body, contentType: CONTENT_TYPES[format], fileName: fileName([state.title, board.title], format) };
}

/** `kring-<session>-<board>.<ext>`: ASCII letters, digits and dashes only, safe in any header. */
export function fileName(parts: readonly string[], ext: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/g, '');
  const named = parts.map(slug).filter((p) => p.length > 0);
  return `${['kring', ...named].join('-')}.${ext}`;
}
