import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addNote } from '@kring/board';
import { ErrorResponse, type CaptionAck } from '@kring/protocol';
import { startKring } from '../src/app';
import { SqliteStore } from '../src/store/sqlite';
import { command, fetchExport, noteTexts, scene, synced } from './boards-harness';
import { ok } from './breakouts-harness';
import { onDisk, quicklyErasing } from './disk';
import {
  type ClientSocket,
  connectSocket,
  createSession,
  joinSession,
  registerCleanup,
  tempDataDir,
  withToken,
  itOnSqliteFile,
} from './harness';

// Issue 13 (first part): retention per session, the host's "end and delete", the purge (core PR1–PR5).

const DAY = 24 * 60 * 60 * 1000;

const caption = (socket: ClientSocket, input: unknown) =>
  new Promise<CaptionAck>((resolve) => socket.emit('caption', input, resolve));

/** The refusal a socket.io handshake gets now. */
async function refusal(url: string, token: string): Promise<string | null> {
  try {
    await connectSocket(url, withToken(token));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

async function deleteSession(url: string, code: string, token: string) {
  const res = await fetch(`${url}/api/sessions/${code}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}` },
  });
  return res.status;
}

describe('retention and deletion (PR)', () => {
  itOnSqliteFile(
    'PR4: the host ends and deletes the session at once: connections cut, tokens refused, words gone from the file and its WAL',
    async () => {
      const dataDir = tempDataDir();
      const s = await scene(['Ada Lovelace-Byron', 'Ben'], dataDir);
      const [ada, ben] = s.people as [(typeof s.people)[0], (typeof s.people)[0]];
      const words = [
        'Ada Lovelace-Byron',
        'Shared meals on Fridays with Marguerite',
        'Why does the kettle whistle',
        'The captioner typed Xylophone',
      ];
      const board = await synced(s.url, s.firstBoard, ada.token);
      addNote(board.doc, { id: 'note0001', text: words[1]!, color: 'yellow', authorId: ada.id });
      await ok(ben.socket, { type: 'qa.ask', text: words[2]!, anonymous: true });
      expect((await caption(s.host, { kind: 'line', text: words[3]! })).ok).toBe(true);
      await expect.poll(async () => onDisk(dataDir, words).length).toBeGreaterThan(0);
      await expect.poll(() => noteTexts(board.doc)).toEqual([words[1]]);

      // Nobody but a host deletes it.
      await ok(s.host, { type: 'participant.setRole', participantId: ben.id, role: 'cofacilitator' });
      expect(await deleteSession(s.url, s.joinCode, ben.token)).toBe(403);
      expect(await deleteSession(s.url, s.joinCode, ada.token)).toBe(403);
      const cut = new Promise<string>((resolve) => ada.socket.once('disconnect', resolve));
      expect(await deleteSession(s.url, s.joinCode, s.hostToken)).toBe(204);
      expect(await cut).toBe('io server disconnect');
      await expect.poll(() => board.p.wsconnected).toBe(false);

      // Every way back in says the session is gone; the join code names nothing.
      expect(await refusal(s.url, ada.token)).toBe('not_found');
      expect(await refusal(s.url, s.hostToken)).toBe('not_found');
      const summary = await fetch(`${s.url}/api/sessions/${s.joinCode}`, {
        headers: { authorization: `Bearer ${s.hostToken}` },
      });
      expect(summary.status).toBe(404);
      expect(ErrorResponse.parse(await summary.json()).error.code).toBe('not_found');
      expect(await deleteSession(s.url, s.joinCode, s.hostToken)).toBe(404);
      expect(onDisk(dataDir, words)).toEqual([]);
    },
  );

  it('PR3: the purge deletes each session when its time comes (fake clock), also after a restart, and no other', async () => {
    const dataDir = tempDataDir();
    let now = Date.now();
    const start = () =>
      startKring({ dataDir, port: 0, host: '127.0.0.1', log: () => {}, clock: () => now }).then((server) => {
        registerCleanup(() => server.close());
        return server;
      });
    const server = await start();
    const make = async (title: string) => {
      const created = await createSession(server.url, title);
      const host = await connectSocket(server.url, withToken(created.facilitatorToken));
      return { ...created, host };
    };
    const onEnd = await make('Deleted when it ends, Quokka');
    const dated = await make('Kept until a date, Narwhal');
    const kept = await make('Kept thirty days, Axolotl');
    await ok(onEnd.host, { type: 'session.setRetention', retention: { kind: 'onEnd' } });
    await ok(dated.host, { type: 'session.setRetention', retention: { kind: 'until', at: now + 10 * DAY } });
    const alive = async () => {
      const out: string[] = [];
      for (const x of [onEnd, dated, kept]) {
        const res = await fetch(`${server.url}/api/sessions/${x.joinCode}`, {
          headers: { authorization: `Bearer ${x.facilitatorToken}` },
        });
        if (res.status === 200) out.push(x.joinCode);
      }
      return out;
    };
    await server.purge.sweep();
    expect(await alive()).toEqual([onEnd.joinCode, dated.joinCode, kept.joinCode]);

    // "When I end it": ending it deletes it at the next sweep (at most a minute later).
    await ok(onEnd.host, { type: 'session.end' });
    await server.purge.sweep();
    expect(await alive()).toEqual([dated.joinCode, kept.joinCode]);
    expect(onDisk(dataDir, ['Quokka'])).toEqual([]);

    // Ten days on, the dated one goes; the default keeps the other until 30 idle days + 30 days.
    now += 10 * DAY + 1;
    await server.purge.sweep();
    expect(await alive()).toEqual([kept.joinCode]);
    expect(onDisk(dataDir, ['Narwhal'])).toEqual([]);

    // A restart long after: the purge runs at start, with the expiry the store kept.
    await server.close();
    now += 61 * DAY;
    const again = await start();
    await expect
      .poll(async () => (await fetch(`${again.url}/api/sessions/${kept.joinCode}`)).status)
      .toBe(404);
    expect(onDisk(dataDir, ['Axolotl', 'Quokka', 'Narwhal'])).toEqual([]);
  });

  it('PR5: when the facilitators keep exports to themselves, a participant’s export is refused over HTTP', async () => {
    const s = await scene(['Ada']);
    const ada = s.people[0]!;
    const boardUrl = `${s.url}/api/sessions/${s.joinCode}/boards/${s.firstBoard}/export?format=md`;
    const sessionUrl = `${s.url}/api/sessions/${s.joinCode}/export?format=json`;
    expect((await fetchExport(boardUrl, ada.token)).status).toBe(200);
    await ok(s.host, { type: 'session.setExporters', exporters: 'facilitators' });
    for (const url of [boardUrl, sessionUrl]) {
      const refused = await fetchExport(url, ada.token);
      expect(refused.status).toBe(403);
      expect(ErrorResponse.parse(JSON.parse(refused.body)).error.message).toMatch(/keep exports/);
      expect((await fetchExport(url, s.hostToken)).status).toBe(200);
    }
    await ok(s.host, { type: 'session.setExporters', exporters: 'everyone' });
    expect((await fetchExport(sessionUrl, ada.token)).status).toBe(200);
    const joined = await joinSession(s.url, s.joinCode, 'Late Larry');
    expect((await fetchExport(boardUrl, joined.token)).status).toBe(200);
  });
});

describe('erasure at rest (PR6)', () => {
  it('deleted, cleared, removed and edited-away words leave the database file and its WAL within the checkpoint delay', async () => {
    const dataDir = tempDataDir();
    const server = await quicklyErasing(dataDir);
    const created = await createSession(server.url, 'Erasure');
    const host = await connectSocket(server.url, withToken(created.facilitatorToken));
    const ada = await joinSession(server.url, created.joinCode, 'Adelheid Vanderbilt-Kuyper');
    const adaSocket = await connectSocket(server.url, withToken(ada.token));
    const ben = await joinSession(server.url, created.joinCode, 'Bartholomew Quincey');
    const gone = [
      'Adelheid Vanderbilt-Kuyper',
      'Bartholomew Quincey',
      'An anonymous worry about Persephone',
      'Coffee at the Zwanenburg entrance',
      'Segment about Hyacinth',
      'Prompt edited away: Marmalade',
    ];
    const secret = randomBytes(32).toString('base64url');
    const ownerKey = createHash('sha256').update(secret, 'utf8').digest('base64url');
    await ok(adaSocket, { type: 'qa.ask', text: gone[2]!, anonymous: true, ownerKey });
    await ok(adaSocket, { type: 'qa.ask', text: 'A question that stays, Pemberton', anonymous: false });
    await ok(host, { type: 'announcement.post', text: gone[3]! });
    await ok(host, { type: 'agenda.add', segment: { title: gone[4]!, kind: 'talk', plannedMinutes: 5 } });
    await ok(host, {
      type: 'agenda.add',
      segment: { title: 'Closing round', kind: 'round', plannedMinutes: 5, prompt: gone[5]! },
    });
    const state = await server.sessions.get(created.sessionId);
    const [removedSegment, editedSegment] = state!.agenda.segments.map((x) => x.id);
    const question = Object.values(state!.questions).find((q) => q.anonymous)!.id;
    const announcement = state!.announcements[0]!.id;
    // A note on the board, then edited: its first words are edited away.
    const boardId = state!.boards[0]!.id;
    const board = await synced(server.url, boardId, ada.token);
    addNote(board.doc, {
      id: 'note0001',
      text: 'First draft about Ptolemy',
      color: 'yellow',
      authorId: ada.participantId,
    });
    gone.push('First draft about Ptolemy');
    await expect.poll(() => onDisk(dataDir, gone).length).toBe(gone.length);
    (board.doc.getMap('notes').get('note0001') as Y.Map<unknown>).set('text', 'Second thoughts');

    await ok(adaSocket, { type: 'qa.delete', questionId: question, ownerSecret: secret });
    await ok(host, { type: 'announcement.clear', announcementId: announcement });
    await ok(host, { type: 'agenda.remove', segmentId: removedSegment });
    await ok(host, {
      type: 'agenda.update',
      segmentId: editedSegment,
      changes: { prompt: 'Who are you taking home?' },
    });
    await ok(adaSocket, { type: 'participant.rename', participantId: ada.participantId, displayName: 'Ada' });
    await ok(host, { type: 'participant.remove', participantId: ben.participantId });

    // Within the checkpoint delay (here 200 ms; 30 s in production), nowhere on disk.
    await expect.poll(() => onDisk(dataDir, gone), { timeout: 5000 }).toEqual([]);
    expect(
      onDisk(dataDir, ['A question that stays, Pemberton', 'Who are you taking home?']).length,
    ).toBeGreaterThan(0);
    // And the session reads the same after a restart (the rewritten log replays to the same state).
    const before = await server.sessions.get(created.sessionId);
    await server.close();
    const again = await startKring({ dataDir, port: 0, host: '127.0.0.1', log: () => {} });
    registerCleanup(() => again.close());
    const after = await again.sessions.get(created.sessionId);
    expect(after).toEqual(before);
    expect(after!.participants[ben.participantId]).toMatchObject({ removed: true, displayName: '' });
  });
});

describe('the privacy notice (PR7)', () => {
  it('anyone with the join code reads the title, the retention, the expiry and who organises it, before joining', async () => {
    const s = await scene(['Ada']);
    const read = async (code: string) => {
      const res = await fetch(`${s.url}/api/sessions/${code}/privacy`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const first = await read(s.joinCode);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      title: 'Reflection',
      retention: { kind: 'days', days: 30 },
      endedAt: null,
      exporters: 'everyone',
      organiser: null,
      contact: null,
    });
    expect(first.body.expiresAt).toBeGreaterThan(Date.now() + 59 * DAY);
    await ok(s.host, {
      type: 'session.setNotice',
      organiser: 'Intervisie Gent',
      contact: 'intervisie@example.org',
    });
    await ok(s.host, { type: 'session.setRetention', retention: { kind: 'onEnd' } });
    await ok(s.host, { type: 'session.setExporters', exporters: 'facilitators' });
    await expect
      .poll(async () => (await read(s.joinCode)).body)
      .toMatchObject({
        retention: { kind: 'onEnd' },
        exporters: 'facilitators',
        organiser: 'Intervisie Gent',
        contact: 'intervisie@example.org',
      });
    // No participant list, no ids: only what the notice says.
    expect(Object.keys((await read(s.joinCode)).body).sort()).toEqual(
      ['contact', 'endedAt', 'expiresAt', 'exporters', 'organiser', 'retention', 'title'].sort(),
    );
    expect((await read('ZZZZZZ')).status).toBe(404);
  });
});

describe('anonymous means unlinkable at rest (Q7, Q10)', () => {
  itOnSqliteFile(
    'an anonymous question is stored without its author; only the device holding its secret deletes it',
    async () => {
      const dataDir = tempDataDir();
      const s = await scene(['Ada'], dataDir);
      const ada = s.people[0]!;
      const secret = randomBytes(32).toString('base64url');
      const ownerKey = createHash('sha256').update(secret, 'utf8').digest('base64url');
      await ok(ada.socket, {
        type: 'qa.ask',
        text: 'A worry I cannot say aloud, Ganymede',
        anonymous: true,
        ownerKey,
      });
      const db = new Database(join(dataDir, 'kring.db'), { readonly: true });
      registerCleanup(() => void db.close());
      const rows = db
        .prepare("SELECT body FROM session_events WHERE json_extract(body, '$.type') = 'question.asked'")
        .all() as { body: string }[];
      expect(rows).toHaveLength(1);
      expect(rows[0]!.body).toContain('Ganymede');
      expect(rows[0]!.body).not.toContain(ada.id);
      expect(JSON.parse(rows[0]!.body)).toMatchObject({ authorId: null, ownerKey });
      const questionId = (JSON.parse(rows[0]!.body) as { questionId: string }).questionId;

      // Ada's own token is not enough; a made-up owner key sent by a client is replaced; her secret is.
      for (const wrong of [{}, { ownerKey }, { ownerSecret: randomBytes(32).toString('base64url') }]) {
        const refused = await command(ada.socket, { type: 'qa.delete', questionId, ...wrong });
        expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      await ok(s.host, { type: 'participant.setRole', participantId: ada.id, role: 'observer' });
      // Whoever holds the secret (her device) deletes it; its words then leave the file.
      await ok(ada.socket, { type: 'qa.delete', questionId, ownerSecret: secret });
      await s.server.close();
      expect(onDisk(dataDir, ['Ganymede'])).toEqual([]);
    },
  );
});

describe('a purge that stops half-way (PR4)', () => {
  it('leaves the session whole when the deletion fails or the server stops, and the next start deletes it', async () => {
    const dataDir = tempDataDir();
    let now = Date.now();
    /** A store whose deletion fails once, as if the process died inside it (the transaction never committed). */
    class StopsOnce extends SqliteStore {
      failed = false;
      override async deleteSession(sessionId: string): Promise<boolean> {
        if (!this.failed) {
          this.failed = true;
          throw new Error('the process stopped here');
        }
        return super.deleteSession(sessionId);
      }
    }
    const server = await startKring({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      log: () => {},
      clock: () => now,
      store: new StopsOnce(dataDir),
    });
    registerCleanup(() => server.close());
    const created = await createSession(server.url, 'Half-way, Wombat');
    const host = await connectSocket(server.url, withToken(created.facilitatorToken));
    await ok(host, { type: 'session.setRetention', retention: { kind: 'onEnd' } });
    await ok(host, { type: 'announcement.post', text: 'Words of a Wombat' });
    await ok(host, { type: 'session.end' });
    await server.purge.sweep();
    // The deletion failed: nothing of the session is lost or half gone; it is still there, whole.
    await server.close();
    const reader = new SqliteStore(dataDir);
    const events = await reader.loadEvents(created.sessionId);
    expect(events.some((e) => e.type === 'announcement.posted')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'session.ended' });
    await reader.close();
    // The next start sweeps at once and finishes it.
    now += 1000;
    const again = await startKring({ dataDir, port: 0, host: '127.0.0.1', log: () => {}, clock: () => now });
    registerCleanup(() => again.close());
    await expect
      .poll(async () => (await fetch(`${again.url}/api/sessions/${created.joinCode}/privacy`)).status)
      .toBe(404);
    expect(onDisk(dataDir, ['Wombat'])).toEqual([]);
  });
});
