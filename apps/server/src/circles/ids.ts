import { randomBytes, randomInt } from 'node:crypto';
import { CIRCLE_CODE_LENGTH, JOIN_CODE_ALPHABET } from '@kring/protocol';

/**
 * A series id: 128 random bits. A link-only series' event page is found by its id alone, so it
 * must be as hard to guess as a secret link (a member id, like other ids, has 96).
 */
export function newSeriesId(): string {
  return randomBytes(16).toString('base64url');
}

/** A circle's public code: 8 characters of the join-code alphabet (40 bits). */
export function newCircleCode(): string {
  let code = '';
  for (let i = 0; i < CIRCLE_CODE_LENGTH; i++)
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
