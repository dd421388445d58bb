import { describe, expect, it } from 'vitest';
import { TokenSigner } from '../tokens';

describe('circle tokens (issue 16, CI13)', () => {
  const signer = new TokenSigner(Buffer.alloc(32, 7));
  const circle = { c: 'circle01', p: 'member01', r: 'member' as const, e: 2 };
  const session = { s: 'session01', p: 'person01', r: 'host' as const, e: 0 };

  it('round-trips a circle token with its kind', () => {
    expect(signer.verifyCircle(signer.signCircle(circle))).toEqual({ k: 'circle', ...circle, v: 1 });
  });

  it('a circle token never passes as a session token, nor a session token as a circle token', () => {
    expect(signer.verify(signer.signCircle(circle))).toBeNull();
    expect(signer.verifyCircle(signer.sign(session))).toBeNull();
  });

  it('a session token body re-signed as nothing else: claims with both shapes still fail each check', () => {
    // Even a body carrying both shapes, MAC'd as a session token, is no circle token (its own domain).
    const both = Buffer.from(JSON.stringify({ k: 'circle', ...circle, s: 'session01', v: 1 })).toString(
      'base64url',
    );
    const [, sessionMac] = signer.sign(session).split('.');
    expect(signer.verifyCircle(`${both}.${sessionMac}`)).toBeNull();
  });

  it('refuses a circle token whose claims were changed, or from another secret', () => {
    const [, mac] = signer.signCircle(circle).split('.');
    const promoted = Buffer.from(JSON.stringify({ k: 'circle', ...circle, r: 'host', v: 1 })).toString(
      'base64url',
    );
    expect(signer.verifyCircle(`${promoted}.${mac}`)).toBeNull();
    expect(new TokenSigner(Buffer.alloc(32, 8)).verifyCircle(signer.signCircle(circle))).toBeNull();
    for (const junk of ['', '.', 'abc', 'a.b.c']) expect(signer.verifyCircle(junk)).toBeNull();
  });
});
