import { test, expect } from '@playwright/test';

/**
 * Issue 14: what the server sends a slow phone. Pages, the build's files and API JSON go out
 * compressed when the browser asks (brotli or gzip, precompressed for files), as they were when it
 * does not; the build's hashed files are cached for a year, pages are asked for again each time.
 * Plain requests without a browser, so the headers are the server's own.
 */

const BROTLI = { 'Accept-Encoding': 'br, gzip' };
const GZIP = { 'Accept-Encoding': 'gzip' };
const NONE = { 'Accept-Encoding': 'identity' };

test.describe('compressed and cached answers', () => {
  let code = '';
  let token = '';

  test.beforeAll(async ({ request }) => {
    // A template session: its export is JSON well over the size worth compressing.
    const res = await request.post('/api/sessions', {
      data: { title: 'Serving check', templateId: 'ips-overview', hostName: 'Host' },
    });
    expect(res.status()).toBe(201);
    const body = (await res.json()) as { joinCode: string; facilitatorToken: string };
    code = body.joinCode;
    token = body.facilitatorToken;
  });

  test('a page is compressed when asked, and asked for again each time', async ({ request }) => {
    for (const [headers, encoding] of [
      [BROTLI, 'br'],
      [GZIP, 'gzip'],
    ] as const) {
      const res = await request.get(`/j/${code}`, { headers });
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('text/html');
      expect(res.headers()['content-encoding']).toBe(encoding);
      expect(res.headers()['vary']).toMatch(/accept-encoding/i);
      expect(res.headers()['cache-control']).toBe('no-cache');
      // Playwright decodes the body: it is still the page.
      expect(await res.text()).toContain('<html');
    }
    const plain = await request.get(`/j/${code}`, { headers: NONE });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect(await plain.text()).toContain('<html');
  });

  test('the build’s JavaScript comes precompressed and is cached for a year', async ({ request }) => {
    const page = await (await request.get('/', { headers: NONE })).text();
    const script = /\/_app\/immutable\/[^"']+\.js/.exec(page)?.[0];
    expect(script, 'the home page names a script of the build').toBeTruthy();

    const br = await request.get(script!, { headers: BROTLI });
    expect(br.status()).toBe(200);
    expect(br.headers()['content-encoding']).toBe('br');
    expect(br.headers()['cache-control']).toBe('public,max-age=31536000,immutable');
    expect(br.headers()['vary']).toMatch(/accept-encoding/i);

    const gz = await request.get(script!, { headers: GZIP });
    expect(gz.headers()['content-encoding']).toBe('gzip');

    const plain = await request.get(script!, { headers: NONE });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect(plain.headers()['cache-control']).toBe('public,max-age=31536000,immutable');
    expect(await plain.text()).toBe(await br.text());
  });

  test('API JSON is compressed when asked and never cached', async ({ request }) => {
    const url = `/api/sessions/${code}/export?format=json`;
    const auth = { Authorization: `Bearer ${token}` };
    const br = await request.get(url, { headers: { ...auth, ...BROTLI } });
    expect(br.status()).toBe(200);
    expect(br.headers()['content-type']).toContain('application/json');
    expect(br.headers()['content-encoding']).toBe('br');
    expect(br.headers()['cache-control']).toBe('no-store');

    const gz = await request.get(url, { headers: { ...auth, ...GZIP } });
    expect(gz.headers()['content-encoding']).toBe('gzip');

    const plain = await request.get(url, { headers: { ...auth, ...NONE } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    // The same export either way (bar the moment it was made).
    const { exportedAt: _plainAt, ...plainBody } = (await plain.json()) as Record<string, unknown>;
    const { exportedAt: _brAt, ...brBody } = (await br.json()) as Record<string, unknown>;
    expect(plainBody).toEqual(brBody);
  });

  test('the join page asks its first question while its code downloads, and only once', async ({
    page,
    request,
  }) => {
    // The page's HTML asks for the probe itself…
    const html = await (await request.get(`/j/${code}`)).text();
    expect(html).toMatch(new RegExp(`<link rel="preload" href="/api/sessions/${code}/privacy" as="fetch"`));
    const probes: string[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith(`/api/sessions/${code}/privacy`)) probes.push(req.resourceType());
    });
    await page.goto(`/j/${code}`);
    // …and the script's fetch is answered from that: one request in all, not one each.
    await expect(page.getByRole('button', { name: 'Join session' })).toBeEnabled();
    await expect(page.getByTestId('privacy-notice')).toBeVisible();
    expect(probes).toHaveLength(1);
  });

  test('the join page: styles and icon come inside its HTML, its scripts without the page-only headers', async ({
    page,
    request,
  }) => {
    // Issue 14: on a phone at 400 ms RTT every request waits for one of six connections, and
    // HTTP/1.1 sends every header uncompressed.
    const requests: { type: string; url: string }[] = [];
    page.on('request', (req) => requests.push({ type: req.resourceType(), url: req.url() }));
    const scripts: Record<string, string>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.headers());
    });
    const html = await (await request.get(`/j/${code}`)).text();
    expect(html).toContain('<style>');
    // SvelteKit keeps the inlined sheets as disabled links; the browser must not fetch them.
    const inlined = [...html.matchAll(/<link href="([^"]+\.css)" rel="stylesheet" disabled/g)].map(
      (m) => new URL(m[1]!, `http://kring/j/${code}`).pathname,
    );
    expect(inlined.length).toBeGreaterThan(0);
    await page.goto(`/j/${code}`);
    await expect(page.getByRole('button', { name: 'Join session' })).toBeEnabled();
    // (The session page's own sheets may come meanwhile: the join page fetches its code early.)
    const fetched = requests.map((r) => new URL(r.url).pathname);
    expect(fetched.filter((path) => inlined.includes(path) || /favicon/.test(path))).toEqual([]);
    // Styled all the same: the inlined sheets apply.
    await expect(page.getByRole('button', { name: 'Join session' })).not.toHaveCSS('border-radius', '0px');
    expect(scripts.length).toBeGreaterThan(5);
    for (const headers of scripts) {
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['permissions-policy']).toBeUndefined();
      expect(headers['x-frame-options']).toBeUndefined();
    }
  });
});
