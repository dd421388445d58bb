import { NoteInputError } from './errors';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** 16 url-safe characters from `crypto.getRandomValues` (which, unlike randomUUID, works on plain http). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b & 63];
  return id;
}

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/** Ids of notes, columns and clusters are map keys in the document: short and url-safe. */
export function assertValidId(id: string): string {
  if (!isValidId(id)) throw new NoteInputError('bad_id', 'Not a valid id.');
  return id;
}
