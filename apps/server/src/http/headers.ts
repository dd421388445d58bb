import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every HTTP answer (issue 9). `helmet` sets them: kept, small, typed, and it
 * knows the details (header spellings, which old headers to switch off) better than a copy of ours.
 *
 * - `Referrer-Policy: no-referrer`: page addresses carry join codes (`/j/CODE`, `/s/CODE`), and a
 *   call link or any other link must not take them along. Nothing of ours reads the Referer
 *   (SvelteKit's form check uses Origin), so the strictest value costs nothing. The facilitator
 *   link's token rides in the fragment, which is never sent anyway.
 * - HSTS only when the public address is https: on plain http (a laptop in a training room) it
 *   would only confuse browsers that later visit the same host name over https.
 * - No Content-Security-Policy here: pages keep SvelteKit's own, with a nonce per answer
 *   (apps/web/svelte.config.js `kit.csp`); helmet's would replace it. API answers get a strict one
 *   from `apiHeaders`.
 */
export function securityHeaders(publicUrl: string | undefined): RequestHandler[] {
  const https = publicUrl?.startsWith('https:') ?? false;
  return [
    helmet({
      contentSecurityPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: https ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
      xFrameOptions: { action: 'deny' },
    }),
    permissionsPolicy,
  ];
}

/**
 * Features no Kring page uses, denied to every page and anything it might embed: a page that
 * cannot ask for the camera or the microphone cannot be tricked into asking. Not listed because
 * pages use them: `autoplay` (the timer's end sound), `clipboard-write` (copying links),
 * `fullscreen`. Helmet 8 has no Permissions-Policy, hence this one small middleware.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

const permissionsPolicy: RequestHandler = (_req, res, next) => {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  next();
};

/**
 * API answers are data, never pages: nothing in them may load or run (`default-src 'none'`), and
 * what a person may read changes with their role and sign-in, so no cache keeps any of it.
 */
export function apiHeaders(): RequestHandler[] {
  return [
    helmet.contentSecurityPolicy({
      useDefaults: false,
      directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
    }),
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
  ];
}
