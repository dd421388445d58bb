/** The round order a facilitator sets by hand: everyone listed, each included or not. */
export interface OrderEntry {
  id: string;
  included: boolean;
}

/** Moves the entry at `index` by `delta` places (clamped); returns a new list. */
export function moveEntry<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, index + delta));
  if (index < 0 || index >= list.length || target === index) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/**
 * Keeps a hand-made order in step with who is in the session: people who left are dropped, new
 * people are added at the end (included), the rest keep their place and choice.
 */
export function syncOrder(entries: readonly OrderEntry[], ids: readonly string[]): OrderEntry[] {
  const present = new Set(ids);
  const kept = entries.filter((e) => present.has(e.id));
  const known = new Set(kept.map((e) => e.id));
  const added = ids.filter((id) => !known.has(id)).map((id) => ({ id, included: true }));
  return kept.length === entries.length && added.length === 0 ? [...entries] : [...kept, ...added];
}

export const includedIds = (entries: readonly OrderEntry[]): string[] =>
  entries.filter((e) => e.included).map((e) => e.id);
