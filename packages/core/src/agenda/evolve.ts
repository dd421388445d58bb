import type { EventOf, SegmentState } from '@kring/protocol';
import type { SessionState } from '../state';

export type AgendaEvent = EventOf<
  | 'agenda.segmentAdded'
  | 'agenda.segmentUpdated'
  | 'agenda.segmentRemoved'
  | 'agenda.segmentMoved'
  | 'agenda.currentChanged'
>;

export function evolveAgenda(state: SessionState, event: AgendaEvent): SessionState {
  const agenda = state.agenda;
  const segments = agenda.segments;
  const withSegments = (next: SegmentState[], currentId = agenda.currentId): SessionState => ({
    ...state,
    agenda: { segments: next, currentId },
  });
  switch (event.type) {
    case 'agenda.segmentAdded': {
      const next = [...segments];
      // Events recorded before segments had setups carry none: null, like a segment without one.
      next.splice(event.index, 0, {
        ...event.segment,
        setup: event.segment.setup ?? null,
        startedAt: null,
        endedAt: null,
      });
      return withSegments(next);
    }
    case 'agenda.segmentUpdated': {
      // Only keys that are present change (a copy cut for non-facilitators has no `notes`).
      const changes = Object.fromEntries(Object.entries(event.changes).filter(([, v]) => v !== undefined));
      return withSegments(segments.map((s) => (s.id === event.segmentId ? { ...s, ...changes } : s)));
    }
    case 'agenda.segmentRemoved':
      return withSegments(
        segments.filter((s) => s.id !== event.segmentId),
        agenda.currentId === event.segmentId ? null : agenda.currentId,
      );
    case 'agenda.segmentMoved': {
      const moving = segments.find((s) => s.id === event.segmentId);
      if (!moving) return state;
      const next = segments.filter((s) => s.id !== event.segmentId);
      next.splice(event.toIndex, 0, moving);
      return withSegments(next);
    }
    case 'agenda.currentChanged':
      // A6: actual times. A segment keeps when it first started; it gets a new end each time it stops.
      return withSegments(
        segments.map((s) => {
          if (s.id === agenda.currentId && s.id !== event.segmentId) return { ...s, endedAt: event.at };
          if (s.id === event.segmentId) return { ...s, startedAt: s.startedAt ?? event.at, endedAt: null };
          return s;
        }),
        event.segmentId,
      );
  }
}
