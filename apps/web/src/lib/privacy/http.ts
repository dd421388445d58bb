import { PrivacySummary } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';

type Fetch = typeof fetch;

/** What the join page learns from the code before it asks for a name. */
export type PrivacyProbe =
  { found: 'exists'; summary: PrivacySummary | null } | { found: 'unknown' } | { found: 'unsure' };

/** Where the join page asks what a session keeps (no token). */
export const probeUrl = (code: string) => `/api/sessions/${encodeURIComponent(code)}/privacy`;

/**
 * `GET /api/sessions/{code}/privacy` (no token): whether a session has the code (404: none) and
 * what it keeps, for how long and who exports (PR7). Anything else (no network, rate limited, an
 * odd answer) is `unsure`: the name form shows and the join itself says what is wrong.
 */
export async function probePrivacy(code: string, fetchFn: Fetch = fetch): Promise<PrivacyProbe> {
  let res: Response;
  try {
    // As the join page's `<link rel="preload" as="fetch" crossorigin="anonymous">` asks it (same
    // URL, mode and credentials), so the browser answers this from that early response.
    res = await fetchFn(probeUrl(code), { method: 'GET', credentials: 'same-origin' });
  } catch {
    return { found: 'unsure' };
  }
  if (res.status === 404) return { found: 'unknown' };
  if (!res.ok) return { found: 'unsure' };
  try {
    const parsed = PrivacySummary.safeParse(await res.json());
    return { found: 'exists', summary: parsed.success ? parsed.data : null };
  } catch {
    return { found: 'exists', summary: null };
  }
}

export class DeleteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeleteError';
  }
}

/** PR4: the host ends the session and deletes everything of it now (`DELETE /api/sessions/{code}`). */
export async function deleteSession(code: string, token: string, fetchFn: Fetch = fetch): Promise<void> {
  let res: Response;
  try {
    res = await fetchFn(`/api/sessions/${encodeURIComponent(code)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new DeleteError(m.privacy_delete_offline());
  }
  if (res.ok) return;
  if (res.status === 403) throw new DeleteError(m.privacy_delete_forbidden());
  throw new DeleteError(m.privacy_delete_status({ status: res.status }));
}
