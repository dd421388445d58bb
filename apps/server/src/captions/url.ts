import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CA6: a caption URL's secret is a signature over the session and the URL's id, made with the
 * server's secret, so the secret itself is stored nowhere and the URL can be shown again to the
 * facilitators. Revoking is in the session state: a revoked id is refused whatever it is signed with.
 * The prefix keeps these signatures apart from token signatures made with the same secret.
 */
export class CaptionUrls {
  constructor(private readonly secret: Buffer) {}

  signature(sessionId: string, sourceId: string): string {
    return createHmac('sha256', this.secret)
      .update(`kring-caption-url\0${sessionId}\0${sourceId}`)
      .digest('base64url');
  }

  verify(sessionId: string, sourceId: string, given: unknown): boolean {
    if (typeof given !== 'string' || given.length > 100) return false;
    const expected = Buffer.from(this.signature(sessionId, sourceId));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /**
   * Where caption software posts. It appends `&seq=…&lang=…` (the query already has `sig`), and
   * asks `…/seq` (before the query) for the last `seq` it sent.
   */
  url(origin: string, sessionId: string, sourceId: string): string {
    return `${origin}/api/captions/${sessionId}/${sourceId}?sig=${this.signature(sessionId, sourceId)}`;
  }
}
