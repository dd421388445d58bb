import { listTemplates, type LocalizedTemplate } from '@kring/board';
import { plannedMinutesOf, sessionTemplatesIn } from '@kring/core';
import { LIMITS, type CommandOf, type SessionTemplateId, type TemplateId } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** A choice in the "start from" picker of the create form. */
export interface SessionTemplateOption {
  /** `blank`: no template (one board, no agenda). */
  id: SessionTemplateId | 'blank';
  title: string;
  description: string;
  /** "10 parts · 3 h · boards: Check-in, …"; empty for the blank session. */
  summary: string;
}

export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return m.board_minutes({ minutes });
  return minutes === 0 ? m.board_hours({ hours }) : m.board_hours_minutes({ hours, minutes });
}

/** The picker's choices, in the person's language at the time of the call. */
export function sessionTemplateOptions(): SessionTemplateOption[] {
  return [
    {
      id: 'blank',
      title: m.board_blank_session_title(),
      description: m.board_blank_session_description(),
      summary: '',
    },
    // Core holds the templates' words in every language (S4), the same the server creates from.
    ...sessionTemplatesIn(getLocale()).map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      summary: m.board_session_template_summary({
        parts: t.segments.length,
        duration: formatMinutes(plannedMinutesOf(t)),
        boards: t.boards.map((b) => b.title).join(', '),
      }),
    })),
  ];
}

/** Board templates for the "add a board" picker, in the person's language (the board package holds the texts). */
export function boardTemplateOptions(): LocalizedTemplate[] {
  return listTemplates(getLocale());
}

/** Column titles from a textarea: one per line, trimmed, empty lines left out. */
export function parseColumnTitles(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** The `board.add` command from the form, or what to fix (the server checks again: BD1). */
export function addBoardCommand(input: {
  title: string;
  templateId: TemplateId;
  anonymous: boolean;
  columnsText: string;
  /** Whether the chosen template takes column titles (`customColumns`). */
  customColumns: boolean;
}): Checked<CommandOf<'board.add'>> {
  const title = input.title.trim();
  if (!title) return { ok: false, error: m.board_give_title() };
  if (title.length > LIMITS.titleMax) {
    return { ok: false, error: m.board_title_too_long({ max: LIMITS.titleMax }) };
  }
  const command: CommandOf<'board.add'> = {
    type: 'board.add',
    title,
    templateId: input.templateId,
    ...(input.anonymous ? { anonymous: true } : {}),
  };
  if (!input.customColumns) return { ok: true, value: command };
  const columns = parseColumnTitles(input.columnsText);
  if (columns.length === 0) return { ok: false, error: m.board_name_one_column() };
  if (columns.length > LIMITS.boardColumnsMax) {
    return { ok: false, error: m.board_too_many_columns({ max: LIMITS.boardColumnsMax }) };
  }
  const long = columns.find((c) => c.length > LIMITS.titleMax);
  if (long) return { ok: false, error: m.board_column_title_too_long({ max: LIMITS.titleMax }) };
  return { ok: true, value: { ...command, columns } };
}

/** The `vote.open` command from the form, or what to fix (VO1: budget 1–100, cap 1–budget). */
export function openVoteCommand(input: {
  boardId: string;
  budget: number;
  capPerNote: number;
  hidden: boolean;
}): Checked<CommandOf<'vote.open'>> {
  const { budget, capPerNote } = input;
  if (!Number.isInteger(budget) || budget < 1 || budget > LIMITS.voteBudgetMax) {
    return { ok: false, error: m.board_vote_budget_invalid({ max: LIMITS.voteBudgetMax }) };
  }
  if (!Number.isInteger(capPerNote) || capPerNote < 1 || capPerNote > budget) {
    return { ok: false, error: m.board_vote_cap_invalid({ max: budget }) };
  }
  return {
    ok: true,
    value: { type: 'vote.open', boardId: input.boardId, budget, capPerNote, hidden: input.hidden },
  };
}
