import { m } from '$lib/paraglide/messages';
import type { AgendaState, SegmentKind, SegmentSetup, SegmentState } from '@kring/protocol';
import { sameSetup } from './setup';

const KIND_LABEL: Record<SegmentKind, () => string> = {
  talk: m.clock_kind_talk,
  round: m.clock_kind_round,
  open_floor: m.clock_kind_open_floor,
  breakouts: m.clock_kind_breakouts,
  board_work: m.clock_kind_board_work,
  qa: m.clock_kind_qa,
  break: m.clock_kind_break,
  closing: m.clock_kind_closing,
};

/** A segment kind in plain words, in the page's language. Call it where it is shown. */
export function kindLabel(kind: SegmentKind): string {
  return KIND_LABEL[kind]();
}

/**
 * current: running now. done: ran (it has a start time) and stopped. upcoming: has not run yet and
 * `next` would still reach it. skipped: has not run although the agenda already went past it.
 */
export type SegmentStatus = 'current' | 'done' | 'upcoming' | 'skipped';

export interface AgendaRow {
  segment: SegmentState;
  index: number;
  status: SegmentStatus;
  plannedMs: number;
  /** How long it ran (so far, for the current one); null when it never ran. */
  actualMs: number | null;
  /** For the current one: time past its planned length (0 while within it). */
  overMs: number;
  /** When an upcoming segment will probably start, going by the plan from the current one; null otherwise. */
  expectedStart: number | null;
}

const MINUTE = 60_000;

/** Planned against actual, segment by segment, at `now` (server time). */
export function agendaRows(agenda: AgendaState, now: number): AgendaRow[] {
  const currentIndex = agenda.segments.findIndex((s) => s.id === agenda.currentId);
  const current = agenda.segments[currentIndex];
  let cursor: number | null =
    current && current.startedAt !== null
      ? Math.max(now, current.startedAt + current.plannedMinutes * MINUTE)
      : null;
  return agenda.segments.map((segment, index) => {
    const plannedMs = segment.plannedMinutes * MINUTE;
    const isCurrent = index === currentIndex;
    const ran = segment.startedAt !== null;
    const status: SegmentStatus = isCurrent
      ? 'current'
      : ran
        ? 'done'
        : currentIndex >= 0 && index < currentIndex
          ? 'skipped'
          : 'upcoming';
    const end = isCurrent ? now : segment.endedAt;
    const actualMs = segment.startedAt !== null && end !== null ? Math.max(0, end - segment.startedAt) : null;
    let expectedStart: number | null = null;
    if (status === 'upcoming' && cursor !== null && index > currentIndex) {
      expectedStart = cursor;
      cursor += plannedMs;
    }
    const overMs = isCurrent && actualMs !== null ? Math.max(0, actualMs - plannedMs) : 0;
    return { segment, index, status, plannedMs, actualMs, overMs, expectedStart };
  });
}

/**
 * Where the agenda stands. empty: no segments. not_started: none has run. running: one is current.
 * paused: none current but some still to run. done: every segment has run and none is current.
 */
export type AgendaPhase = 'empty' | 'not_started' | 'running' | 'paused' | 'done';

export interface NowAndNext {
  phase: AgendaPhase;
  current: SegmentState | null;
  /** What `agenda.next` would make current. */
  next: SegmentState | null;
}

export function nowAndNext(agenda: AgendaState): NowAndNext {
  const { segments, currentId } = agenda;
  if (segments.length === 0) return { phase: 'empty', current: null, next: null };
  const index = segments.findIndex((s) => s.id === currentId);
  if (index >= 0) return { phase: 'running', current: segments[index]!, next: segments[index + 1] ?? null };
  const next = segments.find((s) => s.startedAt === null) ?? null;
  const anyRan = segments.some((s) => s.startedAt !== null);
  return { phase: !anyRan ? 'not_started' : next ? 'paused' : 'done', current: null, next };
}

export interface SegmentDraft {
  title: string;
  kind: SegmentKind;
  plannedMinutes: number;
  prompt: string;
  notes: string;
  /** What Start does (core A8); null: Start only makes it current. */
  setup: SegmentSetup | null;
}

/** Only what changed, as `agenda.update` wants it (A2); emptied prompt or notes become null (cleared). */
export function segmentChanges(
  before: SegmentState,
  draft: SegmentDraft,
): Partial<{
  title: string;
  kind: SegmentKind;
  plannedMinutes: number;
  prompt: string | null;
  notes: string | null;
  setup: SegmentSetup | null;
}> {
  const changes: ReturnType<typeof segmentChanges> = {};
  const title = draft.title.trim();
  if (title !== before.title) changes.title = title;
  if (draft.kind !== before.kind) changes.kind = draft.kind;
  if (draft.plannedMinutes !== before.plannedMinutes) changes.plannedMinutes = draft.plannedMinutes;
  const prompt = draft.prompt.trim() || null;
  if (prompt !== (before.prompt ?? null)) changes.prompt = prompt;
  const notes = draft.notes.trim() || null;
  if (notes !== (before.notes ?? null)) changes.notes = notes;
  if (!sameSetup(before.setup, draft.setup)) changes.setup = draft.setup;
  return changes;
}
