/**
 * Dot-vote rules (VO), pure: each person has a budget of votes for the whole board and may put at
 * most `capPerNote` of them on one note. The server decides every vote with these on the control
 * plane (one command at a time per session, C6), so a budget holds however many votes arrive at
 * once; the resulting totals are written into the board document by the server.
 */

/** One person's votes: note id → how many of their votes are on it. */
export type Ballot = Readonly<Record<string, number>>;

export interface VoteRules {
  budget: number;
  capPerNote: number;
}

export type VoteRefusal = 'vote_closed' | 'budget_exhausted' | 'cap_reached' | 'no_votes_to_remove';

export type VoteCheck = { ok: true; ballot: Record<string, number> } | { ok: false; reason: VoteRefusal };

const count = (n: number | undefined): number =>
  n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;

/**
 * Votes a person has spent. VO3: with `live` (the notes still on the board), votes on notes that
 * are gone no longer count, so a removed note gives its votes back.
 */
export function votesSpent(ballot: Ballot, live?: ReadonlySet<string>): number {
  let sum = 0;
  for (const [noteId, n] of Object.entries(ballot)) if (!live || live.has(noteId)) sum += count(n);
  return sum;
}

/** Votes a person has left; never below 0. */
export function votesLeft(budget: number, ballot: Ballot, live?: ReadonlySet<string>): number {
  return Math.max(0, budget - votesSpent(ballot, live));
}

/**
 * VO2: one vote more (+1) or one back (−1). On success, the ballot afterwards (notes at 0 left
 * out). A vote that breaks both the budget and the cap reports the budget: "no votes left" is what
 * the person needs to hear.
 */
export function checkVote(
  rules: VoteRules,
  ballot: Ballot,
  noteId: string,
  delta: 1 | -1,
  live?: ReadonlySet<string>,
): VoteCheck {
  const current = count(ballot[noteId]);
  const next = current + delta;
  if (delta > 0) {
    if (votesSpent(ballot, live) + 1 > rules.budget) return { ok: false, reason: 'budget_exhausted' };
    if (next > rules.capPerNote) return { ok: false, reason: 'cap_reached' };
  } else if (next < 0) {
    return { ok: false, reason: 'no_votes_to_remove' };
  }
  return { ok: true, ballot: withCount(ballot, noteId, next) };
}

/** `counts` with `key` set to `n`; keys at 0 are left out. */
export function withCount(counts: Ballot, key: string, n: number): Record<string, number> {
  const { [key]: _old, ...rest } = counts;
  return n > 0 ? { ...rest, [key]: n } : rest;
}

/** Total votes per note from everyone's ballots (voter id → ballot); notes without votes left out. */
export function tallyVotes(ballots: Readonly<Record<string, Ballot>>): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const ballot of Object.values(ballots)) {
    for (const [noteId, n] of Object.entries(ballot)) {
      if (count(n) > 0) totals[noteId] = (totals[noteId] ?? 0) + count(n);
    }
  }
  return totals;
}

/**
 * VO7: the results order. Note ids with the most votes first; ties keep the order they came in
 * (the board's own order), so every screen sorts the same way.
 */
export function byVotes(noteIds: readonly string[], totals: Readonly<Record<string, number>>): string[] {
  return [...noteIds].sort((a, b) => count(totals[b]) - count(totals[a]));
}
