import { expect } from '@playwright/test';

/** What a circle command answers (the events, and a new member's personal link). */
export interface CommandAnswer {
  events: { type: string; seriesId?: string; boardId?: string }[];
  link?: string;
}

/**
 * SETUP over HTTP, from the test process: a circle and its host's way to send commands. The
 * circle pages under test are used through the browser; this only prepares what a test is not about.
 */
export async function createCircleViaApi(
  baseURL: string,
  circle: { title: string; hostName: string; timeZone: string },
): Promise<{
  code: string;
  hostToken: string;
  hostUrl: string;
  command: (body: unknown) => Promise<CommandAnswer>;
}> {
  const created = await fetch(`${baseURL}/api/circles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(circle),
  });
  expect(created.status).toBe(201);
  const made = (await created.json()) as { code: string; hostToken: string; hostUrl: string };
  const command = async (body: unknown): Promise<CommandAnswer> => {
    const res = await fetch(`${baseURL}/api/circles/${made.code}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${made.hostToken}` },
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as CommandAnswer;
  };
  return { ...made, command };
}

/** The id of the series a `series.add` answer created. */
export function addedSeriesId(answer: CommandAnswer): string {
  const seriesId = answer.events.find((e) => e.type === 'series.added')?.seriesId ?? '';
  expect(seriesId).not.toBe('');
  return seriesId;
}
