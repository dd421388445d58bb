/**
 * Behaves like caption software (a CART or speech-to-text interpreter's tool) posting to a caption
 * URL, as CAPTIONS.md describes the convention: each new caption gets the next `seq`, a retry keeps
 * its `seq`, every error is retried, and `…/seq` tells where to resume. Used by the integration tests
 * and by `pnpm --filter @kring/server caption:send`.
 */
export interface PostResult {
  status: number;
  body: string;
}

export class CaptionSoftware {
  /** The last `seq` used. */
  seq = 0;

  constructor(
    /** The caption URL as the facilitator copied it (it has `?sig=…`). */
    private readonly url: string,
    private readonly lang = 'en-US',
    private readonly retries = 3,
  ) {}

  /** Posts `text` with an explicit `seq` (no retries): what one HTTP attempt does. */
  async post(text: string, seq: number, lang: string | null = this.lang): Promise<PostResult> {
    const query = `&seq=${seq}${lang ? `&lang=${encodeURIComponent(lang)}` : ''}`;
    const res = await fetch(`${this.url}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: text,
    });
    return { status: res.status, body: await res.text() };
  }

  /** A new caption: the next `seq`, retried with the same `seq` until accepted (or out of retries). */
  async send(text: string): Promise<PostResult> {
    const seq = ++this.seq;
    let last: PostResult = { status: 0, body: '' };
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      last = await this.post(text, seq).catch(() => ({ status: 0, body: 'network error' }));
      if (last.status === 200) return last;
    }
    return last;
  }

  /** Where the endpoint says this URL is (`GET …/seq`); the next `send` continues after it. */
  async resume(): Promise<number> {
    const base = new URL(this.url);
    base.pathname = `${base.pathname}/seq`;
    const res = await fetch(base);
    if (res.status !== 200) throw new Error(`seq: ${res.status} ${await res.text()}`);
    this.seq = Number(await res.text());
    return this.seq;
  }
}
