import { describe, expect, it } from 'vitest';
import { DeleteError, deleteSession, probePrivacy } from './http';

const summary = {
  title: 'Intervision',
  retention: { kind: 'days', days: 30 },
  endedAt: null,
  expiresAt: 1_900_000_000_000,
  exporters: 'facilitators',
  organiser: 'Peer workers north',
  contact: null,
};

const answering = (status: number, body?: unknown) =>
  (async () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    })) as typeof fetch;

describe('reading the privacy notice before joining', () => {
  it('finds the session and what it keeps', async () => {
    let asked = '';
    const fetchFn = (async (url: string) => {
      asked = url;
      return new Response(JSON.stringify(summary), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await probePrivacy('ABC234', fetchFn)).toEqual({ found: 'exists', summary });
    expect(asked).toBe('/api/sessions/ABC234/privacy');
  });

  it('says an unknown code at once; anything else is unsure', async () => {
    expect(
      await probePrivacy('ABC234', answering(404, { error: { code: 'not_found', message: 'x' } })),
    ).toEqual({
      found: 'unknown',
    });
    expect(
      await probePrivacy('ABC234', answering(429, { error: { code: 'rate_limited', message: 'x' } })),
    ).toEqual({ found: 'unsure' });
    const offline = (async () => {
      throw new TypeError('offline');
    }) as typeof fetch;
    expect(await probePrivacy('ABC234', offline)).toEqual({ found: 'unsure' });
    expect(await probePrivacy('ABC234', answering(200, { odd: true }))).toEqual({
      found: 'exists',
      summary: null,
    });
  });
});

describe('the host deletes the session', () => {
  it('sends the token in a header and accepts 204', async () => {
    let init: RequestInit | undefined;
    const fetchFn = (async (_url: string, given: RequestInit) => {
      init = given;
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    await deleteSession('ABC234', 'tok', fetchFn);
    expect(init?.method).toBe('DELETE');
    expect(init?.headers).toEqual({ authorization: 'Bearer tok' });
  });

  it('says why when it is refused', async () => {
    await expect(deleteSession('ABC234', 'tok', answering(403))).rejects.toThrow(DeleteError);
    await expect(deleteSession('ABC234', 'tok', answering(403))).rejects.toThrow('only the host');
    await expect(deleteSession('ABC234', 'tok', answering(500))).rejects.toThrow('500');
  });
});
