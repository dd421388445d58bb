import * as z from 'zod/mini';

/**
 * Q10/BD15: proof that an anonymous question or note is someone's without naming them: the
 * base64url SHA-256 of a random secret that only the writer's device keeps, one per question or
 * note. The secret is 32 random bytes written in base64url (43 characters); the key is the SHA-256
 * of those 43 characters (UTF-8).
 */
export const OwnerKey = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url SHA-256 hash'));
export const OwnerSecret = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url'));
