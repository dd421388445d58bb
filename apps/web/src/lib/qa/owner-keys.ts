import type { QuestionView } from '@kring/protocol';

/**
 * Q10: an anonymous question is stored with no author; the device that asked it keeps a secret for
 * it, and only the secret's hash (the owner key) goes to the server. The device knows its questions
 * by their keys, and deletes one by showing its secret. Secrets live in local storage under
 * `kring:anon:<sessionId>` (one session's keys together, gone with the browser's site data).
 */

const PREFIX = 'kring:anon:';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const storage = (): Store | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

/** Bytes in base64url without padding, as the server writes hashes. */
function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes in base64url (43 characters). */
export function newOwnerSecret(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  return base64url(random(new Uint8Array(32)));
}

/**
 * The owner key of a secret: base64url SHA-256 of its characters (as the server computes it). Null
 * where the browser has no Web Crypto digest (a page served over plain http): the question is then
 * asked without a key, and nobody can delete it (facilitators can hide it).
 */
export async function ownerKeyOf(secret: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  return base64url(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(secret))));
}

/** This device's secrets for one session: owner key → secret. */
export function loadOwnerSecrets(sessionId: string, store: Store | null = storage()): Record<string, string> {
  try {
    const raw = store?.getItem(`${PREFIX}${sessionId}`);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

export function saveOwnerSecret(
  sessionId: string,
  key: string,
  secret: string,
  store: Store | null = storage(),
): void {
  const all = { ...loadOwnerSecrets(sessionId, store), [key]: secret };
  try {
    store?.setItem(`${PREFIX}${sessionId}`, JSON.stringify(all));
  } catch {
    // Storage full or blocked: the question is still asked; this device just cannot delete it later.
  }
}

/** PR8: once its person left with their words, the session's secrets open nothing: forgotten. */
export function forgetOwnerSecrets(sessionId: string, store: Store | null = storage()): void {
  try {
    store?.removeItem(`${PREFIX}${sessionId}`);
  } catch {
    // blocked storage kept nothing
  }
}

/** The view's questions with this device's anonymous questions marked as its own. */
export function withOwnQuestions(
  questions: readonly QuestionView[],
  secrets: Readonly<Record<string, string>>,
): QuestionView[] {
  return questions.map((q) =>
    q.anonymous && !q.mine && q.ownerKey !== null && secrets[q.ownerKey] !== undefined
      ? { ...q, mine: true }
      : q,
  );
}
