import { describe, expect, it } from 'vitest';
import { JoinSessionResponse, type JoinStart, SessionState } from '@kring/protocol';
import * as Y from 'yjs';
import { command, connectSocket, snapshot, welcome, withToken } from './harness';
import { noteTexts, scene } from './boards-harness';

/** A join as the web page makes it, asking for what its session page opens with. */
async function joinWithStart(url: string, joinCode: string, displayName: string, start: unknown = true) {
  const res = await fetch(`${url}/api/sessions/${joinCode}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName, start }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function joined(url: string, joinCode: string, displayName: string) {
  const res = await joinWithStart(url, joinCode, displayName);
  if (res.status !== 201) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return JoinSessionResponse.parse(res.body);
}

function boardOf(start: JoinStart): Y.Doc {
  const doc = new Y.Doc();
  if (start.board) Y.applyUpdate(doc, Buffer.from(start.board, 'base64'));
  return doc;
}

describe('a join that asks for its start (issue 14: the page draws the session after the join)', () => {
  it('carries the state a first welcome would, who is here, and the board the newcomer sees', async () => {
    const { url, joinCode, host, hostId, people, firstBoard } = await scene(['Ada']);
    const ada = people[0]!;
    const added = await command(ada.socket, {
      type: 'note.add',
      boardId: firstBoard,
      text: 'What brought you here?',
      color: 'yellow',
    });
    expect(added.ok).toBe(true);

    const ben = await joined(url, joinCode, 'Ben');
    const start = ben.start!;
    expect(ben.boardId).toBe(firstBoard);
    expect(noteTexts(boardOf(start))).toEqual(['What brought you here?']);
    expect(start.online.sort()).toEqual([ada.id, hostId].sort());
    // What a socket of Ben's hears first when it holds nothing: the very same cut of the state.
    const first = await welcome(await connectSocket(url, withToken(ben.token)));
    if (!first.ok || first.kind !== 'snapshot') throw new Error('no snapshot welcome');
    expect(start.state).toEqual(first.state);
    // Held by the page, the start makes the socket's welcome a resume: only what came after.
    expect((await command(host, { type: 'board.setLock', boardId: firstBoard, locked: true })).ok).toBe(true);
    const { version } = SessionState.parse(start.state);
    const back = await welcome(await connectSocket(url, { ...withToken(ben.token), since: version }));
    if (!back.ok || back.kind !== 'resume') throw new Error('not a resume');
    expect(back.events.map((e) => e.type)).toContain('board.lockChanged');
    expect(back.events.every((e) => e.v > version)).toBe(true);
  });

  it('is left out unless asked for, and anything but `true` is refused by name', async () => {
    const { url, joinCode, people } = await scene(['Ada']);
    expect(people[0]).toBeDefined();
    const plain = await fetch(`${url}/api/sessions/${joinCode}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Ben' }),
    });
    expect(plain.status).toBe(201);
    expect(JoinSessionResponse.parse(await plain.json()).start).toBeUndefined();
    for (const bad of [false, 1, 'yes', {}]) {
      const res = await joinWithStart(url, joinCode, `Cai ${String(bad)}`, bad);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'bad_request' } });
    }
  });

  it('carries the board everyone was brought to, as it is now', async () => {
    const { url, joinCode, host, firstBoard } = await scene([]);
    const ack = await command(host, { type: 'board.add', title: 'Harvest', templateId: 'blank' });
    expect(ack.ok).toBe(true);
    const harvest = (await snapshot(host)).boards.find((b) => b.id !== firstBoard)!.id;
    expect((await command(host, { type: 'board.focus', boardId: harvest })).ok).toBe(true);
    expect(
      (await command(host, { type: 'note.add', boardId: harvest, text: 'Hope', color: 'blue' })).ok,
    ).toBe(true);
    const ada = await joined(url, joinCode, 'Ada');
    expect(ada.boardId).toBe(harvest);
    expect(noteTexts(boardOf(ada.start!))).toEqual(['Hope']);
  });
});
