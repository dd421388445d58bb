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
 * - The build's hashed scripts and styles (`/_app/immutable/…`) are never documents, so
 *   the headers that only documents obey (frame, referrer, permissions, opener, origin cluster…)
 *   do nothing on them; they get `nosniff` and the resource policy, and HSTS where it applies.
 *   Over HTTP/1.1 nothing compresses headers, and a join page takes some twenty of these files: the
 *   full set cost ≈ 14 KiB, a third of a second on a 400 kbit/s phone (issue 14).
 */
export function securityHeaders(publicUrl: string | undefined): RequestHandler {
  const https = publicUrl?.startsWith('https:') ?? false;
  const hsts = https ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false;
  const documents = helmet({
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: hsts,
    xFrameOptions: { action: 'deny' },
  });
  const assets = helmet({
    contentSecurityPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    strictTransportSecurity: hsts,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  return (req, res, next) => {
    if (IMMUTABLE_CODE.test(req.path)) return assets(req, res, next);
    // Helmet 8 has no Permissions-Policy.
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    documents(req, res, next);
  };
}

/**
 * The build's content-hashed scripts and styles. Only these: an SVG or HTML file opened on its own
 * is a document, and keeps the documents' headers.
 */
const IMMUTABLE_CODE = /^\/_app\/immutable\/[\w./-]+\.(?:js|css)$/;

/**
 * Features no Kring page uses, denied to every page and anything it might embed: a page that
 * cannot ask for the camera or the microphone cannot be tricked into asking. Not listed because
 * pages use them: `autoplay` (the timer's end sound), `clipboard-write` (copying links),
 * `fullscreen`.
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
