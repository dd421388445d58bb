import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CommandAck, SessionSummary } from '@kring/protocol';
import {
  connectSocket,
  createSession,
  joinSession,
  sessionSummary,
  startServer,
  withToken,
  provider,
  settled,
} from './harness';

/** A raw note write; participants must name themselves as its author (BD12). */
const addNote = (doc: Y.Doc, id: string, text: string, authorId: string) => {
  const note = new Y.Map<unknown>();
  note.set('text', text);
  note.set('authorId', authorId);
  doc.getMap('notes').set(id, note);
};
const noteIds = (doc: Y.Doc) => [...doc.getMap('notes').keys()].sort();

describe('a locked board (real server, control plane + board sync)', () => {
  it('stays unchanged whatever a participant connection sends, and takes writes again once unlocked', async () => {
    const server = await startServer();
    const s = await createSession(server.url);
    const ada = await joinSession(server.url, s.joinCode, 'Ada');
    const boardId = SessionSummary.parse((await sessionSummary(server.url, s.joinCode, ada.token)).body)
      .boards[0]!.id;

    const hostId = SessionSummary.parse(
      (await sessionSummary(server.url, s.joinCode, s.facilitatorToken)).body,
    ).you.id;
    const host = provider(server.url, boardId, s.facilitatorToken);
    const participant = provider(server.url, boardId, ada.token);
    await expect.poll(() => participant.p.synced && host.p.synced).toBe(true);

    const control = await connectSocket(server.url, withToken(s.facilitatorToken));
    const lock = (locked: boolean) =>
      new Promise<CommandAck>((resolve) =>
        control.emit('command', { type: 'board.setLock', boardId, locked }, resolve),
      );
    expect(await lock(true)).toMatchObject({ ok: true });
    // On several nodes: once every node knows of the lock (docs/security.md, "Several nodes").
    await settled();

    addNote(participant.doc, 'sneaky', 'written while locked', ada.participantId);
    addNote(host.doc, 'hostnote', 'facilitators may write', hostId);
    // The host's later write arrives at the participant, so the participant's earlier write had its chance.
    await expect.poll(() => noteIds(participant.doc)).toContain('hostnote');
    const fresh = provider(server.url, boardId, s.facilitatorToken);
    await expect.poll(() => fresh.p.synced).toBe(true);
    expect(noteIds(fresh.doc)).toEqual(['hostnote']);
    expect(noteIds(host.doc)).toEqual(['hostnote']);

    expect(await lock(false)).toMatchObject({ ok: true });
    addNote(participant.doc, 'after', 'written after unlock', ada.participantId);
    await expect.poll(() => noteIds(host.doc)).toContain('after');
  });
});
