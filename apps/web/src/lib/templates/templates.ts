import { listTemplates, type LocalizedTemplate } from '@kring/board';
import { SESSION_TEMPLATES, plannedMinutesOf } from '@kring/core';
import {
  LIMITS,
  type BoardView,
  type CommandOf,
  type SessionTemplateId,
  type TemplateId,
} from '@kring/protocol';

/** A choice in the "start from" picker of the create form. */
export interface SessionTemplateOption {
  /** `blank`: no template (one board, no agenda). */
  id: SessionTemplateId | 'blank';
  title: string;
  description: string;
  /** "10 parts · 3 h · boards: Check-in, …"; empty for the blank session. */
  summary: string;
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function sessionTemplateOptions(): SessionTemplateOption[] {
  return [
    {
      id: 'blank',
      title: 'Blank session',
      description: 'One empty board and no agenda. Add what you need as you go.',
      summary: '',
    },
    ...SESSION_TEMPLATES.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      summary: `${t.segments.length} parts · ${formatMinutes(plannedMinutesOf(t))} · boards: ${t.boards
        .map((b) => b.title)
        .join(', ')}`,
    })),
  ];
}

/** Board templates for the "add a board" picker, in English (the board package holds the texts). */
export function boardTemplateOptions(): LocalizedTemplate[] {
  return listTemplates('en');
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
  if (!title) return { ok: false, error: 'Give the board a title.' };
  if (title.length > LIMITS.titleMax) {
    return { ok: false, error: `A title can have at most ${LIMITS.titleMax} characters.` };
  }
  const command: CommandOf<'board.add'> = {
    type: 'board.add',
    title,
    templateId: input.templateId,
    ...(input.anonymous ? { anonymous: true } : {}),
  };
  if (!input.customColumns) return { ok: true, value: command };
  const columns = parseColumnTitles(input.columnsText);
  if (columns.length === 0) return { ok: false, error: 'Name at least one column, one per line.' };
  if (columns.length > LIMITS.boardColumnsMax) {
    return { ok: false, error: `A board can have at most ${LIMITS.boardColumnsMax} columns.` };
  }
  const long = columns.find((c) => c.length > LIMITS.titleMax);
  if (long) return { ok: false, error: `A column title can have at most ${LIMITS.titleMax} characters.` };
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
    return { ok: false, error: `Votes per person: a whole number from 1 to ${LIMITS.voteBudgetMax}.` };
  }
  if (!Number.isInteger(capPerNote) || capPerNote < 1 || capPerNote > budget) {
    return { ok: false, error: `Most votes on one note: a whole number from 1 to ${budget}.` };
  }
  return {
    ok: true,
    value: { type: 'vote.open', boardId: input.boardId, budget, capPerNote, hidden: input.hidden },
  };
}

/**
 * Which board a person sees: the facilitator's focus ("bring everyone here") when set, else their
 * own choice, else the first board that is not archived, else the first board at all.
 */
export function shownBoardId(
  boards: readonly Pick<BoardView, 'id' | 'archived'>[],
  focusBoardId: string | null,
  chosen: string | null,
): string | null {
  if (focusBoardId && boards.some((b) => b.id === focusBoardId)) return focusBoardId;
  if (chosen && boards.some((b) => b.id === chosen)) return chosen;
  return (boards.find((b) => !b.archived) ?? boards[0])?.id ?? null;
}
