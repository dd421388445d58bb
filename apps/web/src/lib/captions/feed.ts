import { compareLines } from '@kring/core';
import type { CaptionLine, CaptionPartial, CaptionScope, CaptionUpdate } from '@kring/protocol';

/**
 * The pure half of the caption feed: how the lines and partials a screen holds change with each
 * server message. Plain values in, plain values out, so the ordering rules are tested without a
 * socket (the reactive class in feed.svelte.ts only stores what these return).
 */

/** Enough for the band, the console's own lines and a little scrolling back; older ones drop. */
export const FEED_KEEP = 50;

export interface FeedData {
  lines: CaptionLine[];
  partials: CaptionPartial[];
}

export const EMPTY_FEED: FeedData = { lines: [], partials: [] };

/** Sorted by the transcript's order (CA4), one entry per id, the newest `keep`. */
function tidy(lines: CaptionLine[], keep: number): CaptionLine[] {
  const sorted = [...lines].sort(compareLines);
  return sorted.length > keep ? sorted.slice(sorted.length - keep) : sorted;
}

/** Replaces the line with the same id (or adds it), keeping the order. */
function putLine(lines: CaptionLine[], line: CaptionLine, keep: number): CaptionLine[] {
  return tidy([...lines.filter((l) => l.id !== line.id), line], keep);
}

/** One server push applied (always for this screen's scope). */
export function applyUpdate(feed: FeedData, update: CaptionUpdate, keep = FEED_KEEP): FeedData {
  switch (update.kind) {
    case 'partial': {
      const who = update.partial.participantId;
      // Empty text: that person stopped typing (or sent the line elsewhere); nothing to show.
      if (!update.partial.text.trim())
        return { ...feed, partials: feed.partials.filter((p) => p.participantId !== who) };
      // In place: two captioners typing at once keep their places on screen.
      const at = feed.partials.findIndex((p) => p.participantId === who);
      const partials =
        at === -1 ? [...feed.partials, update.partial] : feed.partials.with(at, update.partial);
      return { ...feed, partials };
    }
    case 'line': {
      const by = update.line.by;
      // The person's finished line replaces what they were typing.
      const partials =
        by.kind === 'person'
          ? feed.partials.filter((p) => p.participantId !== by.participantId)
          : feed.partials;
      return { lines: putLine(feed.lines, update.line, keep), partials };
    }
    case 'corrected':
      // A correction of a line this screen never had (older than it keeps) changes nothing here.
      return feed.lines.some((l) => l.id === update.line.id)
        ? { ...feed, lines: putLine(feed.lines, update.line, keep) }
        : feed;
    case 'cleared':
      return { ...feed, lines: [] };
  }
}

/**
 * The server's answer to `captions` for `scope`. Lines pushed while the question was on its way
 * are kept (the answer may predate them); a line in both keeps its later correction. Whatever
 * belonged to another scope goes: the screen now reads this one.
 */
export function mergeFetched(
  feed: FeedData,
  scope: CaptionScope,
  fetched: FeedData,
  keep = FEED_KEEP,
): FeedData {
  const byId = new Map<string, CaptionLine>();
  for (const line of feed.lines) if (line.scope === scope) byId.set(line.id, line);
  for (const line of fetched.lines) {
    const held = byId.get(line.id);
    if (!held || (line.editedAt ?? 0) >= (held.editedAt ?? 0)) byId.set(line.id, line);
  }
  const partials = fetched.partials.filter((p) => p.scope === scope && p.text.trim());
  return { lines: tidy([...byId.values()], keep), partials };
}

/** The lines the band shows: the last `count`. */
export function lastLines(lines: readonly CaptionLine[], count: number): CaptionLine[] {
  return count <= 0 ? [] : lines.slice(Math.max(0, lines.length - count));
}
