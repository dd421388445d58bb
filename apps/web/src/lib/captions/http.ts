import { CaptionSourcesResponse, type TranscriptFormat } from '@kring/protocol';
import { ExportError } from '$lib/exports/exports';
import { m } from '$lib/paraglide/messages';

/**
 * The captions' HTTP side (docs/api.md, "Captions"), with the page's token like the exports: the
 * caption URLs (their secrets are never in the session state) and the transcript.
 */
const base = (code: string) => `/api/sessions/${encodeURIComponent(code)}/captions`;

export const sourcesPath = (code: string) => `${base(code)}/sources`;

export function transcriptPath(code: string, format?: TranscriptFormat, lang?: string): string {
  const query = new URLSearchParams();
  if (format) query.set('format', format);
  if (lang) query.set('lang', lang);
  const q = query.toString();
  return `${base(code)}/transcript${q ? `?${q}` : ''}`;
}

const headers = (token: string) => ({ authorization: `Bearer ${token}` });

/** The caption URLs by source id (null: revoked). */
export async function fetchSourceUrls(
  code: string,
  token: string,
  fetchFn: typeof fetch = fetch,
): Promise<Record<string, string | null>> {
  let res: Response;
  try {
    res = await fetchFn(sourcesPath(code), { headers: headers(token), cache: 'no-store' });
  } catch {
    throw new ExportError(m.captions_offline());
  }
  if (!res.ok) throw new ExportError(m.captions_urls_failed({ status: res.status }));
  // Only the ids and URLs are kept; the rest comes with the session state.
  const body = CaptionSourcesResponse.safeParse(await res.json().catch(() => null));
  if (!body.success) throw new ExportError(m.captions_urls_failed({ status: res.status }));
  return Object.fromEntries(body.data.sources.map((s) => [s.id, s.url]));
}

/** Deletes the whole transcript (CA7); every screen then forgets its lines. */
export async function deleteTranscript(
  code: string,
  token: string,
  fetchFn: typeof fetch = fetch,
): Promise<void> {
  let res: Response;
  try {
    res = await fetchFn(transcriptPath(code), { method: 'DELETE', headers: headers(token) });
  } catch {
    throw new ExportError(m.captions_offline());
  }
  if (!res.ok) throw new ExportError(m.captions_delete_failed({ status: res.status }));
}
