export type NoteInputReason = 'empty' | 'too_long' | 'bad_color' | 'bad_id' | 'bad_owner_key' | 'bad_order';
export type BoardInputReason =
  NoteInputReason | 'unknown_template' | 'no_columns' | 'too_many_columns' | 'not_empty' | 'reserved_id';

/**
 * Thrown for input that must never reach the shared document. The message is plain language and
 * safe to show; `reason` is for code.
 */
export class BoardInputError extends Error {
  constructor(
    readonly reason: BoardInputReason,
    message: string,
  ) {
    super(message);
    this.name = 'BoardInputError';
  }
}

/** The note-specific subset (apps/web catches this one by name). */
export class NoteInputError extends BoardInputError {
  declare readonly reason: NoteInputReason;

  constructor(reason: NoteInputReason, message: string) {
    super(reason, message);
    this.name = 'NoteInputError';
  }
}
