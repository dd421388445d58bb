import {
  hasResults,
  voteResults,
  type BoardData,
  type ColumnResults,
  type VoteResults,
  type VoteResultsOptions,
} from '@kring/board';
import type { VoteView } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { isOne } from './model';

/**
 * The dot vote's ranked results as this reader may see them (issue 15), or null when there is
 * nothing to rank: no vote, totals hidden from this copy (VO6), or nobody voted yet. The ranking
 * itself is `voteResults` in @kring/board, shared with the harvest's exports.
 */
export function visibleResults(
  data: BoardData | null | undefined,
  vote: Pick<VoteView, 'totals'> | null | undefined,
  options?: VoteResultsOptions,
): VoteResults | null {
  if (!data || !vote || vote.totals === null) return null;
  const results = voteResults(data, options);
  return hasResults(results) ? results : null;
}

/** "3 votes" in the reader's language. */
export function votesCount(count: number): string {
  return isOne(count) ? m.votes_count_one({ count }) : m.votes_count_other({ count });
}

/** "3 votes:" before a ranked note's words. */
export function rankedCount(count: number): string {
  return isOne(count) ? m.votes_ranked_one({ count }) : m.votes_ranked_other({ count });
}

/** "and 2 more notes with votes" under a column's list cut at its limit; null when none are left out. */
export function moreVoted(column: ColumnResults): string | null {
  const count = column.voted - column.notes.length;
  if (count <= 0) return null;
  return isOne(count) ? m.votes_more_one({ count }) : m.votes_more_other({ count });
}

/** "No votes in: Mutuality and Moving towards", or null when every column had votes. */
export function columnsWithoutVotes(results: VoteResults): string | null {
  const titles = results.columns.filter((c) => c.voted === 0).map((c) => c.title);
  if (titles.length === 0) return null;
  const list = new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(titles);
  return m.votes_no_votes_in({ columns: list });
}
