import type { BoardNote, NoteColor, ReactionId } from '@kring/board';
import type { VoteView } from '@kring/protocol';
import type { PlaceOption } from './model';
import type { MoveTarget } from './placing';

/** Who may group notes and move other people's (set per board by a facilitator). */
export type ArrangeRule = 'everyone' | 'own' | 'facilitators';

/** A refusal message for the person, or null when it worked. */
export type Outcome = Promise<string | null>;

/**
 * What the board's components may do and need to know, built once by BoardPanel. Every action
 * goes through `client.send` (the server enforces the rules) or, where there is no command
 * (placement, groups), through the board document.
 */
export interface BoardContext {
  readonly boardId: string;
  /** The id prefix of the board's shared icons (BoardIcons.svelte). */
  readonly icons: string;
  readonly anonymous: boolean;
  readonly facilitator: boolean;
  /** May add, edit own notes and react (`note.*` commands). */
  readonly contribute: boolean;
  /** May change the board's placement now at all (writes to the document): open, connected, writable. */
  readonly arrange: boolean;
  /** The board's rule for arranging, set by a facilitator. */
  readonly arrangeRule: ArrangeRule;
  /** May create, rename and ungroup groups (`arrange`, and the rule lets this person). */
  readonly mayGroup: boolean;
  /** An anonymous board whose new notes wait, hidden, until a facilitator shows them. */
  readonly screening: boolean;
  /** May vote (participants and facilitators while a vote is open). */
  readonly voter: boolean;
  readonly vote: VoteView | null;
  readonly places: PlaceOption[];
  isMine(note: BoardNote): boolean;
  /** May move this note (drag, "Move to…", up/down): `arrange` and the board's rule. */
  mayMove(note: BoardNote): boolean;
  authorName(note: BoardNote): string;
  myReactions(noteId: string): readonly ReactionId[];
  placeOf(noteId: string): string | null;
  save(note: BoardNote, text: string, color: NoteColor): Outcome;
  remove(note: BoardNote): Outcome;
  react(noteId: string, reaction: ReactionId, on: boolean): Outcome;
  castVote(noteId: string, delta: 1 | -1): Outcome;
  /** "Move to…": a `placeOptions` value, to the end of that list. */
  move(noteId: string, place: string): Outcome;
  /** One placement change (drag and drop): a list by key (`column:<id>` / `group:<id>`) and the note to sit before. */
  drop(noteId: string, key: string, before: string | null): Outcome;
  /** Moves a note one place up or down in its own list. */
  step(noteId: string, delta: -1 | 1): Outcome;
  /** Whether the note can go one place up (-1) or down (1) in its list. */
  canStep(noteId: string, delta: -1 | 1): boolean;
  /**
   * The one move behind all of the above (the board package's `moveNote`): to a column or group,
   * before a note (null: the end). Announces where it landed ("…, position 2 of 5").
   */
  moveNote(noteId: string, to: MoveTarget, before?: string | null): Outcome;
  hide(noteId: string, hidden: boolean): Outcome;
  removeForGood(noteId: string): Outcome;
  createGroup(columnId: string, title: string): Outcome;
  renameGroup(groupId: string, title: string): Outcome;
  removeGroup(groupId: string, title: string): Outcome;
}
