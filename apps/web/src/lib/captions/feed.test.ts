import type { CaptionLine, CaptionPartial } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { applyUpdate, EMPTY_FEED, lastLines, mergeFetched } from './feed';

const line = (id: string, order: number, extra: Partial<CaptionLine> = {}): CaptionLine => ({
  id,
  scope: 'plenary',
  text: `line ${id}`,
  speaker: null,
  lang: null,
  at: order,
  order,
  by: { kind: 'person', participantId: 'cap' },
  editedAt: null,
  ...extra,
});
const partial = (participantId: string, text: string, scope = 'plenary'): CaptionPartial => ({
  scope,
  participantId,
  speaker: null,
  text,
});
const ids = (lines: CaptionLine[]) => lines.map((l) => l.id);

describe('caption feed', () => {
  it('keeps lines in transcript order, whatever order they arrive in', () => {
    let feed = applyUpdate(EMPTY_FEED, { kind: 'line', line: line('b', 20) });
    feed = applyUpdate(feed, { kind: 'line', line: line('a', 10) });
    feed = applyUpdate(feed, { kind: 'line', line: line('c', 30) });
    expect(ids(feed.lines)).toEqual(['a', 'b', 'c']);
  });

  it('orders a caption URL’s lines of one order by seq', () => {
    const url = (seq: number) => ({ kind: 'url' as const, sourceId: 's', seq });
    let feed = applyUpdate(EMPTY_FEED, { kind: 'line', line: line('x', 5, { by: url(3) }) });
    feed = applyUpdate(feed, { kind: 'line', line: line('y', 5, { by: url(2) }) });
    expect(ids(feed.lines)).toEqual(['y', 'x']);
  });

  it('keeps only the newest lines', () => {
    let feed = EMPTY_FEED;
    for (let i = 0; i < 8; i++) feed = applyUpdate(feed, { kind: 'line', line: line(`l${i}`, i) }, 5);
    expect(ids(feed.lines)).toEqual(['l3', 'l4', 'l5', 'l6', 'l7']);
  });

  it('adds the same line once', () => {
    let feed = applyUpdate(EMPTY_FEED, { kind: 'line', line: line('a', 1) });
    feed = applyUpdate(feed, { kind: 'line', line: line('a', 1) });
    expect(feed.lines).toHaveLength(1);
  });

  it('replaces a person’s partial, and forgets it when empty or when their line arrives', () => {
    let feed = applyUpdate(EMPTY_FEED, { kind: 'partial', partial: partial('cap', 'Hel') });
    feed = applyUpdate(feed, { kind: 'partial', partial: partial('cap', 'Hello') });
    feed = applyUpdate(feed, { kind: 'partial', partial: partial('other', 'Bon') });
    expect(feed.partials.map((p) => p.text)).toEqual(['Hello', 'Bon']);
    feed = applyUpdate(feed, { kind: 'partial', partial: partial('other', '') });
    expect(feed.partials.map((p) => p.text)).toEqual(['Hello']);
    feed = applyUpdate(feed, { kind: 'line', line: line('a', 1) });
    expect(feed.partials).toEqual([]);
  });

  it('keeps partials when a caption URL’s line arrives', () => {
    let feed = applyUpdate(EMPTY_FEED, { kind: 'partial', partial: partial('cap', 'Hel') });
    feed = applyUpdate(feed, {
      kind: 'line',
      line: line('u', 1, { by: { kind: 'url', sourceId: 's', seq: 1 } }),
    });
    expect(feed.partials).toHaveLength(1);
  });

  it('replaces a corrected line in place and ignores corrections of lines it never had', () => {
    let feed = applyUpdate(EMPTY_FEED, { kind: 'line', line: line('a', 1) });
    feed = applyUpdate(feed, { kind: 'line', line: line('b', 2) });
    feed = applyUpdate(feed, { kind: 'corrected', line: line('a', 1, { text: 'fixed', editedAt: 9 }) });
    expect(feed.lines.map((l) => l.text)).toEqual(['fixed', 'line b']);
    const same = applyUpdate(feed, { kind: 'corrected', line: line('zz', 0) });
    expect(same).toBe(feed);
  });

  it('forgets every line when the transcript is deleted', () => {
    const feed = applyUpdate(EMPTY_FEED, { kind: 'line', line: line('a', 1) });
    expect(applyUpdate(feed, { kind: 'cleared' }).lines).toEqual([]);
  });

  it('merges a fetched answer with lines pushed meanwhile, and drops another scope', () => {
    let feed = applyUpdate(EMPTY_FEED, { kind: 'line', line: line('new', 50) });
    feed = applyUpdate(feed, {
      kind: 'line',
      line: line('fixed', 10, { text: 'later words', editedAt: 60 }),
    });
    feed = applyUpdate(feed, { kind: 'line', line: line('room', 5, { scope: 'r1' }) });
    const merged = mergeFetched(feed, 'plenary', {
      lines: [line('old', 1), line('fixed', 10)],
      partials: [partial('cap', 'typing'), partial('x', '  '), partial('y', 'elsewhere', 'r1')],
    });
    expect(ids(merged.lines)).toEqual(['old', 'fixed', 'new']);
    expect(merged.lines[1]!.text).toBe('later words');
    expect(merged.partials.map((p) => p.participantId)).toEqual(['cap']);
  });

  it('gives the band the last lines', () => {
    const lines = [line('a', 1), line('b', 2), line('c', 3)];
    expect(ids(lastLines(lines, 2))).toEqual(['b', 'c']);
    expect(ids(lastLines(lines, 5))).toEqual(['a', 'b', 'c']);
    expect(lastLines(lines, 0)).toEqual([]);
  });
});
