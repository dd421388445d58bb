import { type Request, type RequestHandler, type Response, Router } from 'express';
import { JoinCode } from '@kring/protocol';
import { sendError } from '../http/errors';
import { WAIT } from '../http/requests';
import type { TokenSigner } from '../tokens';
import { clientAddress } from './address';
import { type Limits, retryAfterSeconds } from './index';
import type { Limiter, Verdict } from './limiter';

export interface HttpLimitDeps {
  limits: Limits;
  tokens: TokenSigner;
  /** The session a join code names (null when none). */
  sessionIdForJoinCode(code: string): Promise<string | null>;
  trustProxy: boolean;
}

/** 429 with `rate_limited` and a Retry-After header. */
export function sendRateLimited(res: Response, verdict: Verdict, message: string): void {
  res.set('Retry-After', String(retryAfterSeconds(verdict.retryAfterMs)));
  sendError(res, 'rate_limited', message);
}

/** The join code in the path, normalised (null when it is not one). */
function codeOf(req: Request): string | null {
  const code = JoinCode.safeParse(req.params.code);
  return code.success ? code.data : null;
}

/**
 * The HTTP API's rate limits, mounted on /api before the API itself: each handler only counts and
 * passes on (the API's own handlers answer), or answers 429. Nothing here reads a request body.
 */
export function httpLimits({ limits, tokens, sessionIdForJoinCode, trustProxy }: HttpLimitDeps): Router {
  const guard = Router();
  const address = (req: Request) =>
    clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);

  const counted =
    (limiter: Limiter, key: (req: Request) => string | null, message = WAIT): RequestHandler =>
    async (req, res, next) => {
      const k = key(req);
      if (k === null) return next();
      const verdict = await limiter.consume(k);
      if (verdict.ok) next();
      else sendRateLimited(res, verdict, message);
    };

  guard.post('/sessions', counted(limits.sessionCreationsPerAddress, address));

  // Guessing join codes: an address that missed too often is refused every look-up for a while,
  // hits included (otherwise the refusal itself would tell a hit from a miss).
  guard.use('/sessions/:code', async (req, res, next) => {
    const key = address(req);
    const blocked = await limits.lookupMissesPerAddress.check(key);
    if (!blocked.ok) return sendRateLimited(res, blocked, WAIT);
    const code = codeOf(req);
    if (code === null || !(await sessionIdForJoinCode(code))) {
      const verdict = await limits.lookupMissesPerAddress.consume(key);
      if (!verdict.ok) return sendRateLimited(res, verdict, WAIT);
    }
    next(); // the API answers the miss itself (404)
  });

  guard.post(
    '/sessions/:code/participants',
    counted(limits.joinsPerAddress, address),
    counted(
      limits.joinsPerSession,
      codeOf,
      'Many people are joining this session right now. Please wait a moment and try again.',
    ),
  );

  // Exports read whole documents: per person, known from the token (a bad token passes on to the
  // API's own 401).
  const person = (req: Request) => {
    const match = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i);
    return (match && tokens.verify(match[1]!)?.p) ?? null;
  };
  guard.get(
    [
      '/sessions/:code/export',
      '/sessions/:code/boards/:boardId/export',
      '/sessions/:code/captions/transcript',
    ],
    counted(
      limits.exportsPerParticipant,
      person,
      'Many exports in a short time. Please wait a moment and try again.',
    ),
  );

  return guard;
}
