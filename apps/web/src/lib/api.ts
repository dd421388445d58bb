import { m } from '$lib/paraglide/messages';
import { baseLocale, getLocale } from '$lib/paraglide/runtime';
import {
  CreateSessionResponse,
  ERROR_CODES,
  ErrorResponse,
  JoinSessionResponse,
  SessionSummary,
  type ErrorBody,
  type ErrorCode,
  type Locale,
  type SessionTemplateId,
} from '@kring/protocol';

/** A refusal from the Kring API, or `network` when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'bad_response',
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Words for some refusal codes, where a screen knows better than the general ones. */
export type ReasonWords = Partial<Record<ErrorCode, () => string>>;

const REASON: ReasonWords = {
  unauthorized: m.app_reason_not_in_session,
  forbidden: m.app_reason_facilitators_only,
  rate_limited: m.app_reason_rate_limited,
};

/**
 * Why the server said no, as the end of a sentence ("The board could not be locked: …"). In
 * English the server's own words (it speaks English); in other languages the code's words
 * (`reasons` first), with a general reason for a known code without its own words. A code this
 * page does not know keeps the server's words.
 */
export function serverReason(error: ErrorBody, reasons: ReasonWords = {}): string {
  if (getLocale() === baseLocale) return error.message;
  const words = reasons[error.code] ?? REASON[error.code];
  if (words) return words();
  return (ERROR_CODES as readonly string[]).includes(error.code) ? m.app_reason_generic() : error.message;
}

const API_SENTENCE: ReasonWords = {
  bad_request: m.app_api_bad_request,
  too_large: m.app_api_bad_request,
  rate_limited: m.app_api_rate_limited,
  internal: m.app_error_generic,
};

/**
 * What a failed API call says to the person, in the page's language: the client's own cases
 * (no network, an odd answer), and the codes a form words itself (`sentences`, in every
 * language); other refusals as in `serverReason`, as whole sentences.
 */
export function describeApiError(err: ApiError, sentences: ReasonWords = {}): string {
  if (err.code === 'network') return m.app_api_network();
  if (err.code === 'bad_response') {
    return err.status >= 200 && err.status < 300
      ? m.app_api_unexpected_answer()
      : m.app_api_server_answered({ status: err.status });
  }
  const own = sentences[err.code];
  if (own) return own();
  if (getLocale() === baseLocale) return err.message;
  const words = API_SENTENCE[err.code];
  if (words) return words();
  return (ERROR_CODES as readonly string[]).includes(err.code) ? m.app_error_generic() : err.message;
}

type Fetch = typeof fetch;

/** The part of a zod schema this module needs (keeps zod itself out of the web app's dependencies). */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/**
 * One HTTP call to the Kring API, the one way the web app makes them: no network → `network`; a
 * named refusal → its code; anything else odd → `bad_response`; the answer checked against `schema`.
 */
export async function request<T>(
  schema: Schema<T>,
  path: string,
  init: RequestInit,
  fetchFn: Fetch,
): Promise<T> {
  let res: Response;
  try {
    res = await fetchFn(path, {
      ...init,
      headers: { accept: 'application/json', ...init.headers },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', m.app_api_network());
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // fall through: handled below as a bad response
  }
  if (!res.ok) {
    const err = ErrorResponse.safeParse(body);
    if (err.success) throw new ApiError(res.status, err.data.error.code, err.data.error.message);
    throw new ApiError(res.status, 'bad_response', m.app_api_server_answered({ status: res.status }));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(res.status, 'bad_response', m.app_api_unexpected_answer());
  return parsed.data;
}

function jsonPost(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * `templateId`: a session template (agenda and boards, core S2); left out, a blank session.
 * `hostName`: how the host appears to everyone (S1); left out, the server's "Facilitator".
 */
export function createSession(
  title: string,
  fetchFn: Fetch = fetch,
  templateId?: SessionTemplateId,
  hostName?: string,
  /** S4: the template's agenda and boards are created in this language. */
  locale?: Locale,
): Promise<CreateSessionResponse> {
  return request(
    CreateSessionResponse,
    '/api/sessions',
    jsonPost({
      title,
      ...(templateId ? { templateId } : {}),
      ...(hostName ? { hostName } : {}),
      ...(locale ? { locale } : {}),
    }),
    fetchFn,
  );
}

export function joinSession(
  code: string,
  displayName: string,
  fetchFn: Fetch = fetch,
): Promise<JoinSessionResponse> {
  return request(
    JoinSessionResponse,
    `/api/sessions/${encodeURIComponent(code)}/participants`,
    // The session page opens with what the answer then carries (`JoinStart`, issue 14).
    jsonPost({ displayName, start: true }),
    fetchFn,
  );
}

export function getSession(code: string, token: string, fetchFn: Fetch = fetch): Promise<SessionSummary> {
  return request(
    SessionSummary,
    `/api/sessions/${encodeURIComponent(code)}`,
    { method: 'GET', headers: { authorization: `Bearer ${token}` } },
    fetchFn,
  );
}
