import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { Id } from '@kring/protocol';

/**
 * A registrant's personal link token (CI23): which circle and which registration. A kind of its
 * own, signed under its own domain, so it never passes as a session or circle token, nor they as
 * one (their MACs are over other domains). It carries no name and no e-mail address; a cancelled
 * or removed registration is gone from the store, so its token finds nothing.
 */
export const RegistrationClaims = z.strictObject({
  k: z.literal('registration'),
  c: Id,
  r: Id,
  v: z.literal(1),
});
export type RegistrationClaims = z.infer<typeof RegistrationClaims>;

const DOMAIN = 'kring-registration\n';

export class RegistrationTokens {
  constructor(private readonly secret: Buffer) {}

  sign(circleId: string, registrationId: string): string {
    const claims: RegistrationClaims = { k: 'registration', c: circleId, r: registrationId, v: 1 };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string): RegistrationClaims | null {
    const dot = token.indexOf('.');
    if (dot <= 0 || token.length > 2048) return null;
    const body = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.mac(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed = RegistrationClaims.safeParse(
        JSON.parse(Buffer.from(body, 'base64url').toString('utf8')),
      );
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret)
      .update(DOMAIN + body)
      .digest('base64url');
  }
}
