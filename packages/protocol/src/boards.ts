import * as z from 'zod/mini';
import { eventBase } from './event-base';
import { Locale } from './http';
import { Id } from './ids';
import { LIMITS } from './limits';
import { OwnerKey, OwnerSecret } from './owner-keys';
import { Text } from './text';

/**
 * Reflection boards (issue 4): several boards per session, private writing then reveal,
 * anonymous boards, dot voting, reactions and moderation. The board's content (notes, columns,
 * groups) lives in its Yjs document; what needs rules lives here, in the session engine's state,
 * and the server writes its effect into the document as an authoritative peer.
 *
 * The fixed vocabularies are defined here so the wire schemas can check them; `@kring/board`
 * re-exports them for the document helpers.
 */

/** Board templates (`@kring/board` holds their columns and texts). */
export const TEMPLATE_IDS = [
  'blank',
  'columns',
  'ips-four-tasks',
  'check-in',
  'low-threshold-self-assessment',
  'summit-planning',
  'intervision-incident',
] as const;
export const TemplateId = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof TemplateId>;

export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const NoteColor = z.enum(NOTE_COLORS);
export type NoteColor = z.infer<typeof NoteColor>;

/** The small fixed set of reactions (`@kring/board` `REACTIONS` adds their emoji). */
export const REACTION_IDS = ['heart', 'thanks', 'me-too', 'idea', 'question'] as const;
export const ReactionId = z.enum(REACTION_IDS);
export type ReactionId = z.infer<typeof ReactionId>;

/** `private`: everyone writes drafts only they can read; going back to `open` reveals them. */
export const BOARD_PHASES = ['open', 'private'] as const;
export const BoardPhase = z.enum(BOARD_PHASES);
export type BoardPhase = z.infer<typeof BoardPhase>;

/**
 * BD16: who may group notes and move other people's notes on a board: `everyone` (the default),
 * `own` (participants move only their own notes and leave groups alone) or `facilitators`.
 */
export const BOARD_ARRANGE = ['everyone', 'own', 'facilitators'] as const;
export const BoardArrange = z.enum(BOARD_ARRANGE);
export type BoardArrange = z.infer<typeof BoardArrange>;

/** Ids of notes are keys in the board document: short and url-safe (see `@kring/board`). */
export const NoteId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid note id'));

const count = z.int().check(z.nonnegative());

/**
 * A dot vote on one board. The server's copy holds every ballot; a client's copy holds only its
 * own (VO5), and `totals` is empty in a copy that may not see them yet (hidden and open, VO6).
 */
export const VoteState = z.object({
  open: z.boolean(),
  budget: z.int().check(z.positive()),
  capPerNote: z.int().check(z.positive()),
  hidden: z.boolean(),
  openedAt: z.number(),
  /** voter id → note id → votes (notes at 0 left out). */
  ballots: z.record(z.string(), z.record(z.string(), count)),
  /** note id → votes (notes at 0 left out). */
  totals: z.record(z.string(), count),
});
export type VoteState = z.infer<typeof VoteState>;

export const BoardState = z.object({
  id: Id,
  title: z.string(),
  locked: z.boolean(),
  templateId: TemplateId,
  anonymous: z.boolean(),
  archived: z.boolean(),
  phase: BoardPhase,
  vote: z.nullable(VoteState),
  /** note id → person → their reactions (BD13). A client's copy holds only its own. */
  reactions: z.record(z.string(), z.record(z.string(), z.array(ReactionId))),
  /**
   * Authors of notes added through commands or revealed from drafts (note id → person). The
   * server's copy holds all; a client's copy only its own notes (BD9): on an anonymous board this
   * is the only link between a note and its author, and it never leaves the server.
   */
  authors: z.record(z.string(), Id),
  /** BD16. Defaults so that states and events stored before it still load. */
  arrange: z._default(BoardArrange, 'everyone'),
  /** BD17: notes participants add to an anonymous board land hidden until a facilitator shows them. */
  screening: z._default(z.boolean(), false),
  /** CI26: a circle's lasting board (its notes outlive this session). */
  lasting: z._default(z.boolean(), false),
});
export type BoardState = z.infer<typeof BoardState>;

/** A vote as one person sees it (core `viewFor`). */
export const VoteView = z.object({
  open: z.boolean(),
  budget: z.int().check(z.positive()),
  capPerNote: z.int().check(z.positive()),
  hidden: z.boolean(),
  openedAt: z.number(),
  /** Everyone's votes per note; null while the vote is hidden and open (except for facilitators). */
  totals: z.nullable(z.record(z.string(), count)),
  /** Your own votes per note. */
  mine: z.record(z.string(), count),
  /** Votes you have left. */
  left: count,
});
export type VoteView = z.infer<typeof VoteView>;

/** A board as one person sees it: never who reacted, voted or (on anonymous boards) wrote what. */
export const BoardView = z.object({
  id: Id,
  title: z.string(),
  locked: z.boolean(),
  templateId: TemplateId,
  anonymous: z.boolean(),
  archived: z.boolean(),
  phase: BoardPhase,
  vote: z.nullable(VoteView),
  /** note id → your reactions on it. */
  myReactions: z.record(z.string(), z.array(ReactionId)),
  /** Notes you added through commands or revealed from your drafts (you may edit and delete them). */
  myNotes: z.array(z.string()),
  /** BD16/BD17: everyone sees the board's rules (people should know them). */
  arrange: BoardArrange,
  screening: z.boolean(),
  /** CI26: a circle's lasting board (kept between meetings). */
  lasting: z.boolean(),
});
export type BoardView = z.infer<typeof BoardView>;

// ---- Commands --------------------------------------------------------------------------------

export const SetBoardLock = z.strictObject({
  type: z.literal('board.setLock'),
  boardId: Id,
  locked: z.boolean(),
});

/** `boardId` is set by the server (any value a client sends is replaced). */
export const AddBoard = z.strictObject({
  type: z.literal('board.add'),
  boardId: z.optional(Id),
  title: Text(LIMITS.titleMax),
  templateId: TemplateId,
  anonymous: z.optional(z.boolean()),
  /** Column titles for the `columns` template (required there, refused elsewhere). */
  columns: z.optional(
    z.array(Text(LIMITS.titleMax)).check(z.minLength(1), z.maxLength(LIMITS.boardColumnsMax)),
  ),
  /** The language of the board template's column titles and prompts (core S4); left out, English. */
  locale: z.optional(Locale),
  /** BD16; left out, `everyone`. */
  arrange: z.optional(BoardArrange),
  /** BD17 (anonymous boards only); left out, off. */
  screening: z.optional(z.boolean()),
});
export const RenameBoard = z.strictObject({
  type: z.literal('board.rename'),
  boardId: Id,
  title: Text(LIMITS.titleMax),
});
export const ArchiveBoard = z.strictObject({
  type: z.literal('board.archive'),
  boardId: Id,
  archived: z.boolean(),
});
/** BD16/BD17: the board's rules; what is left out stays as it is. */
export const SetBoardRules = z
  .strictObject({
    type: z.literal('board.setRules'),
    boardId: Id,
    arrange: z.optional(BoardArrange),
    screening: z.optional(z.boolean()),
  })
  .check(z.refine((c) => c.arrange !== undefined || c.screening !== undefined, 'give arrange or screening'));
/** "Bring everyone here": the board every screen shows; null lets people choose. */
export const FocusBoard = z.strictObject({ type: z.literal('board.focus'), boardId: z.nullable(Id) });
/** `private` starts private writing; `open` reveals every draft onto the board. */
export const SetBoardPhase = z.strictObject({
  type: z.literal('board.setPhase'),
  boardId: Id,
  phase: BoardPhase,
});

export const OpenVote = z.strictObject({
  type: z.literal('vote.open'),
  boardId: Id,
  budget: z.int().check(z.gte(1), z.lte(LIMITS.voteBudgetMax)),
  capPerNote: z.int().check(z.gte(1), z.lte(LIMITS.voteBudgetMax)),
  hidden: z.boolean(),
});
export const CloseVote = z.strictObject({ type: z.literal('vote.close'), boardId: Id });
/** One vote more (+1) or one back (−1) on a note. */
export const CastVote = z.strictObject({
  type: z.literal('vote.cast'),
  boardId: Id,
  noteId: NoteId,
  delta: z.union([z.literal(1), z.literal(-1)]),
});

/** Sets (not toggles) one of your reactions, so a retry cannot undo itself. */
export const ReactToNote = z.strictObject({
  type: z.literal('note.react'),
  boardId: Id,
  noteId: NoteId,
  reaction: ReactionId,
  on: z.boolean(),
});
export const HideNote = z.strictObject({
  type: z.literal('note.hide'),
  boardId: Id,
  noteId: NoteId,
  hidden: z.boolean(),
});
/** Removes a note for good: its words leave the document and the store. */
export const RemoveNote = z.strictObject({ type: z.literal('note.remove'), boardId: Id, noteId: NoteId });

/**
 * Notes written through the server (the way to write on an anonymous board, where the document
 * must never carry who wrote what). `noteId` is set by the server. BD15: on an anonymous board,
 * `ownerKey` (the hash of a secret the writer's device keeps) is what makes the note theirs.
 */
export const AddNote = z.strictObject({
  type: z.literal('note.add'),
  boardId: Id,
  noteId: z.optional(Id),
  text: Text(LIMITS.noteTextMax),
  color: NoteColor,
  columnId: z.optional(NoteId),
  ownerKey: z.optional(OwnerKey),
});
/**
 * BD15: the writer of an anonymous note shows `ownerSecret`; the server turns it into `ownerKey`
 * (its hash) before core decides, replacing any `ownerKey` a client sent.
 */
const ownerProof = { ownerSecret: z.optional(OwnerSecret), ownerKey: z.optional(OwnerKey) };
export const EditNote = z
  .strictObject({
    type: z.literal('note.edit'),
    boardId: Id,
    noteId: NoteId,
    text: z.optional(Text(LIMITS.noteTextMax)),
    color: z.optional(NoteColor),
    ...ownerProof,
  })
  .check(z.refine((c) => c.text !== undefined || c.color !== undefined, 'give a text or a colour'));
export const DeleteNote = z.strictObject({
  type: z.literal('note.delete'),
  boardId: Id,
  noteId: NoteId,
  ...ownerProof,
});

export const BoardCommands = [
  SetBoardLock,
  AddBoard,
  RenameBoard,
  ArchiveBoard,
  FocusBoard,
  SetBoardPhase,
  SetBoardRules,
  OpenVote,
  CloseVote,
  CastVote,
  ReactToNote,
  HideNote,
  RemoveNote,
  AddNote,
  EditNote,
  DeleteNote,
] as const;

// ---- Events ----------------------------------------------------------------------------------

/** The first board of a session has neither `templateId` nor `anonymous` (blank, named). */
export const BoardCreated = z.object({
  ...eventBase,
  type: z.literal('board.created'),
  boardId: Id,
  title: z.string(),
  templateId: z.optional(TemplateId),
  anonymous: z.optional(z.boolean()),
  /** BD16/BD17: left out (also in events stored before them), the defaults. */
  arrange: z.optional(BoardArrange),
  screening: z.optional(z.boolean()),
  /** CI26: a circle's lasting board: its document belongs to the circle, not to this session. */
  lasting: z.optional(z.boolean()),
});
export const BoardLockChanged = z.object({
  ...eventBase,
  type: z.literal('board.lockChanged'),
  boardId: Id,
  locked: z.boolean(),
  by: Id,
});
export const BoardRenamed = z.object({
  ...eventBase,
  type: z.literal('board.renamed'),
  boardId: Id,
  title: z.string(),
  by: Id,
});
/** Archiving also takes the focus away from the board (BD3). */
export const BoardArchiveChanged = z.object({
  ...eventBase,
  type: z.literal('board.archiveChanged'),
  boardId: Id,
  archived: z.boolean(),
  by: Id,
});
export const BoardFocusChanged = z.object({
  ...eventBase,
  type: z.literal('board.focusChanged'),
  boardId: z.nullable(Id),
  by: Id,
});
export const BoardPhaseChanged = z.object({
  ...eventBase,
  type: z.literal('board.phaseChanged'),
  boardId: Id,
  phase: BoardPhase,
  by: Id,
});
/** BD16/BD17: the board's rules after the change, both of them. */
export const BoardRulesChanged = z.object({
  ...eventBase,
  type: z.literal('board.rulesChanged'),
  boardId: Id,
  arrange: BoardArrange,
  screening: z.boolean(),
  by: Id,
});
export const VoteOpened = z.object({
  ...eventBase,
  type: z.literal('vote.opened'),
  boardId: Id,
  budget: z.int().check(z.positive()),
  capPerNote: z.int().check(z.positive()),
  hidden: z.boolean(),
  by: Id,
});
/** Carries the final totals, so copies that could not see them while hidden get them now. */
export const VoteClosed = z.object({
  ...eventBase,
  type: z.literal('vote.closed'),
  boardId: Id,
  totals: z.record(z.string(), count),
  by: Id,
});
export const VoteChanged = z.object({
  ...eventBase,
  type: z.literal('vote.changed'),
  boardId: Id,
  noteId: z.string(),
  /** Null in every copy but the server's and the voter's own (VO5). */
  voterId: z.nullable(Id),
  delta: z.union([z.literal(1), z.literal(-1)]),
  /** The note's total afterwards; null in copies that may not see totals yet (VO6). */
  total: z.nullable(count),
});
/** Only the person who reacted receives this; everyone else gets `event.redacted` (BD13). */
export const NoteReactionChanged = z.object({
  ...eventBase,
  type: z.literal('note.reactionChanged'),
  boardId: Id,
  noteId: z.string(),
  participantId: Id,
  reaction: ReactionId,
  on: z.boolean(),
});
/**
 * A note written through the server (or revealed from drafts) and who wrote it. No text: the
 * words live in the board document only, so removing them removes them everywhere. Only the
 * author receives this; everyone else gets `event.redacted` (BD9). BD15: null on an anonymous
 * board (its note carries an owner key in the document instead); events stored before BD15 may
 * name the author of an anonymous note.
 */
export const NoteAdded = z.object({
  ...eventBase,
  type: z.literal('note.added'),
  boardId: Id,
  noteId: z.string(),
  authorId: z.nullable(Id),
});
export const NoteHiddenChanged = z.object({
  ...eventBase,
  type: z.literal('note.hiddenChanged'),
  boardId: Id,
  noteId: z.string(),
  hidden: z.boolean(),
  by: Id,
});
/** Deleted by its author (`by` is left out: on an anonymous board that would name them). */
export const NoteDeleted = z.object({
  ...eventBase,
  type: z.literal('note.deleted'),
  boardId: Id,
  noteId: z.string(),
});
/** Removed for good by a facilitator. */
export const NoteRemoved = z.object({
  ...eventBase,
  type: z.literal('note.removed'),
  boardId: Id,
  noteId: z.string(),
  by: Id,
});

export const BoardEvents = [
  BoardCreated,
  BoardLockChanged,
  BoardRenamed,
  BoardArchiveChanged,
  BoardFocusChanged,
  BoardPhaseChanged,
  BoardRulesChanged,
  VoteOpened,
  VoteClosed,
  VoteChanged,
  NoteReactionChanged,
  NoteAdded,
  NoteHiddenChanged,
  NoteDeleted,
  NoteRemoved,
] as const;
