import type { RequestHandler } from 'express';

/**
 * A request handler whose module loads later: the server listens first and loads it after (issue
 * 14: after a restart the first to come back are socket.io and board connections, which do not
 * need the web app's pages). A page asked for before it has loaded waits for it, never a 404.
 * `load` runs once, on `start()` or on the first request, whichever comes first. When it finds no
 * handler (no web build), requests go on to the next handler, as if none had been mounted.
 */
export function deferredHandler(load: () => Promise<RequestHandler | undefined>) {
  let loading: Promise<RequestHandler | undefined> | undefined;
  const start = () => (loading ??= load());
  const handler: RequestHandler = (req, res, next) => {
    start().then((h) => (h ? h(req, res, next) : next()), next);
  };
  return { handler, start };
}
