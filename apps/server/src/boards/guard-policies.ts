import {
  CLUSTERS_KEY,
  COLUMNS_KEY,
  META_KEY,
  NOTES_KEY,
  NOTE_AUTHOR_KEY,
  NOTE_CONTENT_KEYS,
  NOTE_PLACEMENT_KEYS,
  NOTE_SERVER_KEYS,
} from '@kring/board';
import type { BoardArrange } from '@kring/protocol';
import * as Y from 'yjs';
import type { Removal, Write } from './guard-reading';
import { valueProblem } from './guard-values';

/**
 * Who may change what on a board document (BD12), given what an update would do (guard-reading.ts).
 * One job: the rules per kind of connection. Each value that passes them is then checked against
 * the schema (guard-values.ts), on every path and for everyone.
 */
export type WritePolicy =
  /**
   * A participant on a named board. `arrange` (BD16; left out, `everyone`): who may move notes
   * they did not write and work on groups, as the board's rules are at this message.
   */
  | { kind: 'participant'; participantId: string; arrange?: BoardArrange }
  /**
   * A facilitator on a named board: the board's structure, but not the server's fields, and not
   * other people's words (facilitators hide or remove by command; they do not own people's words).
   */
  | { kind: 'facilitator'; participantId: string }
  /** A facilitator on an anonymous board: as above, but no notes of their own making (BD9). */
  | { kind: 'anonymousBoard' }
  /** Someone's drafts of a board (BD7): their own notes only. */
  | { kind: 'drafts'; ownerId: string };

const CONTENT: readonly string[] = NOTE_CONTENT_KEYS;
const PLACEMENT: readonly string[] = NOTE_PLACEMENT_KEYS;
const SERVER: readonly string[] = NOTE_SERVER_KEYS;

const ROOTS: Record<WritePolicy['kind'], readonly string[]> = {
  participant: [NOTES_KEY, CLUSTERS_KEY],
  facilitator: [NOTES_KEY, CLUSTERS_KEY, COLUMNS_KEY, META_KEY],
  anonymousBoard: [NOTES_KEY, CLUSTERS_KEY, COLUMNS_KEY, META_KEY],
  drafts: [NOTES_KEY],
};

/** Returns why the writes and removals are refused, or null when this connection may make them. */
export function judge(
  policy: WritePolicy,
  doc: Y.Doc,
  writes: readonly Write[],
  removals: readonly Removal[],
): string | null {
  const rules = new Rules(policy, doc);
  for (const write of writes) {
    const refusal = rules.write(write) ?? (write.live ? valueProblem(write.path, write.item.content) : null);
    if (refusal) return refusal;
  }
  for (const removal of removals) {
    const refusal = rules.remove(removal);
    if (refusal) return refusal;
  }
  return rules.unnamedNote(writes);
}

class Rules {
  constructor(
    private readonly policy: WritePolicy,
    private readonly doc: Y.Doc,
  ) {}

  write({ path, entry, newEntry, live, item }: Write): string | null {
    const [root, id, field, ...deeper] = path as [string, string, string | undefined, ...string[]];
    if (!ROOTS[this.policy.kind].includes(root)) return `writes ${root}`;
    if (root === CLUSTERS_KEY) return this.groups();
    if (root !== NOTES_KEY) return null;
    if (field === undefined) {
      if (!live) return null; // only displaces: judged as a removal
      if (this.policy.kind === 'anonymousBoard') return 'notes on an anonymous board are added by command';
      // A removed note's id stays taken: the server's records of it (author, votes) went with it.
      const before = this.doc.share.get(NOTES_KEY)?._map.get(id);
      if (before?.deleted) return 'uses the id of a note that was deleted';
      return null;
    }
    if (deeper.length > 0 || SERVER.includes(field)) return `writes ${field}, which only the server writes`;
    // A new note may carry its place (BD16: whatever the board's rules say about moving).
    if (newEntry) return field === NOTE_AUTHOR_KEY && live ? this.author(item) : null;
    if (PLACEMENT.includes(field)) return this.placement(entry);
    if (CONTENT.includes(field) && entry) return this.wordsOf(entry, 'changes');
    return `writes ${field} on an existing note`;
  }

  remove({ path, entry, how, item }: Removal): string | null {
    const [root, , field, ...deeper] = path as [string, string, string | undefined, ...string[]];
    const verb = how === 'replaced' ? 'replaces' : 'deletes';
    if (!ROOTS[this.policy.kind].includes(root)) return `${verb} ${root}`;
    if (root === CLUSTERS_KEY) return this.groups();
    if (root !== NOTES_KEY) return null;
    if (field === undefined) {
      // A new map at a note's key drops its author, and the server's fields: never.
      if (how === 'replaced') return 'writes over an existing note';
      if (hidden(item)) return 'a hidden note is deleted by command';
      return this.mayTouch(item) ? null : 'deletes someone else’s note';
    }
    if (deeper.length > 0 || SERVER.includes(field)) return `${verb} ${field}, which only the server writes`;
    if (PLACEMENT.includes(field)) return this.placement(entry);
    if (CONTENT.includes(field) && entry) return this.wordsOf(entry, verb);
    return `${verb} ${field} of a note`;
  }

  /** A participant's new note names its author (themselves: checked where it is written). */
  unnamedNote(writes: readonly Write[]): string | null {
    if (this.policy.kind !== 'participant') return null;
    const named = new Set<Y.Item | null>();
    for (const w of writes) if (w.live && w.newEntry && w.path[2] === NOTE_AUTHOR_KEY) named.add(w.entry);
    const isNewNote = (w: Write) => w.live && w.path[0] === NOTES_KEY && w.path.length === 2;
    return writes.some((w) => isNewNote(w) && !named.has(w.item)) ? 'adds a note without its author' : null;
  }

  /** BD16: whether this connection may create, rename, move or dissolve groups. */
  private groups(): string | null {
    return this.arrange() === 'everyone' ? null : 'works on groups, which this board leaves to facilitators';
  }

  /**
   * BD16: whether this connection may move an existing note (its column, group or order): anyone
   * who writes on the board when everyone arranges; with `own`, only its author; with
   * `facilitators`, no participant. A hidden note can still be moved (BD12).
   */
  private placement(note: Y.Item | null): string | null {
    switch (this.arrange()) {
      case 'everyone':
        return null;
      case 'own':
        return note && this.mayTouch(note) ? null : 'moves someone else’s note';
      case 'facilitators':
        return 'moves a note, which this board leaves to facilitators';
    }
  }

  /** Who arranges on this connection: only participants are held to the board's rule. */
  private arrange(): BoardArrange {
    return this.policy.kind === 'participant' ? (this.policy.arrange ?? 'everyone') : 'everyone';
  }

  /** The `authorId` a new note carries. */
  private author(item: Y.Item): string | null {
    const value = item.content instanceof Y.ContentAny ? item.content.arr[0] : undefined;
    switch (this.policy.kind) {
      case 'participant':
      case 'facilitator':
        return value === this.policy.participantId ? null : 'adds a note in someone else’s name';
      case 'drafts':
        return value === this.policy.ownerId ? null : 'adds a draft in someone else’s name';
      case 'anonymousBoard':
        return 'an anonymous board carries no authors';
    }
  }

  /** Whether this connection may change or delete the words (text, colour) of an existing note. */
  private wordsOf(note: Y.Item, verb: string): string | null {
    // A hidden note's words wait in the moderation document: the server puts them back.
    if (hidden(note)) return `${verb} the words of a hidden note`;
    return this.mayTouch(note) ? null : `${verb} the words of someone else’s note`;
  }

  /**
   * Whether this connection may change or delete an existing note's words or the note itself
   * (BD10): only its author, over the board; anyone in their own drafts. Facilitators hide or
   * remove others' notes by command (BD11), and on an anonymous board every note is the server's.
   */
  private mayTouch(note: Y.Item): boolean {
    switch (this.policy.kind) {
      case 'participant':
      case 'facilitator':
        return authorOf(note) === this.policy.participantId;
      case 'anonymousBoard':
        return false;
      case 'drafts':
        return true;
    }
  }
}

function mapOf(item: Y.Item): Y.Map<unknown> | undefined {
  const content = item.content;
  return content instanceof Y.ContentType && content.type instanceof Y.Map
    ? (content.type as Y.Map<unknown>)
    : undefined;
}

function authorOf(note: Y.Item): string | undefined {
  const author = mapOf(note)?.get(NOTE_AUTHOR_KEY);
  return typeof author === 'string' ? author : undefined;
}

function hidden(note: Y.Item): boolean {
  return mapOf(note)?.get('hidden') === true;
}
