import { describe, expect, it } from 'vitest';
import {
  fieldAction,
  isSpeakerShortcut,
  linesToSend,
  oneLine,
  PartialPacer,
  partialText,
  type KeyFacts,
} from './console';

const key = (k: string, extra: Partial<KeyFacts> = {}): KeyFacts => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  isComposing: false,
  ...extra,
});
const fresh = { empty: false, editing: false };

describe('caption console keys', () => {
  it('send with Enter, Shift+Enter too (lines are single lines)', () => {
    expect(fieldAction(key('Enter'), fresh)).toBe('send');
    expect(fieldAction(key('Enter', { shiftKey: true }), fresh)).toBe('send');
  });

  it('leave Enter to an input method that is composing', () => {
    expect(fieldAction(key('Enter', { isComposing: true }), fresh)).toBeNull();
  });

  it('open the last line with ArrowUp only in an empty field', () => {
    expect(fieldAction(key('ArrowUp'), { empty: true, editing: false })).toBe('load-last');
    expect(fieldAction(key('ArrowUp'), fresh)).toBeNull();
    expect(fieldAction(key('ArrowUp'), { empty: true, editing: true })).toBeNull();
  });

  it('cancel a correction with Escape', () => {
    expect(fieldAction(key('Escape'), { empty: false, editing: true })).toBe('cancel');
    expect(fieldAction(key('Escape'), fresh)).toBeNull();
  });

  it('find Alt+S by key or by place', () => {
    expect(isSpeakerShortcut(key('s', { altKey: true }))).toBe(true);
    expect(isSpeakerShortcut(key('ß', { altKey: true, code: 'KeyS' }))).toBe(true);
    expect(isSpeakerShortcut(key('s'))).toBe(false);
    expect(isSpeakerShortcut(key('s', { altKey: true, ctrlKey: true }))).toBe(false);
  });
});

describe('caption text', () => {
  it('keeps pasted text on one line', () => {
    expect(oneLine('one\ntwo\r\nthree')).toBe('one two three');
  });

  it('cuts a long line at a space before the limit', () => {
    const words = 'alpha beta gamma delta epsilon';
    expect(linesToSend(words, 12)).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
    expect(linesToSend('   ', 12)).toEqual([]);
    for (const part of linesToSend('word '.repeat(200))) expect(part.length).toBeLessThanOrEqual(500);
  });

  it('sends the end of an overlong partial', () => {
    expect(partialText('abcdef', 4)).toBe('cdef');
    expect(partialText('abc', 4)).toBe('abc');
  });
});

describe('partial pacing', () => {
  function fakeTimers() {
    let now = 0;
    let queue: { at: number; fn: () => void; handle: number }[] = [];
    let next = 1;
    return {
      timers: {
        now: () => now,
        setTimeout: (fn: () => void, ms: number) => {
          const handle = next++;
          queue.push({ at: now + ms, fn, handle });
          return handle;
        },
        clearTimeout: (handle: unknown) => {
          queue = queue.filter((t) => t.handle !== handle);
        },
      },
      advance(ms: number) {
        now += ms;
        const due = queue.filter((t) => t.at <= now);
        queue = queue.filter((t) => t.at > now);
        for (const t of due) t.fn();
      },
    };
  }

  it('sends at most one partial per gap, and always the last text', () => {
    const clock = fakeTimers();
    const sent: string[] = [];
    const pacer = new PartialPacer((t) => sent.push(t), 100, clock.timers);
    pacer.update('H');
    pacer.update('He');
    pacer.update('Hel');
    expect(sent).toEqual(['H']);
    clock.advance(50);
    pacer.update('Hell');
    expect(sent).toEqual(['H']);
    clock.advance(50);
    expect(sent).toEqual(['H', 'Hell']);
    clock.advance(200);
    pacer.update('Hello');
    expect(sent).toEqual(['H', 'Hell', 'Hello']);
  });

  it('sends an empty partial when the field is cleared', () => {
    const clock = fakeTimers();
    const sent: string[] = [];
    const pacer = new PartialPacer((t) => sent.push(t), 100, clock.timers);
    pacer.update('Hi');
    pacer.update('');
    clock.advance(100);
    expect(sent).toEqual(['Hi', '']);
  });

  it('drops a waiting partial when the line is sent', () => {
    const clock = fakeTimers();
    const sent: string[] = [];
    const pacer = new PartialPacer((t) => sent.push(t), 100, clock.timers);
    pacer.update('Hi');
    pacer.update('Hi there');
    pacer.cancel();
    clock.advance(500);
    expect(sent).toEqual(['Hi']);
  });
});
