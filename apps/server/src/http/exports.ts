import {
  type AuthorNames,
  type BoardData,
  readBoard,
  toCsv,
  toJson,
  toMarkdown,
  withoutHiddenNotes,
} from '@kring/board';
import { type SessionState, isFacilitator, viewFor } from '@kring/core';
import type { BoardExportFormat, BoardState, SessionExportFormat } from '@kring/protocol';
import type { BoardSync } from '../boards';

/**
 * Exports of a board or a whole session, cut for the person asking ("exports respect roles"):
 * participants, observers and captioners get no hidden notes, no agenda notes, no hidden
 * questions; a hidden vote's totals only reach facilitators while it is open; anonymous boards
 * never carry authors (BD9), and nobody's export carries who voted or reacted (VO5, BD13).
 */
export interface ExportFile {
  body: string;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

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
  const data = await boards.read(board.id, (doc) =>
    readBoard(doc, {
      anonymous: board.anonymous,
      ...(votes ? { counts: { votes } } : {}),
      order: results ? 'votes' : 'board',
    }),
  );
  // The session's record is the authority on the board's title, template and anonymity.
  const meta = { ...data.meta, title: board.title, templateId: board.templateId, anonymous: board.anonymous };
  const cut = { ...data, meta };
  return facilitator ? cut : withoutHiddenNotes(cut);
}

function authorNames(state: SessionState, board: BoardState): AuthorNames | undefined {
  if (board.anonymous) return undefined;
  const names: Record<string, string> = {};
  for (const p of Object.values(state.participants)) names[p.id] = p.displayName;
  return names;
}

export async function exportBoard(
  boards: BoardSync,
  state: SessionState,
  board: BoardState,
  viewerId: string,
  format: BoardExportFormat,
): Promise<ExportFile> {
  const data = await readBoardFor(boards, state, board, viewerId);
  const options = { authorNames: authorNames(state, board) };
  const body =
    format === 'md'
      ? toMarkdown(data, options)
      : format === 'csv'
        ? toCsv(data, { ...options, bom: true })
        : toJson(data, options);
  return { body, contentType: CONTENT_TYPES[format], fileName: fileName([state.title, board.title], format) };
}

export const SESSION_EXPORT_FORMAT = 'kring-session';
export const SESSION_EXPORT_VERSION = 1;

/** The whole session: its agenda, every board, and the answered questions, as `viewerId` may see them. */
export async function exportSession(
  boards: BoardSync,
  state: SessionState,
  viewerId: string,
  format: SessionExportFormat,
  now: number,
): Promise<ExportFile> {
  const view = viewFor(state, viewerId);
  const facilitator = view.audience === 'facilitator';
  const names = Object.fromEntries(Object.values(state.participants).map((p) => [p.id, p.displayName]));
  const questions = view.questions
    .filter((q) => q.answered)
    .map((q) => ({
      text: q.text,
      // Q7: an anonymous question never names its author.
      author: q.authorId === null ? null : (names[q.authorId] ?? null),
      votes: q.votes,
      askedAt: iso(q.askedAt),
    }));
  const agenda = view.agenda.segments.map((s) => ({
    title: s.title,
    kind: s.kind,
    plannedMinutes: s.plannedMinutes,
    prompt: s.prompt,
    ...(facilitator ? { notes: s.notes } : {}),
    startedAt: s.startedAt === null ? null : iso(s.startedAt),
    endedAt: s.endedAt === null ? null : iso(s.endedAt),
  }));
  const boardFiles: { board: BoardState; data: BoardData }[] = [];
  for (const board of state.boards) {
    boardFiles.push({ board, data: await readBoardFor(boards, state, board, viewerId) });
  }
  const file = fileName([state.title], format);
  if (format === 'json') {
    const doc = {
      format: SESSION_EXPORT_FORMAT,
      version: SESSION_EXPORT_VERSION,
      title: state.title,
      createdAt: iso(state.createdAt),
      exportedAt: iso(now),
      agenda,
      boards: boardFiles.map(({ board, data }) => ({
        id: board.id,
        archived: board.archived,
        board: JSON.parse(toJson(data, { authorNames: authorNames(state, board) })) as unknown,
      })),
      answeredQuestions: questions,
    };
    return { body: `${JSON.stringify(doc, null, 2)}\n`, contentType: CONTENT_TYPES.json, fileName: file };
  }
  const out: string[] = [`# ${line(state.title)}`, '', `_Exported ${iso(now)}_`, ''];
  if (agenda.length > 0) {
    out.push('## Agenda', '');
    for (const s of agenda) {
      out.push(
        `- ${line(s.title)} — ${s.plannedMinutes} min${s.startedAt ? `, started ${s.startedAt}` : ''}`,
      );
      if (s.prompt) out.push(`  ${line(s.prompt)}`);
      if (s.notes) out.push(`  _Notes: ${line(s.notes)}_`);
    }
    out.push('');
  }
  for (const { board, data } of boardFiles) {
    // Each board's own Markdown, one heading level down (note text has `#` escaped, so only
    // headings start a line with it).
    const md = toMarkdown(data, { authorNames: authorNames(state, board) }).replace(/^(#+) /gm, '#$1 ');
    out.push(md.trimEnd(), '');
    if (board.archived) out.push('_Archived board._', '');
  }
  out.push('## Answered questions', '');
  if (questions.length === 0) out.push('_None._', '');
  for (const q of questions) {
    const who = q.author === null ? '' : ` — ${line(q.author)}`;
    out.push(`- ${line(q.text)}${who} (${q.votes === 1 ? '1 vote' : `${q.votes} votes`})`);
  }
  return { body: `${out.join('\n').trimEnd()}\n`, contentType: CONTENT_TYPES.md, fileName: file };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One line of people's text in Markdown: whitespace collapsed, markup characters escaped. */
function line(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
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
