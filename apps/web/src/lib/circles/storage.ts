import { tokenFromHash } from '$lib/token';

/**
 * Where this device keeps its personal link's token for a circle (issue 16): localStorage under
 * `kring:circle:<CODE>`, apart from session tokens (`kring:token:<CODE>`) so the two never mix
 * (a circle token never passes as a session token, CI13). Falls back to memory when storage is
 * unavailable (private mode, storage disabled), like $lib/token.
 */
const memory = new Map<string, string>();

export function circleTokenKey(code: string): string {
  return `kring:circle:${code.toUpperCase()}`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function saveCircleToken(code: string, token: string): void {
  memory.set(circleTokenKey(code), token);
  try {
    storage()?.setItem(circleTokenKey(code), token);
  } catch {
    // quota or privacy settings: the in-memory copy keeps this tab working
  }
}

export function loadCircleToken(code: string): string | null {
  try {
    const stored = storage()?.getItem(circleTokenKey(code));
    if (stored) return stored;
  } catch {
    // ignore, use memory
  }
  return memory.get(circleTokenKey(code)) ?? null;
}

/** Leaving the circle, or a link that no longer works (a new one was made, CI13). */
export function clearCircleToken(code: string): void {
  memory.delete(circleTokenKey(code));
  try {
    storage()?.removeItem(circleTokenKey(code));
  } catch {
    // ignore
  }
}

/**
 * The token a personal link (`/c/CODE#token=…`) brings is kept for its circle; the caller then
 * wipes the fragment from the address bar (`history.replaceState`), so a copied URL or a
 * screenshot does not share it. Returns the token this device now holds for the circle: the
 * link's, else one kept before, else null.
 */
export function adoptCircleToken(code: string, hash: string): string | null {
  const fromLink = tokenFromHash(hash);
  if (fromLink) saveCircleToken(code, fromLink);
  return fromLink ?? loadCircleToken(code);
}
