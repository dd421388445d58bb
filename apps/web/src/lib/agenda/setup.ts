import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { breakoutPresetIn, plenaryBoards } from '@kring/core';
import { LIMITS, type BreakoutPresetId, type SegmentSetup, type SessionView } from '@kring/protocol';

/**
 * The segment setup as a form holds it: plain strings and choices, so an empty field means "leave
 * it as it is" and a half-typed number is an error the form can name, not a broken command.
 */
export type FloorChoice =
  'keep' | 'open' | 'open-quiet' | 'round-join' | 'round-random' | 'piece' | 'fishbowl' | 'reflecting';
export type PhaseChoice = 'keep' | 'private' | 'open';

export interface SetupFields {
  timerMinutes: string;
  floor: FloorChoice;
  /** Fishbowl seats or reflecting team size. */
  floorCount: string;
  boardId: string;
  phase: PhaseChoice;
  locked: boolean;
  vote: boolean;
  voteBudget: string;
  presetId: BreakoutPresetId | '';
  roomMinutes: string;
}

export const FLOOR_CHOICES: readonly FloorChoice[] = [
  'keep',
  'open',
  'open-quiet',
  'round-join',
  'round-random',
  'piece',
  'fishbowl',
  'reflecting',
];

export const emptyFields = (): SetupFields => ({
  timerMinutes: '',
  floor: 'keep',
  floorCount: '',
  boardId: '',
  phase: 'keep',
  locked: false,
  vote: false,
  voteBudget: '3',
  presetId: '',
  roomMinutes: '',
});

export function fieldsOf(setup: SegmentSetup | null | undefined): SetupFields {
  const fields = emptyFields();
  if (!setup) return fields;
  if (setup.timerMinutes) fields.timerMinutes = String(setup.timerMinutes);
  const floor = setup.floor;
  if (floor) {
    if (floor.mode === 'open') fields.floor = floor.quietFirst ? 'open-quiet' : 'open';
    else if (floor.mode === 'round')
      fields.floor = floor.orderBy === 'random' ? 'round-random' : 'round-join';
    else if (floor.mode === 'piece') fields.floor = 'piece';
    else if (floor.mode === 'fishbowl') {
      fields.floor = 'fishbowl';
      fields.floorCount = String(floor.seats);
    } else {
      fields.floor = 'reflecting';
      fields.floorCount = String(floor.teamSize);
    }
  }
  if (setup.board) {
    fields.boardId = setup.board.boardId;
    fields.phase = setup.board.phase ?? 'keep';
    fields.locked = setup.board.locked ?? false;
    if (setup.board.vote) {
      fields.vote = true;
      fields.voteBudget = String(setup.board.vote.budget);
    }
  }
  if (setup.breakout) {
    fields.presetId = setup.breakout.presetId;
    fields.roomMinutes = String(setup.breakout.minutes);
  }
  return fields;
}

/** Which field is wrong, so the form can say so next to it. */
export type SetupProblem = 'timer' | 'floorCount' | 'voteBudget' | 'roomMinutes';

/** A whole number within bounds, or null for an empty field; undefined when it is not one. */
function count(text: string, max: number): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

/** The setup the fields describe (null: Start only moves the agenda), or the first field that is wrong. */
export function setupOf(
  fields: SetupFields,
  presetMinutes: (id: BreakoutPresetId) => number,
): { ok: true; setup: SegmentSetup | null } | { ok: false; problem: SetupProblem } {
  const setup: SegmentSetup = {};
  const timer = count(fields.timerMinutes, LIMITS.plannedMinutesMax);
  if (timer === undefined) return { ok: false, problem: 'timer' };
  if (timer !== null) setup.timerMinutes = timer;

  if (fields.floor === 'fishbowl' || fields.floor === 'reflecting') {
    const max = fields.floor === 'fishbowl' ? LIMITS.fishbowlSeatsMax : LIMITS.roundSizeMax;
    const n = count(fields.floorCount, max);
    if (n === undefined || n === null) return { ok: false, problem: 'floorCount' };
    setup.floor =
      fields.floor === 'fishbowl' ? { mode: 'fishbowl', seats: n } : { mode: 'reflecting', teamSize: n };
  } else if (fields.floor === 'open') setup.floor = { mode: 'open' };
  else if (fields.floor === 'open-quiet') setup.floor = { mode: 'open', quietFirst: true };
  else if (fields.floor === 'round-join') setup.floor = { mode: 'round', orderBy: 'join' };
  else if (fields.floor === 'round-random') setup.floor = { mode: 'round', orderBy: 'random' };
  else if (fields.floor === 'piece') setup.floor = { mode: 'piece' };

  if (fields.boardId) {
    const board: NonNullable<SegmentSetup['board']> = { boardId: fields.boardId };
    if (fields.phase !== 'keep') board.phase = fields.phase;
    if (fields.locked) board.locked = true;
    if (fields.vote) {
      const budget = count(fields.voteBudget, LIMITS.voteBudgetMax);
      if (budget === undefined || budget === null) return { ok: false, problem: 'voteBudget' };
      board.vote = { budget, capPerNote: budget, hidden: false };
    }
    setup.board = board;
  }

  if (fields.presetId) {
    const minutes = count(fields.roomMinutes, LIMITS.plannedMinutesMax);
    if (minutes === undefined) return { ok: false, problem: 'roomMinutes' };
    setup.breakout = { presetId: fields.presetId, minutes: minutes ?? presetMinutes(fields.presetId) };
  }
  return { ok: true, setup: Object.keys(setup).length > 0 ? setup : null };
}

/** Two setups that would do the same (key order does not matter). */
export function sameSetup(a: SegmentSetup | null | undefined, b: SegmentSetup | null | undefined): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([x], [y]) => (x < y ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** The boards a segment can bring everyone to: the plenary's own, not archived (core A8 refuses those). */
export function setupBoards(
  view: Pick<SessionView, 'boards' | 'breakouts'> | null,
): { id: string; title: string }[] {
  if (!view) return [];
  return plenaryBoards(view.boards, view.breakouts)
    .filter((b) => !b.archived)
    .map((b) => ({ id: b.id, title: b.title }));
}

/** Each floor choice in words: the form's options and the agenda's summary say the same. */
export const FLOOR_LABEL: Record<FloorChoice, () => string> = {
  keep: m.clock_setup_floor_keep,
  open: m.clock_setup_floor_open,
  'open-quiet': m.clock_setup_floor_open_quiet,
  'round-join': m.clock_setup_floor_round_join,
  'round-random': m.clock_setup_floor_round_random,
  piece: m.clock_setup_floor_piece,
  fishbowl: m.clock_setup_floor_fishbowl,
  reflecting: m.clock_setup_floor_reflecting,
};

/** The plan in short words for the agenda list: "8-min timer · Round in joining order · …". */
export function setupSummary(
  setup: SegmentSetup | null | undefined,
  boards: readonly { id: string; title: string }[],
): string[] {
  if (!setup) return [];
  const parts: string[] = [];
  if (setup.timerMinutes) parts.push(m.clock_setup_summary_timer({ minutes: String(setup.timerMinutes) }));
  const floor = fieldsOf({ floor: setup.floor }).floor;
  if (floor !== 'keep') parts.push(FLOOR_LABEL[floor]());
  if (setup.board) {
    const title = boards.find((b) => b.id === setup.board?.boardId)?.title ?? m.clock_setup_board_gone();
    parts.push(
      setup.board.phase === 'private'
        ? m.clock_setup_summary_private({ title })
        : m.clock_setup_summary_board({ title }),
    );
    if (setup.board.vote) parts.push(m.clock_setup_summary_vote({ votes: String(setup.board.vote.budget) }));
  }
  if (setup.breakout) {
    const preset = breakoutPresetIn(setup.breakout.presetId, getLocale());
    parts.push(
      m.clock_setup_summary_rooms({
        preset: preset?.title ?? setup.breakout.presetId,
        minutes: String(setup.breakout.minutes),
      }),
    );
  }
  return parts;
}
