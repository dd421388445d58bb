import type { BoardNote, NoteColor, ReactionId } from '@kring/board';
import type { VoteView } from '@kring/protocol';
import type { PlaceOption } from './model';

/** A refusal message for the person, or null when it worked. */
export type Outcome = Promise<string | null>;

/**
 * What the board's components may do and need to know, built once by BoardPanel. Every action
 * goes through `client.send` (the server enforces the rules) or, where there is no command
 * (placement, groups), through the board document.
 */
export interface BoardContext {
  readonly boardId: string;
  readonly anonymous: boolean;
  readonly facilitator: boolean;
  /** May add, edit own notes and react (`note.*` commands). */
  readonly contribute: boolean;
  /** May move notes and work on groups (writes to the document). */
  readonly arrange: boolean;
  /** May vote (participants and facilitators while a vote is open). */
  readonly voter: boolean;
  readonly vote: VoteView | null;
  readonly places: PlaceOption[];
  isMine(note: BoardNote): boolean;
  authorName(note: BoardNote): string;
  myReactions(noteId: string): readonly ReactionId[];
  placeOf(noteId: string): string | null;
  save(note: BoardNote, text: string, color: NoteColor): Outcome;
  remove(note: BoardNote): Outcome;
  react(noteId: string, reaction: ReactionId, on: boolean): Outcome;
  castVote(noteId: string, delta: 1 | -1): Outcome;
  move(noteId: string, place: string): Outcome;
  hide(noteId: string, hidden: boolean): Outcome;
  removeForGood(noteId: string): Outcome;
  createGroup(columnId: string, title: string): Outcome;
  renameGroup(groupId: string, title: string): Outcome;
  removeGroup(groupId: string, title: string): Outcome;
}
