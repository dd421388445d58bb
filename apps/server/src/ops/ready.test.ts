import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReadinessCheck, readiness } from './ready';

const servers: { close(): void }[] = [];
afterEach(() => {
  while (servers.length) servers.pop()!.close();
});

/** Serves one readiness handler on a free port; returns it and a way to ask it. */
async function serve(checks: Record<string, ReadinessCheck>, timeoutMs?: number) {
  const r = readiness(checks, timeoutMs);
  const app = express();
  app.get('/ready', r.handler);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ready`;
  const ask = async () => {
    const res = await fetch(url);
    return { status: res.status, body: (await res.json()) as unknown };
  };
  return { r, ask };
}

const up: ReadinessCheck = async () => {};
const down: ReadinessCheck = () => Promise.reject(new Error('connection refused to 10.0.0.9'));

describe('readiness', () => {
  it('is ready when every check answers', async () => {
    const { ask } = await serve({ store: up, redis: up });
    expect(await ask()).toEqual({ status: 200, body: { ready: true } });
  });

  it('names the check that failed, without its error', async () => {
    const { ask } = await serve({ store: down, redis: up });
    const answer = await ask();
    expect(answer).toEqual({ status: 503, body: { ready: false, checks: { store: 'down', redis: 'up' } } });
    expect(JSON.stringify(answer.body)).not.toContain('10.0.0.9');
  });

  it('counts a check that throws at once, or hangs past the timeout, as down', async () => {
    const throws: ReadinessCheck = () => {
      throw new Error('sync');
    };
    const hangs: ReadinessCheck = () => new Promise(() => {});
    const { ask } = await serve({ store: throws, redis: hangs }, 50);
    expect(await ask()).toEqual({
      status: 503,
      body: { ready: false, checks: { store: 'down', redis: 'down' } },
    });
  });

  it('answers 503 once shutting down, even with every check up', async () => {
    const { r, ask } = await serve({ store: up });
    expect((await ask()).status).toBe(200);
    r.shuttingDown();
    expect(await ask()).toEqual({ status: 503, body: { ready: false, shuttingDown: true } });
  });
});
