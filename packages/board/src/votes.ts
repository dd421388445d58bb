/**
 * Dot voting rules, pure (no Yjs): each person has a budget of votes for the whole board and may
 * put at most `capPerNote` of them on one note. The server checks every vote with these rules on
 * the control plane and writes the tally into the document (`applyVoteCounts`); a vote written
 * into the document by anyone else is not a vote.
 */

export interface VoteRules {
  /** Votes one person may spend on the whole board (0 closes voting). */
  budget: number;
  /** Most votes one person may put on a single note. */
  capPerNote: number;
}

export type VoteRefusal = 'budget_exhausted' | 'cap_reached' | 'no_votes_to_remove' | 'bad_delta';

/** One person's votes: note id → how many of their votes are on it. */
export type VotesByNote = Readonly<Record<string, number>>;

export interface VoteRequest extends VoteRules {
  votesByVoter: VotesByNote;
  noteId: string;
  /** +1 to add a vote, -1 to take one back (any non-zero whole number). */
  delta: number;
}

export type VoteCheck =
  { ok: true; votes: Record<string, number>; left: number } | { ok: false; reason: VoteRefusal };

function count(n: number | undefined): number {
  return n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function assertRules({ budget, capPerNote }: VoteRules): void {
  if (!Number.isSafeInteger(budget) || budget < 0 || !Number.isSafeInteger(capPerNote) || capPerNote < 1) {
    throw new RangeError(`Invalid vote rules: budget ${budget}, cap per note ${capPerNote}.`);
  }
}

/** Votes one person has spent. */
export function votesSpent(votes: VotesByNote): number {
  return Object.values(votes).reduce((sum, n) => sum + count(n), 0);
}

/** Votes one person has left (never below 0, even if the budget was lowered after they voted). */
export function votesLeft(budget: number, votes: VotesByNote): number {
  return Math.max(0, budget - votesSpent(votes));
}

/**
 * Checks one vote change against the rules. On success returns the person's votes afterwards
 * (notes at 0 left out) and how many they have left; otherwise a named refusal. When a vote
 * breaks both the budget and the cap, the budget is reported: "no votes left" is what the person
 * needs to hear.
 */
export function checkVote(request: VoteRequest): VoteCheck {
  assertRules(request);
  const { budget, capPerNote, votesByVoter, noteId, delta } = request;
  if (!Number.isSafeInteger(delta) || delta === 0) return { ok: false, reason: 'bad_delta' };
  const current = count(votesByVoter[noteId]);
  const next = current + delta;
  if (delta > 0) {
    if (votesSpent(votesByVoter) + delta > budget) return { ok: false, reason: 'budget_exhausted' };
    if (next > capPerNote) return { ok: false, reason: 'cap_reached' };
  } else if (next < 0) {
    return { ok: false, reason: 'no_votes_to_remove' };
  }
  const votes: Record<string, number> = {};
  for (const [id, n] of Object.entries(votesByVoter)) if (id !== noteId && count(n) > 0) votes[id] = count(n);
  if (next > 0) votes[noteId] = next;
  return { ok: true, votes, left: votesLeft(budget, votes) };
}

/**
 * Total votes per note from everyone's votes (voter id → note id → votes), with keys in sorted
 * order and notes without votes left out. Feed it to `applyVoteCounts`.
 */
export function tallyVotes(byVoter: Readonly<Record<string, VotesByNote>>): Record<string, number> {
  const totals = new Map<string, number>();
  for (const votes of Object.values(byVoter)) {
    for (const [noteId, n] of Object.entries(votes)) {
      if (count(n) > 0) totals.set(noteId, (totals.get(noteId) ?? 0) + count(n));
    }
  }
  const out: Record<string, number> = {};
  for (const id of [...totals.keys()].sort()) out[id] = totals.get(id) as number;
  return out;
}
