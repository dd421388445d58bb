import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIPv4 } from 'node:net';
import type { RequestHandler } from 'express';
import { bearer } from '../http/requests';
import type { KringMetrics } from './metrics';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether the TCP peer is this machine (`::ffff:127.0.0.1` is how a dual-stack socket writes IPv4). */
export function isLoopback(remoteAddress: string | undefined): boolean {
  if (!remoteAddress) return false;
  const v4 = remoteAddress.replace(/^::ffff:/i, '');
  return isIPv4(v4) ? LOOPBACK.check(v4, 'ipv4') : LOOPBACK.check(remoteAddress, 'ipv6');
}

/**
 * A reverse proxy on the same machine connects from loopback for everyone it forwards: a request
 * that says it was forwarded is not a local one, whatever its TCP peer (the header's value is never
 * trusted, only its presence).
 */
function forwarded(headers: IncomingHttpHeaders): boolean {
  return ['forwarded', 'x-forwarded-for', 'x-real-ip'].some((h) => headers[h] !== undefined);
}

/** Compares in constant time (the digests make the lengths equal). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `GET /metrics` in Prometheus' text format, not for the public. With a token it answers only
 * `Authorization: Bearer <token>` (401 otherwise); without one only requests from this machine that
 * no proxy forwarded, and passes everything else on, so the route looks like any unknown path (404).
 */
export function metricsRoute(metrics: KringMetrics, token: string | undefined): RequestHandler {
  return async (req, res, next) => {
    if (token) {
      const given = bearer(req);
      if (!given || !sameSecret(given, token)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').end();
        return;
      }
    } else if (!isLoopback(req.socket.remoteAddress) || forwarded(req.headers)) {
      return next();
    }
    const { contentType, body } = await metrics.exposition();
    res.set('Content-Type', contentType).set('Cache-Control', 'no-store').send(body);
  };
}
