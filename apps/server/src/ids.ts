import { randomBytes, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET } from '@kring/protocol';

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}
