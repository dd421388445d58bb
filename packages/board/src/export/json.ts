import type { BoardData, BoardNote } from '../read';
import { REACTION_IDS } from '../reactions';
import { type RankedNote, voteResults } from '../results';
import { type ExportOptions, authorName, isoTime } from './common';

export const JSON_EXPORT_FORMAT = 'kring-board';
export const JSON_EXPORT_VERSION = 1;

/**
 * The lossless export: `{ format: 'kring-board', version: 1, meta, columns, results }`, every object
 * built field by field so the key order is stable, two-space indented, ending in a newline.
 * Authors appear as display names only (`author`, null when unknown or anonymous): ids are
 * internal and a harvest needs no more than the name people chose to show.
 *
 * `results` (issue 15) is the dot vote's ranking (`voteResults`, every voted note, none left out
 * by a limit): `overall` and per column `notes` and `groups`, each with `rank` (ties share one) and
 * `votes`; notes are referred to by id with their text repeated for readers of this part alone.
 * Empty lists when nobody voted. An added field, so still version 1.
 */
export function toJson(board: BoardData, options: ExportOptions = {}): string {
  const note = (n: BoardNote) => {
    const reactions: Record<string, number> = {};
    for (const id of REACTION_IDS) {
      const count = n.reactions[id];
      if (count) reactions[id] = count;
    }
    return {
      id: n.id,
      text: n.text,
      color: n.color,
      author: authorName(board, n, options.authorNames) ?? null,
      createdAt: isoTime(n.createdAt),
      hidden: n.hidden,
      reactions,
      votes: n.votes,
    };
  };
  const ranked = (n: RankedNote) => ({
    id: n.id,
    text: n.text,
    votes: n.votes,
    rank: n.rank,
    columnId: n.columnId,
    clusterId: n.cluster?.id ?? null,
  });
  const results = voteResults(board, { top: Number.POSITIVE_INFINITY, perColumn: Number.POSITIVE_INFINITY });
  const doc = {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    meta: {
      title: board.meta.title,
      templateId: board.meta.templateId,
      anonymous: board.meta.anonymous,
      locale: board.meta.locale,
    },
    columns: board.columns.map((column) => ({
      id: column.id,
      title: column.title,
      prompt: column.prompt ?? null,
      implicit: column.implicit,
      notes: column.notes.map(note),
      clusters: column.clusters.map((cluster) => ({
        id: cluster.id,
        title: cluster.title,
        notes: cluster.notes.map(note),
      })),
    })),
    results: {
      votes: results.votes,
      voted: results.voted,
      overall: results.overall.map(ranked),
      columns: results.columns.map((column) => ({
        id: column.id,
        votes: column.votes,
        voted: column.voted,
        notes: column.notes.map(ranked),
        groups: column.groups.map((g) => ({ id: g.id, title: g.title, votes: g.votes, rank: g.rank })),
      })),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
