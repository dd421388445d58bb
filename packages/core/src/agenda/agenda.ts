import { type CommandOf, type EventOf, LIMITS, type SegmentSetup } from '@kring/protocol';
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

/** Setups are small plain data: equal when their JSON is (keys in the schema's order). */
const sameSetup = (a: SegmentSetup | null, b: SegmentSetup | null) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const canonical = (value: unknown): unknown =>
  value !== null && typeof value === 'object'
    ? Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, canonical(v)]),
      )
    : value;

/**
 * A1/A2: a setup names a board of this session (`not_found` otherwise), so a plan cannot point
 * at nothing. Whether the board can be brought to everyone (archived?) is judged at Start (A8),
 * since it may change until then.
 */
function refuseUnknownBoard(ctx: Ctx, setup: SegmentSetup | null | undefined): Decision | null {
  const boardId = setup?.board?.boardId;
  if (boardId === undefined || ctx.state.boards.some((b) => b.id === boardId)) return null;
  return refuse('not_found', 'the setup names a board that does not exist');
}

export function decideAgenda(ctx: Ctx, command: AgendaCommand): Decision {
  const { segments, currentId } = ctx.state.agenda;
  const base = { at: ctx.now, by: ctx.who.id };
  const indexOf = (id: string) => segments.findIndex((s) => s.id === id);
  const makeCurrent = (segmentId: string | null) =>
    segmentId === currentId ? unchanged() : accept({ type: 'agenda.currentChanged', ...base, segmentId });
  switch (command.type) {
    case 'agenda.add': {
      // A1: the server assigns the id (core has no randomness); the end unless an index is given.
      const { id, title, kind, plannedMinutes, prompt, notes, setup } = command.segment;
      if (!id) return refuse('bad_request', 'a new segment needs the id the server assigns');
      const unknownBoard = refuseUnknownBoard(ctx, setup);
      if (unknownBoard) return unknownBoard;
      if (indexOf(id) >= 0) return refuse('conflict', 'a segment with this id exists');
      if (segments.length >= LIMITS.agendaSegmentsMax) return refuse('too_large', 'the agenda is full');
      const index = Math.min(command.index ?? segments.length, segments.length);
      const segment = {
        id,
        title,
        kind,
        plannedMinutes,
        prompt: orNull(prompt),
        notes: orNull(notes),
        setup: setup ?? null,
      };
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
      if (wanted.setup !== undefined && !sameSetup(wanted.setup, segment.setup ?? null)) {
        const unknownBoard = refuseUnknownBoard(ctx, wanted.setup);
        if (unknownBoard) return unknownBoard;
        changes.setup = wanted.setup;
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
