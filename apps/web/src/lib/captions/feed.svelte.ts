import type { CaptionLine, CaptionPartial, CaptionScope, CaptionUpdate } from '@kring/protocol';
import { applyUpdate, EMPTY_FEED, type FeedData, mergeFetched } from './feed';

/** A finished line as it arrived live, for the read-aloud log (`key` orders them, never reused). */
export interface HeardLine {
  key: number;
  line: CaptionLine;
}

/** How many live arrivals the read-aloud log keeps; a screen reader has read older ones. */
const HEARD_KEEP = 5;

/**
 * The captions of this person's scope, as their screen shows them: the latest lines (transcript
 * order) and what captioners are typing now. Fed by the session client (server pushes and the
 * answer to `captions`); components only read it.
 */
export class CaptionFeed {
  /** The scope these captions belong to (null: not asked yet). */
  scope = $state<CaptionScope | null>(null);
  #data = $state.raw<FeedData>(EMPTY_FEED);
  /** Finished lines that arrived while this screen was open (not those fetched on connect). */
  heard = $state.raw<HeardLine[]>([]);
  #heardKey = 0;

  get lines(): CaptionLine[] {
    return this.#data.lines;
  }

  get partials(): CaptionPartial[] {
    return this.#data.partials;
  }

  /** Anything to show: a line or someone typing. */
  get active(): boolean {
    return this.#data.lines.length > 0 || this.#data.partials.length > 0;
  }

  apply(update: CaptionUpdate): void {
    this.#data = applyUpdate(this.#data, update);
    if (update.kind === 'line') {
      this.heard = [...this.heard, { key: ++this.#heardKey, line: update.line }].slice(-HEARD_KEEP);
    } else if (update.kind === 'cleared') {
      this.heard = [];
    }
  }

  /** The scope changed: what belonged to the old one goes at once, before the answer arrives. */
  moveTo(scope: CaptionScope): void {
    if (this.scope === scope) return;
    this.scope = scope;
    this.#data = mergeFetched(this.#data, scope, EMPTY_FEED);
    this.heard = [];
  }

  /** The server's latest lines and partials for `scope`. */
  load(scope: CaptionScope, fetched: FeedData): void {
    this.scope = scope;
    this.#data = mergeFetched(this.#data, scope, fetched);
  }
}
