import { BoardInputError } from './errors';

/** Trims a title (board, column, cluster) and checks it is non-empty, one line and at most `max` long. */
export function validateTitle(text: string, max: number, what: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length === 0) throw new BoardInputError('empty', `A ${what} needs a title.`);
  if (clean.length > max) {
    throw new BoardInputError('too_long', `A ${what} title can have at most ${max} characters.`);
  }
  return clean;
}

/** Like `validateTitle`, but empty means "no prompt" (returns undefined). */
export function validatePrompt(text: string | undefined, max: number): string | undefined {
  const clean = (text ?? '').trim();
  if (clean.length === 0) return undefined;
  if (clean.length > max)
    throw new BoardInputError('too_long', `A prompt can have at most ${max} characters.`);
  return clean;
}
