import type { QuestionView } from '@kring/protocol';

/** Q3: pinned first, then the most votes, then the oldest; the id settles exact ties. */
export function byQaOrder(a: QuestionView, b: QuestionView): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.votes !== b.votes) return b.votes - a.votes;
  if (a.askedAt !== b.askedAt) return a.askedAt - b.askedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
