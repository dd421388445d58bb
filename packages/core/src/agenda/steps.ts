import {
  type Command,
  type CommandOf,
  LIMITS,
  type Locale,
  type ParticipantState,
  PLENARY,
  type SegmentFloorSetup,
  type SegmentSetup,
} from '@kring/protocol';
import { balancedGroups, isAssignable, roomSizeToCount } from '../breakouts/rules';
import { takesTheFloor } from '../roles/kinds';
import { breakoutPresetIn } from '../templates/breakouts';

/**
 * What "Start" needs to know of a session. Structural and narrow, so the server's `SessionState`
 * and a facilitator's `SessionView` (what the browser holds, for the preview) both fit.
 */
export interface StepFacts {
  agenda: {
    segments: readonly { id: string; title: string; setup?: SegmentSetup | null }[];
    currentId: string | null;
  };
  participants: Readonly<Record<string, ParticipantState>>;
  boards: readonly {
    id: string;
    locked: boolean;
    phase: 'open' | 'private';
    vote: { open: boolean } | null;
  }[];
  focusBoardId: string | null;
  timers: Readonly<Record<string, { label: string } | undefined>>;
  breakouts: { current: { status: 'draft' | 'open' | 'closed' } | null };
}

export interface StepOptions {
  /** Everyone in the session in a random order (the server's draw, C5). Absent in a preview. */
  shuffled?: readonly string[];
  /** Who is online; left out, everyone counts as present. */
  online?: Iterable<string>;
  /** The id of the breakout a preset creates (the server's, C5). */
  breakoutId?: string;
  /** The language of a preset's room names and room boards (S4). */
  locale?: Locale;
}

/** A8: the plenary timer a segment starts is labelled with its title (cut to what a label holds). */
export const segmentTimerLabel = (title: string): string => title.slice(0, LIMITS.timerLabelMax).trim();

/**
 * A9: what leaving the current segment tidies up of what its setup started: its plenary timer (only
 * while the timer still carries the segment's title, so a timer someone started by hand stays),
 * its board's private phase (ending it reveals the drafts, BD8), the focus on its board, and rooms
 * still open when it opened rooms (everyone comes back for what follows). Floors and votes stay.
 */
export function tidyUpSteps(state: StepFacts): Command[] {
  const current = state.agenda.segments.find((s) => s.id === state.agenda.currentId);
  const setup = current?.setup;
  if (!current || !setup) return [];
  const steps: Command[] = [];
  if (setup.timerMinutes !== undefined && state.timers[PLENARY]?.label === segmentTimerLabel(current.title)) {
    steps.push({ type: 'timer.clear', scope: PLENARY });
  }
  if (setup.board) {
    const boardId = setup.board.boardId;
    const board = state.boards.find((b) => b.id === boardId);
    if (board?.phase === 'private') steps.push({ type: 'board.setPhase', boardId, phase: 'open' });
    if (state.focusBoardId === boardId) steps.push({ type: 'board.focus', boardId: null });
  }
  if (setup.breakout && state.breakouts.current?.status === 'open') steps.push({ type: 'breakout.close' });
  return steps;
}

/**
 * A8: the commands "Start" on a segment runs, in order: the tidy-up of the segment it leaves (A9,
 * none when it is the current one: starting it again re-applies its setup), making it current,
 * then its setup: timer, floor, board (lock, focus, phase, vote), breakout (create, deal, open).
 * Only steps that change something are listed. The web app shows this list as the preview; there
 * the server's draw is not known (`shuffled`, `breakoutId` absent), so the random parts are listed
 * without their people: a random round without `participantIds`, a reflecting team and random
 * groups empty. The server's `decide` runs the same function with the draw filled in.
 * An unknown segment gives an empty list.
 */
export function segmentSteps(state: StepFacts, segmentId: string, options: StepOptions = {}): Command[] {
  const segment = state.agenda.segments.find((s) => s.id === segmentId);
  if (!segment) return [];
  const steps: Command[] = [];
  let facts = state;
  if (state.agenda.currentId !== segmentId) {
    const tidy = tidyUpSteps(state);
    steps.push(...tidy, { type: 'agenda.jump', segmentId });
    facts = afterTidyUp(state, tidy);
  }
  const setup = segment.setup;
  if (!setup) return steps;
  if (setup.timerMinutes !== undefined) {
    steps.push({
      type: 'timer.start',
      scope: PLENARY,
      durationMs: setup.timerMinutes * 60_000,
      label: segmentTimerLabel(segment.title),
    });
  }
  if (setup.floor) steps.push(floorStep(facts, setup.floor, options));
  if (setup.board) steps.push(...boardSteps(facts, setup.board));
  if (setup.breakout) steps.push(...breakoutSteps(facts, setup.breakout, options));
  return steps;
}

/** The facts as the tidy-up leaves them, so the setup's own steps are judged after it. */
function afterTidyUp(state: StepFacts, tidy: readonly Command[]): StepFacts {
  let facts = state;
  for (const step of tidy) {
    if (step.type === 'board.focus') facts = { ...facts, focusBoardId: step.boardId };
    if (step.type === 'breakout.close') facts = { ...facts, breakouts: { current: { status: 'closed' } } };
    if (step.type === 'board.setPhase') {
      const boardId = step.boardId;
      facts = { ...facts, boards: facts.boards.map((b) => (b.id === boardId ? { ...b, phase: 'open' } : b)) };
    }
  }
  return facts;
}

/** Who the plenary floor draws from: present members who take the floor, in the server's order. */
function floorPool(state: StepFacts, options: StepOptions): string[] | null {
  if (!options.shuffled) return null;
  const online = options.online ? new Set(options.online) : null;
  return options.shuffled.filter((id) => {
    const who = state.participants[id];
    return !!who && !who.removed && takesTheFloor(who.role) && (online === null || online.has(id));
  });
}

function floorStep(
  state: StepFacts,
  floor: SegmentFloorSetup,
  options: StepOptions,
): CommandOf<'floor.start'> {
  const start = (setup: CommandOf<'floor.start'>['setup']): CommandOf<'floor.start'> => ({
    type: 'floor.start',
    scope: PLENARY,
    setup,
  });
  switch (floor.mode) {
    case 'open':
      return start({ mode: 'open', quietFirst: floor.quietFirst ?? false });
    case 'round': {
      if (floor.orderBy === 'join') return start({ mode: 'round', orderBy: 'join' });
      const pool = floorPool(state, options);
      return start({ mode: 'round', orderBy: 'random', ...(pool ? { participantIds: pool } : {}) });
    }
    case 'piece':
      return start({ mode: 'piece' });
    case 'fishbowl':
      return start({ mode: 'fishbowl', seats: floor.seats });
    case 'reflecting':
      return start({
        mode: 'reflecting',
        teamIds: (floorPool(state, options) ?? []).slice(0, floor.teamSize),
      });
  }
}

/**
 * The setup's board, brought to everyone as planned. A board that does not exist or is archived
 * is still named: `decide` refuses the step (`not_found`, `conflict`), so Start is refused whole.
 */
function boardSteps(state: StepFacts, setup: NonNullable<SegmentSetup['board']>): Command[] {
  const { boardId } = setup;
  const board = state.boards.find((b) => b.id === boardId);
  const steps: Command[] = [];
  const locked = setup.locked ?? false;
  if (board?.locked !== locked) steps.push({ type: 'board.setLock', boardId, locked });
  if (state.focusBoardId !== boardId) steps.push({ type: 'board.focus', boardId });
  if (setup.phase && board?.phase !== setup.phase) {
    steps.push({ type: 'board.setPhase', boardId, phase: setup.phase });
  }
  if (setup.vote && !board?.vote?.open) steps.push({ type: 'vote.open', boardId, ...setup.vote });
  return steps;
}

/** BR1/BR3/BR8: rooms from the preset, dealt at random when the preset deals them, then opened. */
function breakoutSteps(
  state: StepFacts,
  setup: NonNullable<SegmentSetup['breakout']>,
  options: StepOptions,
): Command[] {
  const preset = breakoutPresetIn(setup.presetId, options.locale);
  if (!preset) return [];
  const steps: Command[] = [
    {
      ...preset.create,
      ...(options.breakoutId ? { breakoutId: options.breakoutId } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    },
  ];
  if (preset.assign === 'random') {
    const people = (options.shuffled ?? []).filter((id) => isAssignable(state, id));
    const rooms = preset.create.rooms;
    const count =
      rooms.by === 'names'
        ? rooms.rooms.length
        : rooms.by === 'count'
          ? rooms.count
          : roomSizeToCount(
              Object.keys(state.participants).filter((id) => isAssignable(state, id)).length,
              rooms.size,
            );
    const groups = options.shuffled ? balancedGroups(people, count) : [];
    steps.push({ type: 'breakout.assign', assign: { mode: 'random', groups } });
  }
  steps.push({ type: 'breakout.open', durationMs: setup.minutes * 60_000 });
  return steps;
}
