import { createContext } from 'svelte';
import { ApiError } from '$lib/api';
import { Announcer } from '$lib/announcer.svelte';
import { getCircle, sendCircleCommand } from '$lib/circles/api';
import { clearCircleToken, saveCircleToken } from '$lib/circles/storage';
import { tokenFromHash } from '$lib/token';
import type { CircleCommand, CircleCommandResponse, CircleView } from '@kring/protocol';

/**
 * One circle's home page (issue 16): the member's token, the circle as they may see it, and the
 * one way to change it (`send`, then read it again). Components under the page read it from
 * context rather than as props passed down every layer.
 */
export type HomeStatus = 'loading' | 'no-link' | 'link-stopped' | 'left' | 'ready' | 'error';

export class CircleHome {
  readonly code: string;
  readonly announcer = new Announcer();
  token = $state<string | null>(null);
  view = $state<CircleView | null>(null);
  status = $state<HomeStatus>('loading');
  /** Why the circle could not be read (status `error`). */
  error = $state<ApiError | null>(null);

  constructor(code: string) {
    this.code = code;
  }

  get isHost(): boolean {
    return this.view?.you.role === 'host';
  }

  announce(text: string): void {
    this.announcer.announce(text);
  }

  async start(token: string | null): Promise<void> {
    if (!token) {
      this.status = 'no-link';
      return;
    }
    this.token = token;
    await this.load();
  }

  async load(): Promise<void> {
    if (!this.token) return;
    try {
      this.view = await getCircle(this.code, this.token);
      this.status = 'ready';
      this.error = null;
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'network', String(err));
      // A link made old by a new one, or a member removed (CI13): this device forgets it.
      if (e.code === 'unauthorized' || e.code === 'not_found') {
        clearCircleToken(this.code);
        this.token = null;
        this.view = null;
        this.status = 'link-stopped';
        return;
      }
      this.error = e;
      if (!this.view) this.status = 'error';
    }
  }

  /** Sends a command with this member's token; the circle is read again after it. Throws `ApiError`. */
  async send(command: CircleCommand): Promise<CircleCommandResponse> {
    if (!this.token) throw new ApiError(401, 'unauthorized', 'no personal link on this device');
    return sendCircleCommand(this.code, this.token, command);
  }

  /** After a change: the circle again (a failure keeps what is shown). */
  async refresh(): Promise<void> {
    await this.load();
  }

  /** A new personal link for this device's member: keep its token, the old one stops working. */
  adoptLink(link: string): void {
    // The token is in the fragment (`…/c/CODE#token=…`).
    if (!link.includes('#')) return;
    const token = tokenFromHash(link.slice(link.indexOf('#') + 1));
    if (!token) return;
    saveCircleToken(this.code, token);
    this.token = token;
  }

  /** After leaving: this device forgets the circle. */
  forget(): void {
    clearCircleToken(this.code);
    this.token = null;
    this.view = null;
    this.status = 'left';
  }
}

const [circleHome, provideCircleHome] = createContext<CircleHome>();
export { circleHome, provideCircleHome };
