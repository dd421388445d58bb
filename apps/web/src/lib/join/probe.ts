type Fetch = typeof fetch;

/** What the join page knows about a code before it asks for a name. */
export type CodeCheck = 'exists' | 'unknown' | 'unsure';

/**
 * Whether a session has this join code, asked without a token: `GET /api/sessions/{code}` answers
 * 404 for a code no session has and 401 for one that exists (docs/api.md); the server's limit on
 * codes that name no session applies here as it does to a join. Anything else (no network, rate
 * limited, an odd answer) is `unsure`: the name form is shown and the join itself says what is wrong.
 */
export async function checkCode(code: string, fetchFn: Fetch = fetch): Promise<CodeCheck> {
  let res: Response;
  try {
    res = await fetchFn(`/api/sessions/${encodeURIComponent(code)}`, {
      method: 'GET',
      headers: { accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return 'unsure';
  }
  if (res.status === 404) return 'unknown';
  if (res.status === 401 || res.status === 403 || res.ok) return 'exists';
  return 'unsure';
}
