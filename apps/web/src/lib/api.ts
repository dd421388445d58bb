import {
  CreateSessionResponse,
  ErrorResponse,
  JoinSessionResponse,
  SessionSummary,
  type ErrorCode,
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

type Fetch = typeof fetch;

/** The part of a zod schema this module needs (keeps zod itself out of the web app's dependencies). */
interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

async function request<T>(schema: Schema<T>, path: string, init: RequestInit, fetchFn: Fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetchFn(path, {
      ...init,
      headers: { accept: 'application/json', ...init.headers },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'network', 'Kring could not be reached. Check your connection and try again.');
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
    throw new ApiError(res.status, 'bad_response', `The server answered ${res.status}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(res.status, 'bad_response', 'The server sent an unexpected answer.');
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
): Promise<CreateSessionResponse> {
  return request(
    CreateSessionResponse,
    '/api/sessions',
    jsonPost({ title, ...(templateId ? { templateId } : {}), ...(hostName ? { hostName } : {}) }),
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
    jsonPost({ displayName }),
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
