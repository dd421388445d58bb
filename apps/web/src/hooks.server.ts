import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server';

/**
 * The page's language on the server: the person's choice (cookie), else their browser's
 * (Accept-Language: nl-BE → nl, fr-BE → fr), else English. It sets `<html lang>` in the first
 * answer, so screen readers pronounce the page right before any script runs.
 */
export const handle: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
  });
