import { describe, expect, it } from 'vitest';
import { checkCode } from './probe';

const answering = (status: number) => (async () => new Response('{}', { status })) as typeof fetch;

describe('checkCode', () => {
  it('reads 404 as a code no session has, 401 as one that exists', async () => {
    expect(await checkCode('K7MPQ2', answering(404))).toBe('unknown');
    expect(await checkCode('K7MPQ2', answering(401))).toBe('exists');
  });

  it('is unsure without network or when rate limited, so the name form is still shown', async () => {
    const offline = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    expect(await checkCode('K7MPQ2', offline)).toBe('unsure');
    expect(await checkCode('K7MPQ2', answering(429))).toBe('unsure');
    expect(await checkCode('K7MPQ2', answering(500))).toBe('unsure');
  });

  it('asks without credentials, for that code', async () => {
    let asked: { url: string; init?: RequestInit } | null = null;
    const spy = (async (url: string, init?: RequestInit) => {
      asked = { url, init };
      return new Response('{}', { status: 401 });
    }) as typeof fetch;
    await checkCode('K7MPQ2', spy);
    expect(asked).toMatchObject({ url: '/api/sessions/K7MPQ2', init: { credentials: 'omit' } });
  });
});
