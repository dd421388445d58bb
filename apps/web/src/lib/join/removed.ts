/**
 * What this device remembers about its person and a session, keyed by join code in localStorage
 * (in memory when storage is unavailable). Only a courtesy of the UI: the server knows no devices.
 */
const memory = new Set<string>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** One yes/no mark per join code under `kring:<name>:<CODE>`. */
function deviceMark(name: string) {
  const key = (code: string) => `kring:${name}:${code.toUpperCase()}`;
  return {
    key,
    set(code: string): void {
      memory.add(key(code));
      try {
        storage()?.setItem(key(code), '1');
      } catch {
        // quota or privacy settings: the in-memory mark still holds for this tab
      }
    },
    clear(code: string): void {
      memory.delete(key(code));
      try {
        storage()?.removeItem(key(code));
      } catch {
        // nothing stored, nothing to forget
      }
    },
    has(code: string): boolean {
      try {
        if (storage()?.getItem(key(code)) === '1') return true;
      } catch {
        // ignore, use memory
      }
      return memory.has(key(code));
    },
  };
}

/**
 * RO5: removed by a facilitator, so the join page says so instead of offering the name form again.
 * Someone determined can still join from elsewhere with the code; facilitators can give the
 * session a new code (J4).
 */
const removed = deviceMark('removed');
export const removedKey = removed.key;
export const markRemoved = removed.set;
export const wasRemoved = removed.has;

/**
 * PR8: left with their words (marked before the command goes out, so the removal that follows
 * reads as leaving, not as being removed). Unlike a removal it does not close the join page: they
 * may come back as someone new.
 */
const left = deviceMark('left');
export const leftKey = left.key;
export const markLeft = left.set;
export const forgetLeft = left.clear;
export const hasLeft = left.has;
