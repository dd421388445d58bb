import { CreateCircleResponse, type SeriesPlan } from '@kring/protocol';
import { expect } from 'vitest';
import { type KringOptions, type KringServer, startKring } from '../src/app';
import { registerCleanup, tempDataDir } from './harness';

/**
 * What the circle tests share (issue 16): a real server on port 0 with its own SQLite file and a
 * clock the test moves, HTTP bodies with a circle token, and the summit's October Sundays.
 */

export async function startWithClock(
  clock: () => number,
  limits?: KringOptions['limits'],
): Promise<KringServer> {
  const server = await startKring({
    dataDir: tempDataDir(),
    port: 0,
    host: '127.0.0.1',
    log: () => {},
    clock,
    ...(limits ? { limits } : {}),
  });
  registerCleanup(() => server.close());
  return server;
}

/** A JSON POST, with a circle (or session) token when given. */
export const post = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

/** The token a personal link carries in its fragment. */
export const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, '');

/** Every Sunday in October 2027 at 14:00, Amsterdam time (summer time ends on the 31st). */
export const octoberSundays: SeriesPlan = {
  timeZone: 'Europe/Amsterdam',
  startDate: '2027-10-01',
  startTime: '14:00',
  durationMinutes: 120,
  repeat: { kind: 'weekly', weekdays: [7], interval: 1, until: '2027-10-31' },
};

/** Host Hanna's circle, in Dutch, on Amsterdam time. */
export async function createCircle(base: string): Promise<CreateCircleResponse> {
  const res = await fetch(
    `${base}/api/circles`,
    post({ title: 'Summit core group', hostName: 'Hanna Host', timeZone: 'Europe/Amsterdam', locale: 'nl' }),
  );
  expect(res.status).toBe(201);
  return CreateCircleResponse.parse(await res.json());
}
