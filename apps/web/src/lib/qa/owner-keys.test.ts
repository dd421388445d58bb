import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { QuestionView } from '@kring/protocol';
import {
  forgetOwnerSecrets,
  loadOwnerSecrets,
  newOwnerSecret,
  ownerKeyOf,
  saveOwnerSecret,
  withOwnQuestions,
} from './owner-keys';

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const question = (over: Partial<QuestionView>): QuestionView => ({
  id: 'question1',
  text: 'q',
  anonymous: true,
  authorId: null,
  ownerKey: null,
  askedAt: 0,
  votes: 0,
  votedByMe: false,
  mine: false,
  answered: false,
  pinned: false,
  hidden: false,
  ...over,
});

describe('owner keys of anonymous questions (Q10)', () => {
  it('a secret is 32 random bytes in base64url; its key is the SHA-256 the server computes', async () => {
    const secret = newOwnerSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newOwnerSecret()).not.toBe(secret);
    const key = await ownerKeyOf(secret);
    expect(key).toBe(createHash('sha256').update(secret, 'utf8').digest('base64url'));
  });

  it('keeps this device’s secrets per session and marks its questions as its own', () => {
    const store = memory();
    saveOwnerSecret('session1', 'key-a', 'secret-a', store);
    saveOwnerSecret('session1', 'key-b', 'secret-b', store);
    saveOwnerSecret('session2', 'key-c', 'secret-c', store);
    expect(loadOwnerSecrets('session1', store)).toEqual({ 'key-a': 'secret-a', 'key-b': 'secret-b' });
    store.setItem('kring:anon:broken', '{not json');
    expect(loadOwnerSecrets('broken', store)).toEqual({});
    const mine = question({ ownerKey: 'key-a' });
    const theirs = question({ id: 'question2', ownerKey: 'key-z' });
    const named = question({ id: 'question3', anonymous: false, authorId: 'someone', ownerKey: null });
    expect(
      withOwnQuestions([mine, theirs, named], loadOwnerSecrets('session1', store)).map((q) => q.mine),
    ).toEqual([true, false, false]);
  });

  it('PR8: leaving forgets the session’s secrets, and no other session’s', () => {
    const store = memory();
    saveOwnerSecret('session1', 'key1', 'secret1', store);
    saveOwnerSecret('session2', 'key2', 'secret2', store);
    forgetOwnerSecrets('session1', store);
    expect(loadOwnerSecrets('session1', store)).toEqual({});
    expect(loadOwnerSecrets('session2', store)).toEqual({ key2: 'secret2' });
  });
});
