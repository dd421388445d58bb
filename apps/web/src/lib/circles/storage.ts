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

/*
 * A registrant's token (CI23), apart from circle and session tokens (a registration token opens
 * nothing else, nor they it). Kept twice: per meeting (`kring:registration:<CODE>:<series>:<key>`),
 * so that meeting's event page says "you are registered" on this device; and per circle
 * (`kring:registration:<CODE>`), the one `/c/CODE/registration` shows when opened without a link.
 */

export function registrationTokenKey(code: string, meeting?: { seriesId: string; key: string }): string {
  const base = `kring:registration:${code.toUpperCase()}`;
  return meeting ? `${base}:${meeting.seriesId}:${meeting.key}` : base;
}

function put(key: string, value: string): void {
  memory.set(key, value);
  try {
    storage()?.setItem(key, value);
  } catch {
    // quota or privacy settings: the in-memory copy keeps this tab working
  }
}

function get(key: string): string | null {
  try {
    const stored = storage()?.getItem(key);
    if (stored) return stored;
  } catch {
    // ignore, use memory
  }
  return memory.get(key) ?? null;
}

function drop(key: string): void {
  memory.delete(key);
  try {
    storage()?.removeItem(key);
  } catch {
    // ignore
  }
}

/** Just registered on this device (or the personal link opened): kept for the meeting and the circle. */
export function saveRegistrationToken(
  code: string,
  token: string,
  meeting?: { seriesId: string; key: string },
): void {
  put(registrationTokenKey(code), token);
  if (meeting) put(registrationTokenKey(code, meeting), token);
}

/** The token kept for one meeting, or (no meeting) the circle's last one. */
export function loadRegistrationToken(
  code: string,
  meeting?: { seriesId: string; key: string },
): string | null {
  return get(registrationTokenKey(code, meeting));
}

/** Cancelled, removed or refused: this device forgets it wherever it kept this token. */
export function clearRegistrationToken(
  code: string,
  token: string,
  meeting?: { seriesId: string; key: string },
): void {
  if (get(registrationTokenKey(code)) === token) drop(registrationTokenKey(code));
  if (meeting && get(registrationTokenKey(code, meeting)) === token)
    drop(registrationTokenKey(code, meeting));
}

/**
 * The registration page (`/c/CODE/registration#token=…`): the link's token is kept for its
 * circle (the caller then wipes the fragment); without one, the token this device kept.
 */
export function adoptRegistrationToken(code: string, hash: string): string | null {
  const fromLink = tokenFromHash(hash);
  if (fromLink) put(registrationTokenKey(code), fromLink);
  return fromLink ?? get(registrationTokenKey(code));
}
