import { type CommandOf, type EventOf, LIMITS } from '@kring/protocol';
import { accept, type Ctx, type Decision, refuse, unchanged } from '../decision';

/** The agenda (A rules): timed segments and the one that is current. */

type AgendaCommand = CommandOf<
  | 'agenda.add'
  | 'agenda.update'
  | 'agenda.remove'
  | 'agenda.move'
  | 'agenda.next'
  | 'agenda.previous'
  | 'agenda.jump'
>;

/** Empty text clears an optional field, the same as null. */
const orNull = (text: string | null | undefined) => (text ? text : null);

export function decideAgenda(ctx: Ctx, command: AgendaCommand): Decision {
  const { segments, currentId } = ctx.state.agenda;
  const base = { at: ctx.now, by: ctx.who.id };
  const indexOf = (id: string) => segments.findIndex((s) => s.id === id);
  const makeCurrent = (segmentId: string | null) =>
    segmentId === currentId ? unchanged() : accept({ type: 'agenda.currentChanged', ...base, segmentId });
  switch (command.type) {
    case 'agenda.add': {
      // A1: the server assigns the id (core has no randomness); the end unless an index is given.
      const { id, title, kind, plannedMinutes, prompt, notes } = command.segment;
      if (!id) return refuse('bad_request', 'a new segment needs the id the server assigns');
      if (indexOf(id) >= 0) return refuse('conflict', 'a segment with this id exists');
      if (segments.length >= LIMITS.agendaSegmentsMax) return refuse('too_large', 'the agenda is full');
      const index = Math.min(command.index ?? segments.length, segments.length);
      const segment = { id, title, kind, plannedMinutes, prompt: orNull(prompt), notes: orNull(notes) };
      return accept({ type: 'agenda.segmentAdded', ...base, segment, index });
    }
    case 'agenda.update': {
      // A2: only what changes is recorded; nothing changing records nothing (C4).
      const segment = segments[indexOf(command.segmentId)];
      if (!segment) return refuse('not_found', 'no such segment');
      const wanted = command.changes;
      const changes: EventOf<'agenda.segmentUpdated'>['changes'] = {};
      if (wanted.title !== undefined && wanted.title !== segment.title) changes.title = wanted.title;
      if (wanted.kind !== undefined && wanted.kind !== segment.kind) changes.kind = wanted.kind;
      if (wanted.plannedMinutes !== undefined && wanted.plannedMinutes !== segment.plannedMinutes) {
        changes.plannedMinutes = wanted.plannedMinutes;
      }
      for (const key of ['prompt', 'notes'] as const) {
        if (wanted[key] !== undefined && orNull(wanted[key]) !== segment[key])
          changes[key] = orNull(wanted[key]);
      }
      if (Object.keys(changes).length === 0) return unchanged();
      return accept({ type: 'agenda.segmentUpdated', ...base, segmentId: segment.id, changes });
    }
    case 'agenda.remove':
      // Removing what is already gone changes nothing, so a retried command is harmless.
      if (indexOf(command.segmentId) < 0) return unchanged();
      // A3: the running segment stays until the agenda moves on, so its times stay true.
      if (command.segmentId === currentId)
        return refuse('conflict', 'move on before removing the current segment');
      return accept({ type: 'agenda.segmentRemoved', ...base, segmentId: command.segmentId });
    case 'agenda.move': {
      // A4
      const from = indexOf(command.segmentId);
      if (from < 0) return refuse('not_found', 'no such segment');
      const toIndex = Math.min(command.toIndex, segments.length - 1);
      if (toIndex === from) return unchanged();
      return accept({ type: 'agenda.segmentMoved', ...base, segmentId: command.segmentId, toIndex });
    }
    case 'agenda.next': {
      // A5: the segment after the current one (after the last, none: the agenda is done); with
      // no current segment, the first one that has not run yet.
      if (currentId !== null) return makeCurrent(segments[indexOf(currentId) + 1]?.id ?? null);
      const first = segments.find((s) => s.startedAt === null);
      if (!first)
        return refuse(
          'conflict',
          segments.length ? 'every segment has run; jump to one' : 'the agenda is empty',
        );
      return makeCurrent(first.id);
    }
    case 'agenda.previous': {
      const at = currentId === null ? -1 : indexOf(currentId);
      const previous = segments[at - 1];
      if (at <= 0 || !previous) return refuse('conflict', 'there is no previous segment');
      return makeCurrent(previous.id);
    }
    case 'agenda.jump':
      if (command.segmentId !== null && indexOf(command.segmentId) < 0) {
        return refuse('not_found', 'no such segment');
      }
      return makeCurrent(command.segmentId);
  }
}
