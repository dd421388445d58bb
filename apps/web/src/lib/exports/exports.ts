import type { BoardExportFormat, SessionExportFormat } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** What to export: one board, or the whole session (agenda, every board, answered questions). */
export type ExportRequest =
  | { kind: 'board'; boardId: string; format: BoardExportFormat }
  | { kind: 'session'; format: SessionExportFormat };

/** A format's name on its button, in the person's language (Markdown and JSON are names). */
export function formatLabel(format: BoardExportFormat): string {
  if (format === 'csv') return m.board_format_csv();
  return format === 'md' ? 'Markdown' : 'JSON';
}

/**
 * The API path of an export (docs/api.md, "Exports"). `lang`: the reader's language for the
 * export's own words (headings, labels); left out, the server uses the board's.
 */
export function exportPath(code: string, request: ExportRequest, lang?: string): string {
  const base = `/api/sessions/${encodeURIComponent(code)}`;
  const query = `?format=${request.format}${lang ? `&lang=${encodeURIComponent(lang)}` : ''}`;
  return request.kind === 'board'
    ? `${base}/boards/${encodeURIComponent(request.boardId)}/export${query}`
    : `${base}/export${query}`;
}

/** ASCII letters, digits and dashes, like the server's own file names. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ascii || 'export';
}

/** A file name when the server gave none: `kring-<session>[-<board>].<ext>`. */
export function fallbackFileName(sessionTitle: string, boardTitle: string | null, format: string): string {
  const parts = ['kring', slug(sessionTitle), ...(boardTitle === null ? [] : [slug(boardTitle)])];
  return `${parts.join('-')}.${format}`;
}

/**
 * The file name from a `Content-Disposition` header (`attachment; filename="…"`), kept to a safe
 * set of characters; the fallback when there is none.
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  const raw = match?.[1];
  if (!raw) return fallback;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    name = raw;
  }
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '');
  return safe || fallback;
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

const STATUS_MESSAGES: Record<number, () => string> = {
  401: m.board_export_unauthorized,
  403: m.board_export_forbidden,
  404: m.board_gone,
};

/** The server's refusal codes, worded for Dutch and French readers (English keeps the server's). */
const CODE_MESSAGES: Record<string, () => string> = {
  unauthorized: m.board_export_unauthorized,
  forbidden: m.board_export_forbidden,
  not_found: m.board_gone,
  rate_limited: m.board_export_rate_limited,
  bad_request: m.board_export_bad_request,
  internal: m.board_refused_internal,
};

function statusText(status: number): string {
  return STATUS_MESSAGES[status]?.() ?? m.board_export_status({ status });
}

/**
 * Fetches an export with the person's token (a plain link cannot carry the `Authorization`
 * header, and the token must not ride in a URL). The server cuts the export for their role.
 */
export async function fetchExport(
  path: string,
  token: string,
  fallback: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ blob: Blob; fileName: string }> {
  let res: Response;
  try {
    res = await fetchFn(path, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch {
    throw new ExportError(m.board_export_offline());
  }
  if (!res.ok) {
    let message = statusText(res.status);
    try {
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      const code = typeof body.error?.code === 'string' ? body.error.code : '';
      const said = typeof body.error?.message === 'string' ? body.error.message : '';
      // English: the server's own sentence. Dutch and French: worded from the code; the server's
      // English only for a code not known here.
      const worded = getLocale() === 'en' ? undefined : CODE_MESSAGES[code];
      if (worded) message = worded();
      else if (said) message = said;
    } catch {
      // keep the status message
    }
    throw new ExportError(message);
  }
  return { blob: await res.blob(), fileName: fileNameFrom(res.headers.get('content-disposition'), fallback) };
}

/** Saves a blob as a download (an object URL on a temporary link, released afterwards). */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
