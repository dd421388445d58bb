/**
 * This device remembers that its person was removed from a session by a facilitator (RO5), so the
 * join page says so instead of offering the name form again. Keyed by join code, in localStorage
 * (`kring:removed:<CODE>`), in memory when storage is unavailable. Only a courtesy of the UI: the
 * server knows no devices, so someone determined can still join from elsewhere with the code;
 * facilitators can give the session a new code (J4).
 */
const memory = new Set<string>();

export function removedKey(code: string): string {
  return `kring:removed:${code.toUpperCase()}`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function markRemoved(code: string): void {
  memory.add(removedKey(code));
  try {
    storage()?.setItem(removedKey(code), '1');
  } catch {
    // quota or privacy settings: the in-memory mark still holds for this tab
  }
}

export function wasRemoved(code: string): boolean {
  try {
    if (storage()?.getItem(removedKey(code)) === '1') return true;
  } catch {
    // ignore, use memory
  }
  return memory.has(removedKey(code));
}
