import type { ErrorRequestHandler, Response } from 'express';
import { type ErrorCode, httpStatusFor } from '@kring/protocol';
import type { Log } from '../log';

export function sendError(res: Response, code: ErrorCode, message: string): void {
  res.status(httpStatusFor(code)).json({ error: { code, message } });
}

/**
 * Last express error handler: body-parser failures become named 400/413 errors, and so does a
 * path express cannot decode (`/api/sessions/%ff%fe`: a URIError from its parameter decoding);
 * anything else is a 500 with a generic message (details go to the log, never to the client).
 */
export function errorHandler(log: Log): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    if (err instanceof URIError) return sendError(res, 'bad_request', 'the address is not valid');
    const type = (err as { type?: string } | null)?.type;
    if (type === 'entity.parse.failed')
      return sendError(res, 'bad_request', 'the request body is not valid JSON');
    if (type === 'entity.too.large') return sendError(res, 'too_large', 'the request body is too large');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return sendError(res, 'bad_request', 'unsupported body encoding');
    }
    log('error', 'http handler failed', { error: err instanceof Error ? err.message : String(err) });
    if (res.headersSent) return;
    sendError(res, 'internal', 'something went wrong on the server');
  };
}
