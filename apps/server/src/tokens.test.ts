import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenSigner, loadSecret } from './tokens';

describe('tokens', () => {
  const signer = new TokenSigner(Buffer.alloc(32, 7));
  const claims = { s: 'session01', p: 'person01', r: 'participant' as const };

  it('round-trips the claims it signed', () => {
    expect(signer.verify(signer.sign(claims))).toEqual({ ...claims, v: 1 });
  });

  it('refuses a token whose claims were changed, one from another secret, and junk', () => {
    const [, sig] = signer.sign(claims).split('.');
    const promoted = Buffer.from(JSON.stringify({ ...claims, r: 'host', v: 1 })).toString('base64url');
    expect(signer.verify(`${promoted}.${sig}`)).toBeNull();
    expect(new TokenSigner(Buffer.alloc(32, 8)).verify(signer.sign(claims))).toBeNull();
    for (const junk of ['', '.', 'abc', 'a.b.c', '💥.💥']) expect(signer.verify(junk)).toBeNull();
  });

  it('keeps a generated secret under the data directory so tokens survive a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kring-secret-'));
    try {
      expect(loadSecret(dir, undefined).equals(loadSecret(dir, undefined))).toBe(true);
      expect(loadSecret(dir, 'x'.repeat(32)).toString()).toBe('x'.repeat(32));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
