import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import {
  ExportError,
  exportPath,
  fallbackFileName,
  fetchExport,
  fileNameFrom,
  formatLabel,
  slug,
} from './exports';

describe('export paths and file names', () => {
  it('builds the board and session export paths', () => {
    expect(exportPath('ABC234', { kind: 'board', boardId: 'b_1-x', format: 'csv' })).toBe(
      '/api/sessions/ABC234/boards/b_1-x/export?format=csv',
    );
    expect(exportPath('ABC234', { kind: 'session', format: 'json' })).toBe(
      '/api/sessions/ABC234/export?format=json',
    );
  });

  it('slugs titles to ASCII letters, digits and dashes', () => {
    expect(slug('Harvest: “what now?”')).toBe('harvest-what-now');
    expect(slug('Café à la carte')).toBe('cafe-a-la-carte');
    expect(slug('!!!')).toBe('export');
    expect(slug('a'.repeat(100))).toHaveLength(60);
  });

  it('makes a fallback file name', () => {
    expect(fallbackFileName('IPS overview', 'Check-in', 'md')).toBe('kring-ips-overview-check-in.md');
    expect(fallbackFileName('IPS overview', null, 'json')).toBe('kring-ips-overview.json');
  });

  it('reads the file name from Content-Disposition, safely', () => {
    expect(fileNameFrom('attachment; filename="kring-a-b.csv"', 'x.csv')).toBe('kring-a-b.csv');
    expect(fileNameFrom("attachment; filename*=UTF-8''caf%C3%A9.md", 'x.md')).toBe('caf-.md');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x')).toBe('etc-passwd');
    expect(fileNameFrom(null, 'fallback.md')).toBe('fallback.md');
    expect(fileNameFrom('attachment', 'fallback.md')).toBe('fallback.md');
  });
});

describe('fetchExport', () => {
  it('sends the token as a bearer header and returns the blob with its name', async () => {
    let seen: RequestInit | undefined;
    const fake = (async (_url: string, init?: RequestInit) => {
      seen = init;
      return new Response('# Board', {
        status: 200,
        headers: { 'content-disposition': 'attachment; filename="kring-s-b.md"' },
      });
    }) as typeof fetch;
    const out = await fetchExport('/api/x', 'tok', 'f.md', fake);
    expect((seen?.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(out.fileName).toBe('kring-s-b.md');
    expect(await out.blob.text()).toBe('# Board');
  });

  it('turns refusals and network failures into plain messages', async () => {
    const refusing = (async () =>
      new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Not for you.' } }), {
        status: 403,
      })) as typeof fetch;
    await expect(fetchExport('/api/x', 't', 'f', refusing)).rejects.toThrow('Not for you.');
    const bare = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    await expect(fetchExport('/api/x', 't', 'f', bare)).rejects.toThrow('This board no longer exists.');
    const offline = (async () => {
      throw new TypeError('failed');
    }) as typeof fetch;
    await expect(fetchExport('/api/x', 't', 'f', offline)).rejects.toBeInstanceOf(ExportError);
  });
});

describe('export wording in Dutch and French', () => {
  const english = getLocale;
  afterEach(() => overwriteGetLocale(english));

  it('words refusals from the code, not the server’s English', async () => {
    overwriteGetLocale(() => 'nl');
    const refusing = (async () =>
      new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Not for you.' } }), {
        status: 403,
      })) as typeof fetch;
    await expect(fetchExport('/api/x', 't', 'f', refusing)).rejects.toThrow('Dit mag je niet exporteren.');
    overwriteGetLocale(() => 'fr');
    expect(formatLabel('csv')).toBe('CSV (tableur)');
    expect(exportPath('ABC234', { kind: 'session', format: 'md' }, 'fr')).toBe(
      '/api/sessions/ABC234/export?format=md&lang=fr',
    );
  });
});
