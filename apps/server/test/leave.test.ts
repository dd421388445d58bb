import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addNote, readNotes } from '@kring/board';
import { startKring } from '../src/app';
import { addBoard, command, noteTexts, snapshot, synced } from './boards-harness';
import { ok } from './breakouts-harness';
import { onDisk, quicklyErasing } from './disk';
import {
  connectSocket,
  createSession,
  joinSession,
  registerCleanup,
  tempDataDir,
  withToken,
} from './harness';

// Issue 13: a participant leaves with their words (core PR8), and nothing of theirs stays on disk.

const ownerSecret = () => {
  const secret = randomBytes(32).toString('base64url');
  return { secret, key: createHash('sha256').update(secret, 'utf8').digest('base64url') };
};

describe('leaving with your words (PR8)', () => {
  it('PR8: one command takes back everything a person wrote, everywhere, and their name; nothing of it stays in the file or its WAL', async () => {
    const dataDir = tempDataDir();
    const server = await quicklyErasing(dataDir);
    const created = await createSession(server.url, 'Intervision');
    const host = await connectSocket(server.url, withToken(created.facilitatorToken));
    const ada = await joinSession(server.url, created.joinCode, 'Adelheid Leaving-Quietly');
    const adaSocket = await connectSocket(server.url, withToken(ada.token));
    const ben = await joinSession(server.url, created.joinCode, 'Ben');
    const benSocket = await connectSocket(server.url, withToken(ben.token));
    const words = {
      name: 'Adelheid Leaving-Quietly',
      named: 'A named question about Callisto',
      anonymous: 'An anonymous worry about Io',
      byCommand: 'A note by command about Europa',
      direct: 'A note written straight in about Titan',
      hidden: 'A note the host hid, about Miranda',
      anonymousNote: 'An anonymous note about Rhea',
      draft: 'An unrevealed draft about Dione',
    };
    const stays = ['Ben stays with Oberon', 'Ben’s note about Umbriel'];
    const [q, n] = [ownerSecret(), ownerSecret()];

    const state = await server.sessions.get(created.sessionId);
    const boardId = state!.boards[0]!.id;
    const anon = await addBoard(host, { title: 'Worries', templateId: 'check-in', anonymous: true });
    const quiet = await addBoard(host, { title: 'Quiet writing', templateId: 'blank' });
    await ok(benSocket, { type: 'qa.ask', text: stays[0]!, anonymous: false });
    await ok(benSocket, { type: 'note.add', boardId, text: stays[1]!, color: 'blue' });
    await ok(adaSocket, { type: 'qa.ask', text: words.named, anonymous: false });
    await ok(adaSocket, { type: 'qa.ask', text: words.anonymous, anonymous: true, ownerKey: q.key });
    await ok(adaSocket, { type: 'note.add', boardId, text: words.byCommand, color: 'pink' });
    await ok(adaSocket, { type: 'note.add', boardId, text: words.hidden, color: 'pink' });
    await ok(adaSocket, {
      type: 'note.add',
      boardId: anon,
      text: words.anonymousNote,
      color: 'green',
      ownerKey: n.key,
    });
    const board = await synced(server.url, boardId, ada.token);
    addNote(board.doc, { id: 'direct01', text: words.direct, color: 'yellow', authorId: ada.participantId });
    await expect.poll(() => noteTexts(board.doc)).toHaveLength(4);
    const idOf = (text: string) => readNotes(board.doc).find((x) => x.text === text)!.id;
    await ok(host, { type: 'note.hide', boardId, noteId: idOf(words.hidden), hidden: true });
    const bens = idOf(stays[1]!);
    const bensQuestion = Object.values((await snapshot(host)).questions).find((x) => x.text === stays[0])!.id;
    await ok(adaSocket, { type: 'qa.vote', questionId: bensQuestion, voted: true });
    await ok(adaSocket, { type: 'note.react', boardId, noteId: bens, reaction: 'heart', on: true });
    await ok(host, { type: 'vote.open', boardId, budget: 3, capPerNote: 3, hidden: false });
    await ok(adaSocket, { type: 'vote.cast', boardId, noteId: bens, delta: 1 });
    await ok(adaSocket, { type: 'vote.cast', boardId, noteId: bens, delta: 1 });
    await ok(host, { type: 'board.setPhase', boardId: quiet, phase: 'private' });
    const drafts = await synced(server.url, `${quiet}/drafts/${ada.participantId}`, ada.token);
    addNote(drafts.doc, { text: words.draft, color: 'yellow', authorId: ada.participantId });
    const all = Object.values(words);
    await expect.poll(() => onDisk(dataDir, all).length, { timeout: 5000 }).toBe(all.length);

    // She leaves: her line is cut once the batch told her (she is removed, by herself).
    const cut = new Promise<string>((resolve) => adaSocket.once('disconnect', resolve));
    adaSocket.emit('command', { type: 'participant.leave', ownerSecrets: [q.secret, n.secret] }, () => {});
    expect(await cut).toBe('io server disconnect');

    // Within the checkpoint and compaction delays (200 ms here; 30 s and 20 s in production).
    await expect.poll(() => onDisk(dataDir, all), { timeout: 5000 }).toEqual([]);
    expect(onDisk(dataDir, stays)).toHaveLength(stays.length);
    const after = await snapshot(host);
    expect(after.participants[ada.participantId]).toMatchObject({ removed: true, displayName: '' });
    expect(Object.values(after.questions).map((x) => [x.text, x.votes])).toEqual([[stays[0], 0]]);
    const hostsBoard = await synced(server.url, boardId, created.facilitatorToken);
    await expect.poll(() => noteTexts(hostsBoard.doc)).toEqual([stays[1]]);
    const left = readNotes(hostsBoard.doc)[0]!;
    expect(hostsBoard.doc.getMap('notes').toJSON()[left.id]).not.toHaveProperty('reactions.heart');
    expect(after.boards.find((b) => b.id === boardId)!.vote!.totals).toEqual({});
    await expect
      .poll(async () => noteTexts(await synced(server.url, anon, ben.token).then((c) => c.doc)))
      .toEqual([]);
    // Her way back in is closed.
    await expect(connectSocket(server.url, withToken(ada.token))).rejects.toThrow('unauthorized');
    // And the session reads the same after a restart (the rewritten log replays to the same state).
    const before = await server.sessions.get(created.sessionId);
    await server.close();
    const again = await startKring({ dataDir, port: 0, host: '127.0.0.1', log: () => {} });
    registerCleanup(() => again.close());
    expect(await again.sessions.get(created.sessionId)).toEqual(before);
    expect(onDisk(dataDir, all)).toEqual([]);
  });

  it('PR8/RO4: the last host is told to hand over first, and nothing is taken', async () => {
    const dataDir = tempDataDir();
    const server = await startKring({ dataDir, port: 0, host: '127.0.0.1', log: () => {} });
    registerCleanup(() => server.close());
    const created = await createSession(server.url, 'Alone');
    const host = await connectSocket(server.url, withToken(created.facilitatorToken));
    await ok(host, { type: 'qa.ask', text: 'The host’s own question', anonymous: false });
    expect(await command(host, { type: 'participant.leave' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(Object.values((await snapshot(host)).questions)).toHaveLength(1);
  });
});
