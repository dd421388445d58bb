import { type BoardData, type StringKey, boardText, toJson, toMarkdown } from '@kring/board';
import { type SessionState, viewFor } from '@kring/core';
import type { BoardState, BreakoutState, CaptionLine, Locale, SessionExportFormat } from '@kring/protocol';
import { transcriptEntries, transcriptText } from '../captions/transcript';

type BreakoutStatus = BreakoutState['status'];
import type { BoardSync } from '../boards';
import { CONTENT_TYPES, type ExportFile, authorNames, fileName, mayRead, readBoardFor } from './exports';

export const SESSION_EXPORT_FORMAT = 'kring-session';
/**
 * 2: room boards moved from `boards` to `breakouts`, grouped by breakout with their room names.
 * 3: `openQuestions` added (the questions not answered, pinned first, then by votes); questions carry
 * `pinned`, and `hidden` for facilitators.
 * 4: `transcript` added: the caption lines the reader may read, when the facilitators chose to
 * include them (CA7); null otherwise.
 */
export const SESSION_EXPORT_VERSION = 4;

interface ExportedBoard {
  board: BoardState;
  data: BoardData;
}

interface ExportedBreakout {
  id: string;
  status: BreakoutStatus;
  rooms: (ExportedBoard & { name: string; prompt: string | null })[];
}

/**
 * Every breakout of the session, oldest first, with the rooms whose boards `viewerId` may read
 * (BR12: not another room's before the gallery opens). The current breakout, once closed, is the
 * last of the history; room names are their boards' titles (a room's board is named after it).
 */
async function breakoutsFor(
  boards: BoardSync,
  state: SessionState,
  viewerId: string,
): Promise<ExportedBreakout[]> {
  const { current, history } = state.breakouts;
  const list: { id: string; status: BreakoutStatus; boardIds: readonly string[] }[] = history.map((h) => ({
    id: h.id,
    status: 'closed',
    boardIds: h.boardIds,
  }));
  if (current && current.status !== 'closed') {
    list.push({ id: current.id, status: current.status, boardIds: current.rooms.map((r) => r.boardId) });
  }
  const out: ExportedBreakout[] = [];
  for (const b of list) {
    const rooms: ExportedBreakout['rooms'] = [];
    for (const boardId of b.boardIds) {
      const board = state.boards.find((x) => x.id === boardId);
      if (!board || !mayRead(state, viewerId, board.id)) continue;
      const room = current?.id === b.id ? current.rooms.find((r) => r.boardId === boardId) : undefined;
      rooms.push({
        board,
        name: room?.name ?? board.title,
        prompt: room?.prompt ?? null,
        data: await readBoardFor(boards, state, board, viewerId),
      });
    }
    if (rooms.length > 0) out.push({ id: b.id, status: b.status, rooms });
  }
  return out;
}

/** Boards that belong to no breakout room, as `viewerId` may read them. */
async function plenaryBoardsFor(
  boards: BoardSync,
  state: SessionState,
  viewerId: string,
): Promise<ExportedBoard[]> {
  const roomBoards = new Set(state.breakouts.history.flatMap((h) => h.boardIds));
  for (const r of state.breakouts.current?.rooms ?? []) roomBoards.add(r.boardId);
  const out: ExportedBoard[] = [];
  for (const board of state.boards) {
    if (roomBoards.has(board.id) || !mayRead(state, viewerId, board.id)) continue;
    out.push({ board, data: await readBoardFor(boards, state, board, viewerId) });
  }
  return out;
}

/**
 * The whole session (the harvest): its agenda, every board, the breakouts with their rooms' boards,
 * the answered questions and the open ones, as `viewerId` may see them.
 */
export async function exportSession(
  boards: BoardSync,
  state: SessionState,
  viewerId: string,
  format: SessionExportFormat,
  now: number,
  /** The reader's language for the export's own words (people's words stay as written). */
  locale: Locale = 'en',
  /** CA7: the caption lines the reader may read, when the transcript is part of the harvest. */
  transcript: readonly CaptionLine[] | null = null,
): Promise<ExportFile> {
  const t = (key: StringKey, vars?: Record<string, string | number>) => boardText(key, locale, vars);
  const view = viewFor(state, viewerId);
  const facilitator = view.audience === 'facilitator';
  const names = Object.fromEntries(Object.values(state.participants).map((p) => [p.id, p.displayName]));
  // The view's order (Q3: pinned first, then most votes, then oldest) and its cut (Q6: hidden
  // questions reach facilitators only).
  const questions = view.questions.map((q) => ({
    text: q.text,
    // Q7: an anonymous question never names its author.
    // RO5/PR6: a removed person's name left with them (empty): no author then.
    author: q.authorId === null ? null : names[q.authorId] || null,
    votes: q.votes,
    askedAt: iso(q.askedAt),
    answered: q.answered,
    pinned: q.pinned,
    ...(facilitator ? { hidden: q.hidden } : {}),
  }));
  const exported = ({ answered: _answered, ...q }: (typeof questions)[number]) => q;
  const answered = questions.filter((q) => q.answered).map(exported);
  const open = questions.filter((q) => !q.answered).map(exported);
  const agenda = view.agenda.segments.map((s) => ({
    title: s.title,
    kind: s.kind,
    plannedMinutes: s.plannedMinutes,
    prompt: s.prompt,
    ...(facilitator ? { notes: s.notes } : {}),
    startedAt: s.startedAt === null ? null : iso(s.startedAt),
    endedAt: s.endedAt === null ? null : iso(s.endedAt),
  }));
  const plenary = await plenaryBoardsFor(boards, state, viewerId);
  const breakouts = await breakoutsFor(boards, state, viewerId);
  const file = fileName([state.title], format);
  const boardJson = ({ board, data }: ExportedBoard) =>
    JSON.parse(toJson(data, { authorNames: authorNames(state, board) })) as unknown;
  if (format === 'json') {
    const doc = {
      format: SESSION_EXPORT_FORMAT,
      version: SESSION_EXPORT_VERSION,
      title: state.title,
      createdAt: iso(state.createdAt),
      exportedAt: iso(now),
      agenda,
      boards: plenary.map((b) => ({ id: b.board.id, archived: b.board.archived, board: boardJson(b) })),
      breakouts: breakouts.map((b) => ({
        id: b.id,
        status: b.status,
        rooms: b.rooms.map((r) => ({
          name: r.name,
          prompt: r.prompt,
          boardId: r.board.id,
          board: boardJson(r),
        })),
      })),
      answeredQuestions: answered,
      openQuestions: open,
      transcript: transcript ? transcriptEntries(state, transcript) : null,
    };
    return { body: `${JSON.stringify(doc, null, 2)}\n`, contentType: CONTENT_TYPES.json, fileName: file };
  }
  const out: string[] = [
    `# ${line(state.title)}`,
    '',
    `_${t('export.session.exported', { at: iso(now) })}_`,
    '',
  ];
  if (agenda.length > 0) {
    out.push(`## ${t('export.session.agenda')}`, '');
    for (const s of agenda) {
      const started = s.startedAt ? `, ${t('export.session.started', { at: s.startedAt })}` : '';
      out.push(`- ${line(s.title)} — ${t('export.session.minutes', { n: s.plannedMinutes })}${started}`);
      if (s.prompt) out.push(`  ${line(s.prompt)}`);
      if (s.notes) out.push(`  _${t('export.session.notes', { text: line(s.notes) })}_`);
    }
    out.push('');
  }
  for (const b of plenary) {
    out.push(boardMarkdown(state, b, 1, locale), '');
    if (b.board.archived) out.push(`_${t('export.session.archived')}_`, '');
  }
  breakouts.forEach((b, i) => {
    const title =
      breakouts.length === 1
        ? t('export.session.breakouts')
        : t('export.session.breakoutsNumbered', { n: i + 1 });
    out.push(`## ${title}`, '', `_${t(STATUS_KEY[b.status])}_`, '');
    for (const room of b.rooms) {
      // The room's board two levels down, under the room's name (its board carries that title).
      out.push(boardMarkdown(state, room, 2, locale), '');
      if (room.prompt) out.push(`_${t('export.session.prompt', { text: line(room.prompt) })}_`, '');
    }
  });
  questionsMarkdown(out, t('export.session.answered'), answered, t);
  questionsMarkdown(out, t('export.session.open'), open, t);
  if (transcript) {
    // As plain text in a fence: captions are spoken words, not Markdown (no escaping to read past).
    const text = transcriptText(state, transcript, locale, (name) => `== ${name} ==`);
    out.push(
      `## ${t('export.captions.title')}`,
      '',
      '```text',
      ...text.map((l) => l.replace(/`/g, "'")),
      '```',
      '',
    );
  }
  return { body: `${out.join('\n').trimEnd()}\n`, contentType: CONTENT_TYPES.md, fileName: file };
}

interface ExportedQuestion {
  text: string;
  author: string | null;
  votes: number;
  pinned: boolean;
  hidden?: boolean;
}

/** One section of questions: a heading, then a line each with author, votes and flags. */
function questionsMarkdown(
  out: string[],
  heading: string,
  questions: readonly ExportedQuestion[],
  t: (key: StringKey, vars?: Record<string, string | number>) => string,
): void {
  out.push(`## ${heading}`, '');
  if (questions.length === 0) out.push(`_${t('export.session.none')}_`);
  for (const q of questions) {
    const who = q.author === null ? '' : ` — ${line(q.author)}`;
    const details = [q.votes === 1 ? t('export.vote.one') : t('export.vote.other', { n: q.votes })];
    if (q.pinned) details.push(t('export.session.pinned'));
    if (q.hidden) details.push(t('export.hidden'));
    out.push(`- ${line(q.text)}${who} (${details.join(', ')})`);
  }
  out.push('');
}

const STATUS_KEY: Record<BreakoutStatus, StringKey> = {
  draft: 'export.session.status.draft',
  open: 'export.session.status.open',
  closed: 'export.session.status.closed',
};

/**
 * A board's own Markdown, `levels` heading levels down (note text has `#` escaped, so only
 * headings start a line with it).
 */
function boardMarkdown(
  state: SessionState,
  { board, data }: ExportedBoard,
  levels: number,
  locale: Locale,
): string {
  const md = toMarkdown(data, { authorNames: authorNames(state, board), locale });
  return md.replace(/^(#+) /gm, `${'#'.repeat(levels)}$1 `).trimEnd();
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
