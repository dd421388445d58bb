import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { deferredHandler } from './deferred-handler';

const req = {} as Request;
const res = {} as Response;
/** express's `next`, remembering what it was called with. */
function nextSpy() {
  const calls = vi.fn<(err?: unknown) => void>();
  return { calls, next: calls as unknown as NextFunction };
}

describe('a handler loaded after the server listens (issue 14)', () => {
  it('a request that comes before the module has loaded waits for it, and it loads once', async () => {
    let finish!: (h: RequestHandler) => void;
    const load = vi.fn(() => new Promise<RequestHandler | undefined>((resolve) => (finish = resolve)));
    const web = deferredHandler(load);
    const served = vi.fn();
    const { calls, next } = nextSpy();
    web.handler(req, res, next);
    void web.start();
    expect(served).not.toHaveBeenCalled();
    finish((_req, _res) => served());
    await vi.waitFor(() => expect(served).toHaveBeenCalledTimes(1));
    web.handler(req, res, next);
    await vi.waitFor(() => expect(served).toHaveBeenCalledTimes(2));
    expect(load).toHaveBeenCalledTimes(1);
    expect(calls).not.toHaveBeenCalled();
  });

  it('without a web build, requests go on as if no handler were mounted', async () => {
    const web = deferredHandler(() => Promise.resolve(undefined));
    const { calls, next } = nextSpy();
    web.handler(req, res, next);
    await vi.waitFor(() => expect(calls).toHaveBeenCalledWith());
  });

  it('a module that fails to load is an error for the request, not a hang', async () => {
    const web = deferredHandler(() => Promise.reject(new Error('broken build')));
    const { calls, next } = nextSpy();
    web.handler(req, res, next);
    await vi.waitFor(() =>
      expect(calls).toHaveBeenCalledWith(expect.objectContaining({ message: 'broken build' })),
    );
  });
});
