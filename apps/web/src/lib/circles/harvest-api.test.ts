import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api';
import { deleteHarvest, fetchHarvest, harvestFileName, keepHarvest } from './api';

/** The kept harvests' calls (CI28): the token always in a header, refusals as `ApiError`s. */

interface Asked {
  url: string;
  method: string;
  authorization: string | null;
}

/** A fetch that records what it was asked and gives one answer. */
function server(answer: () => Response): { fetchFn: typeof fetch; asked: Asked[] } {
  const asked: Asked[] = [];
  const fetchFn = (async (url: string, init: RequestInit = {}) => {
    asked.push({
      url,
      method: init.method ?? 'GET',
      authorization: new Headers(init.headers).get('authorization'),
    });
    return answer();
  }) as unknown as typeof fetch;
  return { fetchFn, asked };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const summary = {
  id: 'harvest123',
  seriesId: 'series123',
  key: '2027-10-10',
  title: 'Peer circle — 10 October',
  keptAt: 1_900_000_000_000,
};

describe('keepHarvest', () => {
  it('posts to the meeting with the host token and reads the summary', async () => {
    const { fetchFn, asked } = server(() => json(201, summary));
    expect(await keepHarvest('ABC234', 'series123', '2027-10-10', 'tok', fetchFn)).toEqual(summary);
    expect(asked).toEqual([
      {
        url: '/api/circles/ABC234/series/series123/meetings/2027-10-10/harvest',
        method: 'POST',
        authorization: 'Bearer tok',
      },
    ]);
  });

  it('says when the meeting has no session any more', async () => {
    const { fetchFn } = server(() => json(404, { error: { code: 'not_found', message: 'no session' } }));
    const refused = await keepHarvest('ABC234', 'series123', '2027-10-10', 'tok', fetchFn).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('fetchHarvest', () => {
  it('reads the Markdown with the token in a header, never in the address', async () => {
    const { fetchFn, asked } = server(
      () => new Response('# Harvest', { status: 200, headers: { 'content-type': 'text/markdown' } }),
    );
    const blob = await fetchHarvest('ABC234', 'harvest123', 'tok', fetchFn);
    expect(await blob.text()).toBe('# Harvest');
    expect(asked[0]).toEqual({
      url: '/api/circles/ABC234/harvests/harvest123',
      method: 'GET',
      authorization: 'Bearer tok',
    });
  });

  it('turns a refusal into an ApiError', async () => {
    const { fetchFn } = server(() => json(401, { error: { code: 'unauthorized', message: 'no' } }));
    await expect(fetchHarvest('ABC234', 'harvest123', 'tok', fetchFn)).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });
});

describe('deleteHarvest', () => {
  it('deletes with the host token and takes the empty answer', async () => {
    const { fetchFn, asked } = server(() => new Response(null, { status: 204 }));
    await expect(deleteHarvest('ABC234', 'harvest123', 'tok', fetchFn)).resolves.toBeUndefined();
    expect(asked[0]).toMatchObject({ method: 'DELETE', authorization: 'Bearer tok' });
  });

  it('turns a member’s refusal into an ApiError', async () => {
    const { fetchFn } = server(() => json(403, { error: { code: 'forbidden', message: 'hosts only' } }));
    await expect(deleteHarvest('ABC234', 'harvest123', 'tok', fetchFn)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('harvestFileName', () => {
  it('names the file after the meeting’s date', () => {
    expect(harvestFileName('2027-10-10')).toBe('2027-10-10-harvest.md');
  });
});
