import type { AgendaState } from '@kring/protocol';

/**
 * The segment "Start next" starts: the one after the current segment or, with none current, the
 * first that has not run yet. Null at the end of the agenda.
 */
export function nextSegmentId(agenda: Pick<AgendaState, 'segments' | 'currentId'>): string | null {
  const { segments, currentId } = agenda;
  if (currentId !== null) {
    const i = segments.findIndex((s) => s.id === currentId);
    if (i >= 0) return segments[i + 1]?.id ?? null;
  }
  return segments.find((s) => s.startedAt === null)?.id ?? null;
}
