import type { ReactionId as WireReactionId } from '@kring/protocol';

/**
 * Reactions: a small fixed set. Ids are what is stored; who reacted is kept by the server, which
 * writes only the counts into the document (`applyReactionCounts`). Labels are plain language for
 * screen readers and live in the i18n tables (`reaction.<id>`).
 */
export const REACTIONS = [
  { id: 'heart', emoji: '❤️' },
  { id: 'thanks', emoji: '🙏' },
  { id: 'me-too', emoji: '🤝' },
  { id: 'idea', emoji: '💡' },
  { id: 'question', emoji: '❓' },
] as const;

export type ReactionId = (typeof REACTIONS)[number]['id'];
export type ReactionCounts = Partial<Record<ReactionId, number>>;

export const REACTION_IDS: readonly ReactionId[] = REACTIONS.map((r) => r.id);

// The wire protocol (`note.react`) names the same set, in the same order; this fails to compile
// the moment the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameReactions: Same<ReactionId, WireReactionId> = true;
void sameReactions;

export function isReactionId(value: unknown): value is ReactionId {
  return typeof value === 'string' && (REACTION_IDS as readonly string[]).includes(value);
}

/**
 * One person's reactions on one note after toggling `kind`: each kind at most once per person,
 * in the fixed order. Pure; the server keeps these sets and writes `tallyReactions` into the doc.
 */
export function toggleReaction(current: readonly ReactionId[], kind: ReactionId): ReactionId[] {
  const set = new Set(current);
  if (set.has(kind)) set.delete(kind);
  else set.add(kind);
  return REACTION_IDS.filter((id) => set.has(id));
}

/**
 * Counts per note from who reacted with what: person id → note id → kinds.
 * Unknown kinds and repeats are ignored; notes with no reactions are left out.
 */
export function tallyReactions(
  byPerson: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>,
): Record<string, ReactionCounts> {
  const out: Record<string, ReactionCounts> = {};
  for (const notes of Object.values(byPerson)) {
    for (const [noteId, kinds] of Object.entries(notes)) {
      for (const kind of new Set(kinds)) {
        if (!isReactionId(kind)) continue;
        const counts = (out[noteId] ??= {});
        counts[kind] = (counts[kind] ?? 0) + 1;
      }
    }
  }
  return out;
}
