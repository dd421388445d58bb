/**
 * What the cockpit remembers on this device: the open tab (for the visit: sessionStorage), the
 * questions already seen and the "keep this link" card (localStorage, until dismissed). Storage
 * may be unavailable (privacy settings); the cockpit then simply forgets.
 */
function store(kind: 'local' | 'session'): Storage | null {
  try {
    if (kind === 'local') return typeof localStorage === 'undefined' ? null : localStorage;
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function read(kind: 'local' | 'session', key: string): string | null {
  try {
    return store(kind)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function write(kind: 'local' | 'session', key: string, value: string | null): void {
  try {
    if (value === null) store(kind)?.removeItem(key);
    else store(kind)?.setItem(key, value);
  } catch {
    // quota or privacy settings: forgetting is harmless here
  }
}

const keepLinkKey = (code: string) => `kring:keep-link:${code.toUpperCase()}`;

/** Set by the create form: the host has just made this session and should keep their link. */
export function markJustCreated(code: string): void {
  write('local', keepLinkKey(code), '1');
}

export function shouldShowKeepLink(code: string): boolean {
  return read('local', keepLinkKey(code)) === '1';
}

export function dismissKeepLink(code: string): void {
  write('local', keepLinkKey(code), null);
}
