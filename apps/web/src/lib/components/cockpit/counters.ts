import { PLENARY, type SessionView } from '@kring/protocol';

/**
 * What needs a facilitator now, counted from their view of the session. People waiting at the door
 * are not counted: a closed door refuses new people outright (J2), so nobody ever waits there.
 */
export interface Counters {
  /** Hands raised on the plenary's open floor. */
  hands: number;
  /** People with a private signal on ("I need a pause", "not today"). */
  signals: number;
  /** Rooms' help calls: people who asked for help while rooms are drafted or open. */
  help: number;
  /** Open questions (not hidden, not answered) this facilitator has not seen yet. */
  questions: number;
}

export type CounterKind = keyof Counters;
export const COUNTER_KINDS: readonly CounterKind[] = ['hands', 'signals', 'help', 'questions'];

type Facts = Pick<SessionView, 'floors' | 'signals' | 'participants' | 'breakouts' | 'questions'>;

export function countersOf(view: Facts, seenQuestions: ReadonlySet<string>): Counters {
  const floor = view.floors[PLENARY];
  const present = (id: string) => {
    const who = view.participants[id];
    return !!who && !who.removed;
  };
  const breakout = view.breakouts.current;
  return {
    hands: floor?.mode === 'open' ? floor.hands.filter((h) => present(h.participantId)).length : 0,
    signals: Object.entries(view.signals ?? {}).filter(
      ([id, s]) => present(id) && (s.pause !== null || s.notToday !== null),
    ).length,
    help: breakout && breakout.status !== 'closed' ? Object.keys(breakout.help).filter(present).length : 0,
    questions: openQuestionIds(view).filter((id) => !seenQuestions.has(id)).length,
  };
}

/** The questions a facilitator still acts on: neither hidden nor answered. */
export function openQuestionIds(view: Pick<SessionView, 'questions'>): string[] {
  return view.questions.filter((q) => !q.hidden && !q.answered).map((q) => q.id);
}

export function totalOf(counters: Counters): number {
  return COUNTER_KINDS.reduce((sum, kind) => sum + counters[kind], 0);
}

/** The counters that went up, to say aloud once; a counter going down needs no announcement. */
export function risen(before: Counters | null, after: Counters): CounterKind[] {
  if (!before) return [];
  return COUNTER_KINDS.filter((kind) => after[kind] > before[kind]);
}
