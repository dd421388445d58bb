import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenSigner, loadSecret } from './tokens';

describe('tokens', () => {
  const signer = new TokenSigner(Buffer.alloc(32, 7));
  const claims = { s: 'session01', p: 'person01', r: 'participant' as const, e: 0 };

  it('round-trips the claims it signed', () => {
    expect(signer.verify(signer.sign(claims))).toEqual({ ...claims, v: 1 });
    expect(signer.verify(signer.sign({ ...claims, e: 3 }))?.e).toBe(3);
  });

  it('J5: still accepts a token signed before epochs existed (no `e`: epoch 0 to `authenticate`)', () => {
    const body = Buffer.from(JSON.stringify({ s: 'session01', p: 'person01', r: 'host', v: 1 })).toString(
      'base64url',
    );
    const mac = createHmac('sha256', Buffer.alloc(32, 7)).update(body).digest('base64url');
    expect(signer.verify(`${body}.${mac}`)).toEqual({ s: 'session01', p: 'person01', r: 'host', v: 1 });
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
