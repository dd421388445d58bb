/**
 * Announcements someone dismissed, per session, on this device only (N3: no server state).
 * Ids of announcements that are no longer active are dropped on save, so the list stays small.
 */
type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

export const dismissedKey = (sessionId: string) => `kring:dismissed:${sessionId}`;

function storage(): KeyValue | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadDismissed(sessionId: string, store: KeyValue | null = storage()): string[] {
  try {
    const raw = store?.getItem(dismissedKey(sessionId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Keeps only ids still in `activeIds` (the announcements on screen now). */
export function saveDismissed(
  sessionId: string,
  dismissed: Iterable<string>,
  activeIds: Iterable<string>,
  store: KeyValue | null = storage(),
): string[] {
  const active = new Set(activeIds);
  const kept = [...new Set(dismissed)].filter((id) => active.has(id));
  try {
    store?.setItem(dismissedKey(sessionId), JSON.stringify(kept));
  } catch {
    // storage refused: dismissal holds for this page only
  }
  return kept;
}
