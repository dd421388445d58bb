import { getLocale, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createSession, describeApiError, serverReason } from './api';

const before = getLocale;
const speak = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => overwriteGetLocale(before));

describe('refusals in the page language', () => {
  it('keeps the server’s own words in English', () => {
    expect(serverReason({ code: 'forbidden', message: 'only facilitators can do this' })).toBe(
      'only facilitators can do this',
    );
    const err = new ApiError(429, 'rate_limited', 'too many requests, slow down');
    expect(describeApiError(err)).toBe('too many requests, slow down');
  });

  it('words a refusal from its code in Dutch and French, the screen’s own words first', () => {
    speak('nl');
    const gone = { code: 'not_found', message: 'no such board' } as const;
    expect(serverReason(gone)).toBe('er ging iets mis; probeer het zo meteen opnieuw');
    expect(serverReason(gone, { not_found: () => 'dit bord bestaat niet meer' })).toBe(
      'dit bord bestaat niet meer',
    );
    speak('fr');
    expect(serverReason({ code: 'forbidden', message: 'only facilitators can do this' })).toBe(
      "seul l'animateur peut faire cela",
    );
  });

  it('says a failed call in the page language, and the form’s own sentences in every language', async () => {
    const offline = (() => Promise.reject(new Error('offline'))) as unknown as typeof fetch;
    const err = await createSession('Check-in', offline).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(describeApiError(err as ApiError)).toBe(
      'Kring could not be reached. Check your connection and try again.',
    );
    speak('nl');
    expect(describeApiError(err as ApiError)).toBe(
      'Kring is niet bereikbaar. Kijk je internetverbinding na en probeer het opnieuw.',
    );
    const taken = new ApiError(409, 'name_taken', 'a facilitator of this session has this name');
    expect(describeApiError(taken, { name_taken: () => 'Kies een andere naam.' })).toBe(
      'Kies een andere naam.',
    );
    speak('fr');
    expect(describeApiError(new ApiError(500, 'bad_response', 'The server answered 500.'))).toBe(
      'Le serveur a répondu avec le code 500.',
    );
    expect(describeApiError(new ApiError(500, 'internal', 'something went wrong on the server'))).toBe(
      'Un problème est survenu. Veuillez réessayer.',
    );
  });
});
