import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { CircleRole, Id, Role } from '@kring/protocol';

/**
 * What a token says: which session, which participant, which role they were given, and (J5) the
 * token epoch it was signed in. Tokens from before epochs existed have no `e`: they are epoch 0.
 */
export const TokenClaims = z.object({
  s: Id,
  p: Id,
  r: Role,
  v: z.literal(1),
  e: z.number().int().nonnegative().optional(),
});
export type TokenClaims = z.infer<typeof TokenClaims>;

/**
 * What a circle's personal link says (issue 16): which circle, which member, the role they were
 * given and the epoch of the link (core CI13). Strict and with a kind of its own, and signed under
 * its own domain (see `CIRCLE_DOMAIN`): a circle token never passes as a session token, nor a
 * session token as a circle token.
 */
export const CircleTokenClaims = z.strictObject({
  k: z.literal('circle'),
  c: Id,
  p: Id,
  r: CircleRole,
  e: z.number().int().nonnegative(),
  v: z.literal(1),
});
export type CircleTokenClaims = z.infer<typeof CircleTokenClaims>;

/** Prefixed to a circle token's body before it is signed, so its MAC is never a session token's. */
const CIRCLE_DOMAIN = 'kring-circle\n';

/**
 * Tokens are `base64url(json claims).base64url(hmac-sha256)`. They do not expire: a session's
 * link must keep working across days and restarts; removal is enforced by checking that the
 * participant still exists, and signing out (J5) by checking the token's epoch against theirs.
 * (Tokens ending with the session's retention belongs to the privacy work, not here.)
 */
export class TokenSigner {
  constructor(private readonly secret: Buffer) {}

  sign(claims: Omit<TokenClaims, 'v' | 'e'> & { e: number }): string {
    const body = Buffer.from(JSON.stringify({ ...claims, v: 1 })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string): TokenClaims | null {
    const json = this.open(token, '');
    const parsed = json === null ? null : TokenClaims.safeParse(json);
    return parsed?.success ? parsed.data : null;
  }

  /** A circle member's personal link token (issue 16). */
  signCircle(claims: Omit<CircleTokenClaims, 'v' | 'k'>): string {
    const body = Buffer.from(JSON.stringify({ k: 'circle', ...claims, v: 1 })).toString('base64url');
    return `${body}.${this.mac(body, CIRCLE_DOMAIN)}`;
  }

  verifyCircle(token: string): CircleTokenClaims | null {
    const json = this.open(token, CIRCLE_DOMAIN);
    const parsed = json === null ? null : CircleTokenClaims.safeParse(json);
    return parsed?.success ? parsed.data : null;
  }

  /** The JSON of a token's body when its MAC (in `domain`) holds, else null. */
  private open(token: string, domain: string): unknown {
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 2048) return null;
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body, domain), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
  }

  private mac(body: string, domain = ''): string {
    return createHmac('sha256', this.secret)
      .update(domain + body)
      .digest('base64url');
  }
}

/** The secret from the environment, else the one kept in DATA_DIR (created on first start). */
export function loadSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'utf8');
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('base64url') + '\n', { mode: 0o600 });
  return secret;
}
