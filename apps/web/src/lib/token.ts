/**
 * Where this device keeps the token for a session: localStorage under `kring:token:<CODE>`.
 * Falls back to memory when storage is unavailable (private mode, storage disabled).
 */
const memory = new Map<string, string>();

export function tokenKey(code: string): string {
  return `kring:token:${code.toUpperCase()}`;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function saveToken(code: string, token: string): void {
  memory.set(tokenKey(code), token);
  try {
    storage()?.setItem(tokenKey(code), token);
  } catch {
    // quota or privacy settings: the in-memory copy keeps this tab working
  }
}

export function loadToken(code: string): string | null {
  try {
    const stored = storage()?.getItem(tokenKey(code));
    if (stored) return stored;
  } catch {
    // ignore, use memory
  }
  return memory.get(tokenKey(code)) ?? null;
}

export function clearToken(code: string): void {
  memory.delete(tokenKey(code));
  try {
    storage()?.removeItem(tokenKey(code));
  } catch {
    // ignore
  }
}

/**
 * The join code changed (J4): the token this device holds moves to the new code, so a reload of
 * the new address finds it. Idempotent, so several tabs of the session may all do it.
 */
export function moveToken(from: string, to: string, token: string): void {
  if (from.toUpperCase() === to.toUpperCase()) return;
  saveToken(to, token);
  if (loadToken(from) === token) clearToken(from);
}

/** Reads `token` from a URL fragment such as `#token=abc`; null when absent. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token && token.length > 0 ? token : null;
}
