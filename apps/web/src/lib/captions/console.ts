import { splitCaptionText } from '@kring/core';
import { LIMITS } from '@kring/protocol';

/**
 * The captioner's console, its pure rules: what a key does in the caption field, how a long line
 * is cut before sending, and the pacing of partials. Kept apart from the component so each rule
 * is tested on its own.
 */

export interface KeyFacts {
  key: string;
  code?: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** An input method is composing a character: Enter confirms it, it does not send. */
  isComposing: boolean;
}

export type FieldAction = 'send' | 'load-last' | 'cancel' | null;

/**
 * What a key in the caption field does. Enter sends (with Shift too: lines are single lines, so a
 * line break would only split a sentence); ArrowUp in an empty field opens the last line for
 * correction; Escape leaves a correction.
 */
export function fieldAction(e: KeyFacts, state: { empty: boolean; editing: boolean }): FieldAction {
  if (e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Enter') return 'send';
  if (e.key === 'ArrowUp' && state.empty && !state.editing && !e.shiftKey) return 'load-last';
  if (e.key === 'Escape' && state.editing) return 'cancel';
  return null;
}

/** Alt+S, by the key's place (on a Mac, Option+S types "ß"). */
export function isSpeakerShortcut(e: KeyFacts): boolean {
  return e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyS' || e.key.toLowerCase() === 's');
}

/** What was typed or pasted, on one line: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

/** The lines one Enter sends: the text, cut at a space before `max` characters where needed. */
export function linesToSend(text: string, max: number = LIMITS.captionLineMax): string[] {
  return splitCaptionText(oneLine(text), max);
}

/** A partial is at most the longest line; what goes beyond is the start of the next line. */
export function partialText(text: string, max: number = LIMITS.captionLineMax): string {
  const line = oneLine(text);
  return line.length > max ? line.slice(line.length - max) : line;
}

type Timers = {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Streams what is being typed: at most one partial every `gapMs`, and always the last state (a
 * pause sends what the field holds then). `cancel` drops a waiting partial, so a line sent with
 * Enter is never followed by a stale partial of the same words.
 */
export class PartialPacer {
  #last = -Infinity;
  #pending: { text: string } | null = null;
  #timer: unknown = null;
  readonly #send: (text: string) => void;
  readonly #gapMs: number;
  readonly #timers: Timers;

  constructor(send: (text: string) => void, gapMs = 100, timers: Timers = realTimers) {
    this.#send = send;
    this.#gapMs = gapMs;
    this.#timers = timers;
  }

  update(text: string): void {
    const wait = this.#last + this.#gapMs - this.#timers.now();
    if (wait <= 0 && this.#timer === null) {
      this.#fire(text);
      return;
    }
    this.#pending = { text };
    if (this.#timer === null) this.#timer = this.#timers.setTimeout(() => this.#flush(), Math.max(0, wait));
  }

  cancel(): void {
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = null;
  }

  #flush(): void {
    this.#timer = null;
    const pending = this.#pending;
    this.#pending = null;
    if (pending) this.#fire(pending.text);
  }

  #fire(text: string): void {
    this.#last = this.#timers.now();
    this.#send(text);
  }
}
