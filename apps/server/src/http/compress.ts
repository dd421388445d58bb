import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import { constants } from 'node:zlib';

/**
 * Compression for answers made on request: SvelteKit's HTML and the API's JSON (issue 14: a phone
 * on 400 kbit/s feels every kilobyte). The web build's own files come precompressed (.br/.gz, see
 * apps/web/svelte.config.js) and carry a Content-Encoding already, which `compression` leaves alone.
 *
 * `compression` (expressjs) rather than our own zlib stream: it is the kept Express middleware,
 * negotiates Accept-Encoding with q-values, adds `Vary: Accept-Encoding`, skips small, already
 * encoded, `no-transform` and incompressible answers, and speaks brotli since 1.8.
 *
 * Never compressed: socket.io and board sync (they are upgrades or engine.io's own polling, which
 * does not pass through Express anyway; the paths are listed so that stays true if that changes),
 * and event streams, which a compressor would hold back until its buffer fills.
 */
const NEVER = ['/socket.io', '/yjs/'];

function worthCompressing(req: Request, res: Response): boolean {
  if (NEVER.some((prefix) => req.path.startsWith(prefix))) return false;
  const type = res.getHeader('Content-Type');
  if (typeof type === 'string' && type.startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
}

export function compress(): RequestHandler {
  return compression({
    filter: worthCompressing,
    // Brotli's default quality (11) is meant for files compressed once; per answer a mid quality
    // gets most of the gain for a fraction of the CPU (the precompressed assets use 11).
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}

/**
 * Pages are answers, not files: each carries a fresh CSP nonce and what the session looks like
 * now, so a browser asks again every time (`no-cache`; it may still keep a copy for back/forward).
 * The build's hashed files under /_app/immutable/ get `public, max-age=31536000, immutable` from
 * adapter-node itself, which overrides this default for them.
 */
export const pageCaching: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/_app/immutable/')) res.setHeader('Cache-Control', 'no-cache');
  next();
};
