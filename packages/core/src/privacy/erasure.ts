import type { SessionEvent, SessionEventType } from '@kring/protocol';

/**
 * PR6: words that leave the session leave its stored event log too. The log is append-only for
 * facts, not for words: when an event deletes, removes, clears or edits words away, the earlier
 * events that carry them are rewritten in the same transaction, with the value the state now holds
 * (so a replay ends in the same state) or with nothing where the thing is gone.
 *
 * An erasure is data, so the store can apply it in SQL (`json_replace` where a path exists) and
 * tests can apply it in memory (`applyErasure`).
 */
export interface Erasure {
  /** Stored events of this type… */
  type: SessionEventType;
  /** …whose value at this JSON path (`$.a.b`) is `equals`… */
  where: { path: string; equals: string };
  /** …get these values at these paths, where the path exists in them (others are left alone). */
  set: Readonly<Record<string, string | null>>;
}

/** The text fields of a segment people type (its kind, minutes and setup are not words of anyone). */
const SEGMENT_WORDS = ['title', 'prompt', 'notes'] as const;

/** PR6: what `event` erases in the events stored before it. */
export function erasuresOf(event: SessionEvent): Erasure[] {
  switch (event.type) {
    case 'question.deleted':
      // Q5: deleted by its author, for good: its words and its author go.
      return [
        {
          type: 'question.asked',
          where: { path: '$.questionId', equals: event.questionId },
          set: { '$.text': '', '$.authorId': null, '$.ownerKey': null },
        },
      ];
    case 'announcement.cleared':
      return [
        {
          type: 'announcement.posted',
          where: { path: '$.announcementId', equals: event.announcementId },
          set: { '$.text': '' },
        },
      ];
    case 'agenda.segmentRemoved':
      return [
        {
          type: 'agenda.segmentAdded',
          where: { path: '$.segment.id', equals: event.segmentId },
          set: { '$.segment.title': '', '$.segment.prompt': null, '$.segment.notes': null },
        },
        {
          type: 'agenda.segmentUpdated',
          where: { path: '$.segmentId', equals: event.segmentId },
          set: { '$.changes.title': '', '$.changes.prompt': null, '$.changes.notes': null },
        },
      ];
    case 'agenda.segmentUpdated': {
      // Words edited away: earlier events say what the segment says now.
      const changed = SEGMENT_WORDS.filter((f) => event.changes[f] !== undefined);
      if (changed.length === 0) return [];
      const now = (f: (typeof SEGMENT_WORDS)[number]) => event.changes[f] ?? null;
      return [
        {
          type: 'agenda.segmentAdded',
          where: { path: '$.segment.id', equals: event.segmentId },
          set: Object.fromEntries(changed.map((f) => [`$.segment.${f}`, now(f)])),
        },
        {
          type: 'agenda.segmentUpdated',
          where: { path: '$.segmentId', equals: event.segmentId },
          set: Object.fromEntries(changed.map((f) => [`$.changes.${f}`, now(f)])),
        },
      ];
    }
    case 'participant.renamed':
    case 'participant.removed': {
      // A name edited away leaves for the new one; a removed person's name leaves altogether (RO5).
      const name = event.type === 'participant.renamed' ? event.displayName : '';
      const where = { path: '$.participantId', equals: event.participantId };
      return [
        { type: 'participant.joined', where, set: { '$.displayName': name } },
        { type: 'participant.renamed', where, set: { '$.displayName': name } },
      ];
    }
    case 'session.noticeChanged': {
      // PR7: an organiser's name or contact edited away (or cleared) leaves the log too.
      const set = { '$.organiser': event.organiser, '$.contact': event.contact };
      return [
        { type: 'session.noticeChanged', where: { path: '$.type', equals: 'session.noticeChanged' }, set },
      ];
    }
    case 'board.renamed': {
      const where = { path: '$.boardId', equals: event.boardId };
      return [
        { type: 'board.created', where, set: { '$.title': event.title } },
        { type: 'board.renamed', where, set: { '$.title': event.title } },
      ];
    }
    default:
      return [];
  }
}

/** A JSON path of the form `$.a.b` as its keys. */
const keysOf = (path: string): string[] => path.replace(/^\$\./, '').split('.');

function valueAt(value: unknown, keys: readonly string[]): unknown {
  let at: unknown = value;
  for (const k of keys) {
    if (at === null || typeof at !== 'object' || !(k in at)) return undefined;
    at = (at as Record<string, unknown>)[k];
  }
  return at;
}

/** `value` with `keys` set to `to`, where that path exists (like SQLite's `json_replace`). */
function replaced(value: unknown, keys: readonly string[], to: unknown): unknown {
  const [first, ...rest] = keys;
  if (first === undefined || value === null || typeof value !== 'object' || !(first in value)) return value;
  const record = value as Record<string, unknown>;
  return { ...record, [first]: rest.length === 0 ? to : replaced(record[first], rest, to) };
}

/** PR6 in memory: `erasure` applied to the events before version `before` (the store does it in SQL). */
export function applyErasure(
  events: readonly SessionEvent[],
  erasure: Erasure,
  before: number,
): SessionEvent[] {
  return events.map((e) => {
    if (e.v >= before || e.type !== erasure.type) return e;
    if (valueAt(e, keysOf(erasure.where.path)) !== erasure.where.equals) return e;
    let out: unknown = e;
    for (const [path, to] of Object.entries(erasure.set)) out = replaced(out, keysOf(path), to);
    return out as SessionEvent;
  });
}
