import { describe, expect, it } from 'vitest';
import { deleteTranscript, fetchSourceUrls, sourcesPath, transcriptPath } from './http';

describe('caption HTTP paths', () => {
  it('name the sources and the transcript of a session', () => {
    expect(sourcesPath('ab c')).toBe('/api/sessions/ab%20c/captions/sources');
    expect(transcriptPath('ABC', 'vtt', 'nl')).toBe(
      '/api/sessions/ABC/captions/transcript?format=vtt&lang=nl',
    );
    expect(transcriptPath('ABC')).toBe('/api/sessions/ABC/captions/transcript');
  });

  it('fetch the URLs with the bearer token', async () => {
    let auth = '';
    const fetchFn = (async (_path: string, init?: RequestInit) => {
      auth = (init?.headers as Record<string, string>).authorization ?? '';
      return new Response(
        JSON.stringify({
          sources: [
            {
              id: 'source01',
              scope: 'plenary',
              label: 'CART',
              addedAt: 1,
              revoked: false,
              url: 'https://x/c?t=1',
            },
            { id: 'source02', scope: 'plenary', label: 'Old', addedAt: 1, revoked: true, url: null },
          ],
        }),
      );
    }) as typeof fetch;
    expect(await fetchSourceUrls('ABC', 'tok', fetchFn)).toEqual({
      source01: 'https://x/c?t=1',
      source02: null,
    });
    expect(auth).toBe('Bearer tok');
  });

  it('deletes with DELETE and reports a refusal', async () => {
    let method = '';
    const ok = (async (_p: string, init?: RequestInit) => {
      method = init?.method ?? '';
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    await deleteTranscript('ABC', 'tok', ok);
    expect(method).toBe('DELETE');
    const no = (async () => new Response(null, { status: 403 })) as typeof fetch;
    await expect(deleteTranscript('ABC', 'tok', no)).rejects.toThrow();
  });
});
