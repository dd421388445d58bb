import { createHash } from 'node:crypto';
import {
  addNote,
  applyReactionCounts,
  applyTemplate,
  applyVoteCounts,
  editNoteText,
  forgetHiddenWords,
  hasWords,
  hiddenWordsOf,
  keepHiddenWords,
  NOTES_KEY,
  noteWordsOf,
  putWordsBackOnNote,
  readNotes,
  removeNoteForGood,
  setBoardMeta,
  setNoteColor,
  takeWordsOffNote,
  validateNoteText,
  type Note,
  type NoteWords,
  type ReactionCounts,
} from '@kring/board';
import {
  type Actor,
  type NoteFacts,
  type SessionState,
  type SessionTemplate,
  heldForScreening,
  recordRevealed,
} from '@kring/core';
import { type BoardState, type Command, type CommandOf, LIMITS, type Locale } from '@kring/protocol';
import * as Y from 'yjs';
import type { BoardSync } from '../boards';
import type { Log } from '../log';
import { type BoardStore, MODERATION_DOC, docIdOf, draftsDoc } from '../store/store';
import { shuffle } from './randomness';
import { KeyedSerial } from './serial';
import type { CommandResult, MeetingSetup, Outcome, SessionService } from './service';

type BoardCommand = Extract<Command, { type: `board.${string}` | `vote.${string}` | `note.${string}` }>;

/** Commands whose decision needs to know which notes the board document holds (core `context.notes`). */
const READS_NOTES: ReadonlySet<Command['type']> = new Set([
  'vote.cast',
  'note.react',
  'note.hide',
  'note.remove',
  'note.add',
  // BD11: a hidden note's author cannot put its words back by editing.
  'note.edit',
  // BD15: an anonymous note's owner key is in the document.
  'note.delete',
]);

/** Agenda commands whose batch may hold other parts' events (A8 Start, A9 tidy-up). */
const AGENDA_MOVES: ReadonlySet<Command['type']> = new Set([
  'agenda.start',
  'agenda.next',
  'agenda.previous',
  'agenda.jump',
]);

/** How often hiding tries again when the note's words change between keeping and taking them off. */
const HIDE_ATTEMPTS = 3;

/**
 * Board commands on the server (and `breakout.create`, whose rooms each get a board): core decides (with what the server read from the document), the
 * events are stored, and then this writes their effect into the board document as the
 * authoritative peer (ARCHITECTURE.md, data plane) — inside the session's queue, so effects land
 * in the order the commands were decided. The reveal (BD8) runs after its command, once per board
 * at a time.
 */
export class BoardCommands {
  private readonly reveals = new KeyedSerial();

  constructor(
    private readonly sessions: SessionService,
    private readonly boards: BoardSync,
    private readonly store: BoardStore & { draftOwners(boardId: string): Promise<string[]> },
    private readonly log: Log,
  ) {}

  async run(sessionId: string, command: Command, actor: Actor): Promise<CommandResult> {
    if (command.type === 'breakout.create') {
      // Every room's board is set up from this template: find out before anything is recorded.
      const refusal = templateRefusal(command.boardTemplateId ?? 'blank', 'Room');
      if (refusal) return { ok: false, error: { code: 'bad_request', message: refusal } };
      return this.sessions.execute(sessionId, command, actor, {
        after: (outcome) => this.setUpRoomBoards(outcome, command.locale),
      });
    }
    if (AGENDA_MOVES.has(command.type)) return this.runAgendaMove(sessionId, command, actor);
    if (command.type === 'participant.leave') return this.runLeave(sessionId, command, actor);
    if (!isBoardCommand(command)) return this.sessions.execute(sessionId, command, actor);
    if (command.type === 'board.add') {
      // The template must apply to an empty document; find out before anything is recorded.
      const refusal = templateRefusal(command.templateId, command.title, command.columns);
      if (refusal) return { ok: false, error: { code: 'bad_request', message: refusal } };
    }
    const notes = READS_NOTES.has(command.type)
      ? await this.notesOf(sessionId, command.boardId ?? null)
      : undefined;
    const result = await this.sessions.execute(sessionId, command, actor, {
      ...(notes ? { notes } : {}),
      after: (outcome) => this.effect(command, actor, outcome),
    });
    if (result.ok && command.type === 'board.setPhase' && command.phase === 'open') {
      await this.reveal(sessionId, command.boardId);
    }
    return result;
  }

  /**
   * A8/A9: Start on a segment (and moving the agenda, whose tidy-up may end private writing) is
   * one batch of events from several parts; each part's effect on the documents follows as if it
   * had been done by hand: rooms' boards are set up, vote counts written, and a board whose
   * private phase ended is revealed (BD8), after the batch is stored.
   */
  private async runAgendaMove(sessionId: string, command: Command, actor: Actor): Promise<CommandResult> {
    const locale = command.type === 'agenda.start' ? command.locale : undefined;
    const revealed: string[] = [];
    const result = await this.sessions.execute(sessionId, command, actor, {
      after: async (outcome) => {
        await this.setUpRoomBoards(outcome, locale);
        for (const e of outcome.events) {
          if (e.type === 'vote.opened') {
            const board = outcome.state.boards.find((b) => b.id === e.boardId);
            if (board) await this.boards.change(board.id, (doc) => applyVoteCounts(doc, publicTotals(board)));
          }
          if (e.type === 'board.phaseChanged' && e.phase === 'open') revealed.push(e.boardId);
        }
      },
    });
    if (result.ok) for (const boardId of revealed) await this.reveal(sessionId, boardId);
    return result;
  }

  /**
   * PR8: leaving with your words. Core decides from the state and from every board's document (notes
   * written over the board connection, owner keys of anonymous notes); then the words leave the
   * documents the way deleting each note by hand takes them (BD10, BD11: compacted, moderation
   * words forgotten), counts follow, and the person's private drafts are cleared.
   */
  private async runLeave(
    sessionId: string,
    command: CommandOf<'participant.leave'>,
    actor: Actor,
  ): Promise<CommandResult> {
    const state = await this.sessions.get(sessionId);
    const boardNotes = new Map<string, Map<string, NoteFacts>>();
    for (const board of state?.boards ?? []) {
      boardNotes.set(board.id, await this.boards.read(board.id, (doc) => factsOf(readNotes(doc))));
    }
    return this.sessions.execute(sessionId, command, actor, {
      boardNotes,
      countsAsOne: true,
      after: (outcome) => this.takeWordsAway(actor.participantId, outcome),
    });
  }

  /** PR8: what leaving means in the documents, board by board. */
  private async takeWordsAway(personId: string, { events, state }: Outcome): Promise<void> {
    if (!events.some((e) => e.type === 'participant.removed')) return;
    const changes = new Map<string, { deleted: string[]; reacted: Set<string>; voted: boolean }>();
    const changesOf = (boardId: string) => {
      const found = changes.get(boardId) ?? { deleted: [], reacted: new Set<string>(), voted: false };
      changes.set(boardId, found);
      return found;
    };
    for (const e of events) {
      if (e.type === 'note.deleted') changesOf(e.boardId).deleted.push(e.noteId);
      if (e.type === 'note.reactionChanged') changesOf(e.boardId).reacted.add(e.noteId);
      if (e.type === 'vote.changed') changesOf(e.boardId).voted = true;
    }
    for (const [boardId, { deleted, reacted, voted }] of changes) {
      const board = state.boards.find((b) => b.id === boardId);
      if (!board) continue;
      for (const noteId of deleted) await this.forgetHiddenWords(boardId, noteId);
      await this.boards.change(
        boardId,
        (doc) => {
          for (const noteId of deleted) removeNoteForGood(doc, noteId);
          for (const noteId of reacted) applyReactionCounts(doc, noteId, reactionCounts(board, noteId));
          if (voted || deleted.length > 0) applyVoteCounts(doc, publicTotals(board));
        },
        { compact: deleted.length > 0 },
      );
    }
    for (const board of state.boards) {
      if (!(await this.store.draftOwners(board.id)).includes(personId)) continue;
      await this.boards.change(
        docIdOf(board.id, draftsDoc(personId)),
        (doc) => {
          const map = doc.getMap(NOTES_KEY);
          for (const id of [...map.keys()]) map.delete(id);
        },
        { compact: true },
      );
    }
  }

  /**
   * S2: a session from a session template. Its agenda and boards are recorded with the session in
   * one batch; then each new (empty) board document is set up from its board template, the same
   * way `board.add` does it. S4: `template` is already in the facilitator's language (core
   * `sessionTemplateIn`); `locale` says which, so the board templates' own column titles and
   * prompts (and `meta.locale`) follow it too.
   */
  async createFromTemplate(
    title: string,
    template: SessionTemplate,
    hostName?: string,
    locale?: Locale,
    meeting?: MeetingSetup,
  ): Promise<Awaited<ReturnType<SessionService['create']>>> {
    const created = await this.sessions.create(title, hostName, template, locale, meeting);
    const boards = created.state.boards;
    for (const [index, spec] of template.boards.entries()) {
      const board = boards[index];
      if (!board) continue;
      await this.setUpBoard(board.id, {
        ...spec,
        title: board.title,
        anonymous: board.anonymous,
        ...(locale ? { locale } : {}),
      });
    }
    return created;
  }

  /**
   * BR1: each room of a new breakout gets its board, set up from the breakout's board template
   * like `board.add` sets one up, titled with the room's name. Runs in the session's queue, so the
   * boards are ready before the next command (say, `breakout.open`) is decided.
   */
  private async setUpRoomBoards({ events, state }: Outcome, locale?: Locale): Promise<void> {
    for (const e of events) {
      if (e.type !== 'breakout.created') continue;
      for (const room of e.rooms) {
        const board = state.boards.find((b) => b.id === room.boardId);
        if (!board) continue;
        await this.setUpBoard(board.id, {
          templateId: e.boardTemplateId,
          title: board.title,
          anonymous: board.anonymous,
          ...(locale ? { locale } : {}),
        });
      }
    }
  }

  /**
   * BD1: sets a new, empty board document up from its board template (meta and columns), in the
   * given language (S4; English when left out).
   */
  private setUpBoard(
    boardId: string,
    spec: {
      templateId: string;
      title: string;
      anonymous: boolean;
      columns?: readonly string[];
      locale?: Locale;
    },
  ): Promise<void> {
    return this.boards.change(boardId, (doc) => {
      applyTemplate(doc, spec.templateId, {
        title: spec.title,
        anonymous: spec.anonymous,
        ...(spec.columns ? { columnTitles: spec.columns } : {}),
        ...(spec.locale ? { locale: spec.locale } : {}),
      });
    });
  }

  /** The notes of a board of this session as its document holds them (none for a foreign board). */
  private async notesOf(
    sessionId: string,
    boardId: string | null,
  ): Promise<Map<string, NoteFacts> | undefined> {
    const state = await this.sessions.get(sessionId);
    if (!boardId || !state?.boards.some((b) => b.id === boardId)) return undefined;
    return this.boards.read(boardId, (doc) => factsOf(readNotes(doc)));
  }

  /** Writes what an accepted command means into the board document. */
  private async effect(command: BoardCommand, actor: Actor, { events, state }: Outcome): Promise<void> {
    const boardId = command.type === 'board.add' ? createdBoardId(events) : command.boardId;
    const board = boardId ? state.boards.find((b) => b.id === boardId) : undefined;
    if (!board) return;
    switch (command.type) {
      case 'board.add':
        return this.setUpBoard(board.id, {
          templateId: command.templateId,
          title: command.title,
          anonymous: board.anonymous,
          ...(command.columns ? { columns: command.columns } : {}),
          ...(command.locale ? { locale: command.locale } : {}),
        });
      case 'board.rename':
        if (events.length === 0) return;
        return this.boards.change(board.id, (doc) => setBoardMeta(doc, { title: board.title }));
      case 'board.archive':
      case 'vote.open':
      case 'vote.close':
      case 'vote.cast':
        return this.boards.change(board.id, (doc) => applyVoteCounts(doc, publicTotals(board)));
      case 'note.react':
        return this.boards.change(board.id, (doc) => {
          applyReactionCounts(doc, command.noteId, reactionCounts(board, command.noteId));
        });
      case 'note.hide':
        // Also when nothing was recorded (C4): it finishes a hide or show that was interrupted.
        return command.hidden
          ? this.hideNote(board.id, command.noteId)
          : this.showNote(board.id, command.noteId);
      case 'note.remove':
      case 'note.delete':
        if (events.length === 0) return;
        // BD10/BD11: the words leave the documents and, by compacting, the stored logs. The
        // moderation entry goes first: should we stop between the two, the note is still on the
        // board to be removed again, and no words are left where nothing points to them.
        await this.forgetHiddenWords(board.id, command.noteId);
        return this.boards.change(
          board.id,
          (doc) => {
            removeNoteForGood(doc, command.noteId);
            applyVoteCounts(doc, publicTotals(board));
          },
          { compact: true },
        );
      case 'note.add': {
        const added = events.find((e) => e.type === 'note.added');
        if (!added || added.type !== 'note.added') return;
        // BD17: a screened note's words go to the moderation document only, and the note onto
        // the board hidden, as hiding leaves it (BD11, BD14): no board connection ever has them.
        const held = heldForScreening(board, roleOf(state, actor.participantId));
        if (held) {
          await this.keepWords(board.id, added.noteId, {
            text: validateNoteText(command.text),
            color: command.color,
          });
        }
        return this.boards.change(board.id, (doc) => {
          addNote(doc, {
            id: added.noteId,
            text: command.text,
            color: command.color,
            ...(held ? { hidden: true } : {}),
            // BD9: an anonymous board's document never names an author; BD15: its owner key
            // (the hash of its writer's secret) is what makes the note theirs.
            ...(board.anonymous
              ? command.ownerKey
                ? { ownerKey: command.ownerKey }
                : {}
              : { authorId: actor.participantId }),
            ...(command.columnId ? { columnId: command.columnId } : {}),
            createdAt: added.at,
          });
        });
      }
      case 'note.edit':
        return this.boards.change(board.id, (doc) => {
          if (command.text !== undefined) editNoteText(doc, command.noteId, command.text);
          if (command.color !== undefined) setNoteColor(doc, command.noteId, command.color);
        });
      case 'board.setLock':
      case 'board.focus':
      case 'board.setPhase':
      case 'board.setRules':
        // BD16/BD17: the rules live in the session state, where the write guard and screening read them.
        return;
    }
  }

  /**
   * BD11/BD14: hiding takes a note's words off the board into its moderation document, so no
   * board connection receives them any more. Keep first, then take off (and compact the board's
   * log): a crash between the two leaves the words in both places, never in neither, and hiding
   * again finishes it. Should the words change between reading and taking them off (the author
   * was still writing), nothing is taken off and it starts over with the new words.
   */
  private async hideNote(boardId: string, noteId: string): Promise<void> {
    const moderation = docIdOf(boardId, MODERATION_DOC);
    for (let attempt = 0; attempt < HIDE_ATTEMPTS; attempt++) {
      const words = await this.boards.read(boardId, (doc) => noteWordsOf(doc, noteId));
      if (!words) return; // gone meanwhile: nothing to hide
      // Compacted too: words kept by an earlier attempt (or an earlier hide) must not linger in its log.
      if (hasWords(words)) {
        await this.boards.change(moderation, (doc) => keepHiddenWords(doc, noteId, words), { compact: true });
      }
      let outcome = 'missing';
      await this.boards.change(
        boardId,
        (doc) => {
          outcome = takeWordsOffNote(doc, noteId, words);
        },
        { compact: hasWords(words) },
      );
      if (outcome !== 'changed') return;
    }
    this.log('warn', 'note not hidden: its words kept changing', { boardId });
  }

  /**
   * BD11/BD14: showing puts the words back on the board, then forgets them in the moderation
   * document (compacted): a crash between the two leaves them in both places, and showing again
   * finishes it.
   */
  private async showNote(boardId: string, noteId: string): Promise<void> {
    const moderation = docIdOf(boardId, MODERATION_DOC);
    const words = await this.boards.read(moderation, (doc) => hiddenWordsOf(doc, noteId));
    let shown = false;
    await this.boards.change(boardId, (doc) => {
      shown = putWordsBackOnNote(doc, noteId, words);
    });
    if (shown) await this.forgetHiddenWords(boardId, noteId);
  }

  /** BD17: keeps a held note's words in the board's moderation document (before the note goes on the board). */
  private keepWords(boardId: string, noteId: string, words: NoteWords): Promise<void> {
    return this.boards.change(docIdOf(boardId, MODERATION_DOC), (doc) => keepHiddenWords(doc, noteId, words));
  }

  /** Forgets a note's words in the board's moderation document, compacting its log (BD10, BD11). */
  private async forgetHiddenWords(boardId: string, noteId: string): Promise<void> {
    const moderation = docIdOf(boardId, MODERATION_DOC);
    if (!(await this.boards.read(moderation, (doc) => hiddenWordsOf(doc, noteId) !== null))) return;
    await this.boards.change(moderation, (doc) => forgetHiddenWords(doc, noteId), { compact: true });
  }

  /**
   * BD8: moves every draft note of a board onto it, records the authors, then clears what it
   * moved. Runs once per board at a time, only while the board is open (its drafts are read-only
   * then, so nothing is written to them meanwhile). Idempotent: a revealed note's id is derived
   * from its drafts document and draft id, so running again after an interruption adds nothing
   * twice, records nothing twice, and clears what is left.
   */
  reveal(sessionId: string, boardId: string): Promise<void> {
    return this.reveals.run(boardId, async () => {
      const board = (await this.sessions.get(sessionId))?.boards.find((b) => b.id === boardId);
      if (!board || board.phase !== 'open') return;
      const now = this.sessions.now();
      const drafts: { owner: string; draftIds: string[]; notes: RevealedNote[] }[] = [];
      const state = await this.sessions.get(sessionId);
      for (const owner of await this.store.draftOwners(boardId)) {
        // Someone removed from the session has lost every access (RO5): their drafts stay unrevealed.
        const person = state?.participants[owner];
        if (!person || person.removed) continue;
        const found = await this.boards.read(docIdOf(boardId, draftsDoc(owner)), (doc) => readNotes(doc));
        const taken = found.slice(0, LIMITS.draftNotesMax);
        // BD17: a screened board holds what people revealed, facilitators' notes excepted.
        const held = heldForScreening(board, person.role);
        drafts.push({
          owner,
          draftIds: taken.map((n) => n.id),
          notes: taken.flatMap((n) => revealed(board, owner, n, now, held)),
        });
      }
      const notes = drafts.flatMap((d) => d.notes);
      if (notes.length > 0) {
        // On an anonymous board, in random order: the document's own order of writes must not
        // group one person's notes together.
        const ordered = board.anonymous ? shuffle(notes) : notes;
        // BD17: held notes' words are kept first, as hiding keeps them; only for notes not on the
        // board yet (a run again must not keep the words of one a facilitator showed meanwhile).
        const onBoard = await this.boards.read(boardId, (doc) => new Set(doc.getMap(NOTES_KEY).keys()));
        const held = ordered.filter((n) => n.input.hidden && !onBoard.has(n.id));
        if (held.length > 0) {
          await this.boards.change(docIdOf(boardId, MODERATION_DOC), (doc) => {
            for (const n of held) keepHiddenWords(doc, n.id, { text: n.input.text, color: n.input.color });
          });
        }
        await this.boards.change(boardId, (doc) => {
          const existing = doc.getMap(NOTES_KEY);
          for (const note of ordered) if (!existing.has(note.id)) addNote(doc, note.input);
        });
        // BD15: an anonymous board's notes carry owner keys, and no author is recorded.
        const recorded = board.anonymous
          ? null
          : await this.sessions.record(sessionId, (state, at) =>
              recordRevealed(
                state,
                boardId,
                notes.map((n) => ({ noteId: n.id, authorId: n.authorId })),
                at,
              ),
            );
        if (recorded && !recorded.ok)
          this.log('warn', 'revealed notes not recorded', { boardId, code: recorded.error.code });
      }
      for (const { owner, draftIds } of drafts) {
        if (draftIds.length === 0) continue;
        await this.boards.change(
          docIdOf(boardId, draftsDoc(owner)),
          (doc) => {
            const map = doc.getMap(NOTES_KEY);
            for (const id of draftIds) map.delete(id);
          },
          { compact: true },
        );
      }
    });
  }
}

interface RevealedNote {
  id: string;
  authorId: string;
  input: Parameters<typeof addNote>[1];
}

/**
 * A draft note as it goes onto the board (BD17: `held`, hidden); nothing for a draft that is not a
 * valid note.
 */
function revealed(board: BoardState, owner: string, draft: Note, now: number, held: boolean): RevealedNote[] {
  let text: string;
  try {
    text = validateNoteText(draft.text);
  } catch {
    return [];
  }
  const id = revealedId(board.id, owner, draft.id);
  return [
    {
      id,
      authorId: owner,
      input: {
        id,
        text,
        color: draft.color,
        ...(draft.columnId && /^[A-Za-z0-9_-]{1,64}$/.test(draft.columnId)
          ? { columnId: draft.columnId }
          : {}),
        ...(board.anonymous
          ? { createdAt: now, ...(draft.ownerKey ? { ownerKey: draft.ownerKey } : {}) }
          : { authorId: owner, createdAt: Math.min(draft.createdAt || now, now) }),
        ...(held ? { hidden: true } : {}),
      },
    },
  ];
}

/**
 * A revealed note's id: the same for the same draft every time (so a reveal can run again), and
 * unguessable without the draft's own id, which only its owner knows (so the id says nothing
 * about who wrote it on an anonymous board).
 */
export function revealedId(boardId: string, owner: string, draftId: string): string {
  return createHash('sha256')
    .update(`${boardId}\u0000${owner}\u0000${draftId}`)
    .digest('base64url')
    .slice(0, 16);
}

/** What core needs to know of a document's notes (hidden; BD10/BD15: who or which key owns it). */
function factsOf(notes: readonly Note[]): Map<string, NoteFacts> {
  const facts = new Map<string, NoteFacts>();
  for (const note of notes) {
    facts.set(note.id, {
      hidden: note.hidden === true,
      ...(note.authorId ? { authorId: note.authorId } : {}),
      ...(note.ownerKey ? { ownerKey: note.ownerKey } : {}),
    });
  }
  return facts;
}

/** Someone's role now (someone gone counts as a participant: never a facilitator's say). */
function roleOf(state: SessionState, participantId: string) {
  return state.participants[participantId]?.role ?? 'participant';
}

/** VO6: the totals the document may carry — none while a hidden vote is open. */
function publicTotals(board: BoardState): Record<string, number> {
  const vote = board.vote;
  if (!vote || (vote.open && vote.hidden)) return {};
  return vote.totals;
}

/** BD13: the counts per kind on one note from who reacted with what. */
function reactionCounts(board: BoardState, noteId: string): ReactionCounts {
  const counts: ReactionCounts = {};
  for (const kinds of Object.values(board.reactions[noteId] ?? {})) {
    for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

/** Why a board template cannot set up an empty board with this title (and columns), or null. */
function templateRefusal(
  templateId: CommandOf<'board.add'>['templateId'],
  title: string,
  columns?: readonly string[],
): string | null {
  try {
    applyTemplate(new Y.Doc(), templateId, {
      title,
      ...(columns ? { columnTitles: columns } : {}),
    });
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : 'this template cannot be set up';
  }
}

function createdBoardId(events: readonly Outcome['events'][number][]): string | undefined {
  const created = events.find((e) => e.type === 'board.created');
  return created?.type === 'board.created' ? created.boardId : undefined;
}

function isBoardCommand(command: Command): command is BoardCommand {
  return /^(board|vote|note)\./.test(command.type);
}
