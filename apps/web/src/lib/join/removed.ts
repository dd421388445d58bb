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

/**
 * PR8: this device's person left with their words (marked before the command goes out, so the
 * removal that follows reads as leaving, not as being removed). Unlike a removal it does not close
 * the join page: they may come back as someone new.
 */
export function leftKey(code: string): string {
  return `kring:left:${code.toUpperCase()}`;
}

export function markLeft(code: string): void {
  memory.add(leftKey(code));
  try {
    storage()?.setItem(leftKey(code), '1');
  } catch {
    // the in-memory mark still holds for this tab
  }
}

export function forgetLeft(code: string): void {
  memory.delete(leftKey(code));
  try {
    storage()?.removeItem(leftKey(code));
  } catch {
    // nothing stored, nothing to forget
  }
}

export function hasLeft(code: string): boolean {
  try {
    if (storage()?.getItem(leftKey(code)) === '1') return true;
  } catch {
    // ignore, use memory
  }
  return memory.has(leftKey(code));
}
