import { describe, expect, it } from 'vitest';
import { roomOf } from '@kring/core';
import { connectSocket, joinSession, startServer, tempDataDir, withToken } from './harness';
import { command, noteTexts, recordEvents, scene, snapshot, synced } from './boards-harness';
import { createSession } from './harness';
import { breakoutOf, crowd, mirror, ok, roomsWith } from './breakouts-harness';

describe('breakouts over real sockets', () => {
  it('random assignment deals everyone, online or not, into balanced rooms; everyone hears of it; a late joiner lands in the smallest room', async () => {
    const { url, joinCode, host, people } = await scene(['Ada']);
    const crowdOf = await crowd(url, joinCode, 38);
    // Someone who joined but is not connected is dealt too: they land in their room when they come.
    const offline = await joinSession(url, joinCode, 'Offline Olga');
    const everyone = [...people, ...crowdOf];
    const mirrors = await Promise.all(everyone.map((p) => mirror(p.socket)));
    await ok(host, { type: 'breakout.create', rooms: { by: 'count', count: 6 } });
    // The client's groups are ignored: the server deals.
    await ok(host, { type: 'breakout.assign', assign: { mode: 'random', groups: [[people[0]!.id]] } });
    const breakout = await breakoutOf(host);
    const ids = [...everyone.map((p) => p.id), offline.participantId];
    expect(Object.keys(breakout.assignment).sort()).toEqual([...ids].sort());
    const sizes = breakout.rooms.map(
      (r) => Object.values(breakout.assignment).filter((x) => x === r.id).length,
    );
    expect([...sizes].sort()).toEqual([6, 7, 7, 7, 7, 6].sort());
    for (const m of mirrors) {
      await expect.poll(() => m.state.breakouts.current?.assignment).toEqual(breakout.assignment);
    }

    // Late joiner (BR5): placed in the same batch as their join, in the first room with fewest people.
    const batches: string[][] = [];
    host.on('events', (b) => batches.push(b.events.map((e) => e.type)));
    const late = await joinSession(url, joinCode, 'Late Lotte');
    const smallest = breakout.rooms[sizes.indexOf(Math.min(...sizes))]!.id;
    await expect.poll(() => batches).toEqual([['participant.joined', 'breakout.moved']]);
    const lateSocket = await connectSocket(url, withToken(late.token));
    expect((await snapshot(lateSocket)).breakouts.current?.assignment[late.participantId]).toBe(smallest);
  });

  it('a broadcast reaches every client in every room', async () => {
    const { url, joinCode, host } = await scene([]);
    const everyone = await crowd(url, joinCode, 12);
    const logs = everyone.map((p) => recordEvents(p.socket));
    await ok(host, { type: 'breakout.create', rooms: { by: 'count', count: 4 } });
    await ok(host, { type: 'breakout.assign', assign: { mode: 'random', groups: [] } });
    await ok(host, { type: 'breakout.open', durationMs: 600_000 });
    await ok(host, { type: 'breakout.broadcast', text: 'Five minutes left, please wrap up' });
    for (const log of logs) {
      await expect
        .poll(() => log.find((e) => e.type === 'breakout.broadcast'))
        .toMatchObject({ text: 'Five minutes left, please wrap up' });
    }
    const rooms = new Set(Object.values((await breakoutOf(host)).assignment));
    expect(rooms.size).toBe(4);
  });

  it('reconnecting lands in the same room with the same board', async () => {
    const { url, host, people } = await scene(['Ada', 'Ben']);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    const breakout = await roomsWith(
      host,
      ['Kitchen', 'Garden'],
      [
        [ada, 1],
        [ben, 0],
      ],
    );
    const garden = breakout.rooms[1]!;
    await ok(host, { type: 'breakout.open', durationMs: 600_000 });
    await ok(ada.socket, {
      type: 'note.add',
      boardId: garden.boardId,
      text: 'Before the drop',
      color: 'green',
    });
    const board = await synced(url, garden.boardId, ada.token);
    await expect.poll(() => noteTexts(board.doc)).toEqual(['Before the drop']);

    // The connection drops (socket and board); the same token comes back.
    ada.socket.disconnect();
    board.p.destroy();
    const again = await connectSocket(url, withToken(ada.token));
    const state = await snapshot(again);
    expect(roomOf(state, ada.id)).toBe(garden.id);
    const boardAgain = await synced(url, garden.boardId, ada.token);
    expect(noteTexts(boardAgain.doc)).toEqual(['Before the drop']);
    expect(
      await command(again, { type: 'note.add', boardId: garden.boardId, text: 'After', color: 'blue' }),
    ).toMatchObject({ ok: true });
    await expect.poll(() => noteTexts(boardAgain.doc)).toEqual(['After', 'Before the drop']);
  });

  it('the countdown closes the rooms by itself, and every client sees them closed', async () => {
    const { url, joinCode, host } = await scene([]);
    const everyone = await crowd(url, joinCode, 8);
    const mirrors = await Promise.all([host, ...everyone.map((p) => p.socket)].map((s) => mirror(s)));
    await ok(host, { type: 'breakout.create', rooms: { by: 'count', count: 3 } });
    await ok(host, { type: 'breakout.assign', assign: { mode: 'random', groups: [] } });
    await ok(host, { type: 'breakout.open', durationMs: 300 });
    for (const m of mirrors) {
      await expect.poll(() => m.state.breakouts.current?.status, { timeout: 5_000 }).toBe('closed');
      expect(m.events.filter((e) => e.type === 'breakout.closed')).toHaveLength(1);
    }
  });

  it('rooms still open when the server stops are closed on time by the next start', async () => {
    const dataDir = tempDataDir();
    const first = await startServer(dataDir);
    const s = await createSession(first.url);
    await joinSession(first.url, s.joinCode, 'Ada');
    const host = await connectSocket(first.url, withToken(s.facilitatorToken));
    await ok(host, { type: 'breakout.create', rooms: { by: 'count', count: 2 } });
    await ok(host, { type: 'breakout.open', durationMs: 400 });
    host.disconnect();
    await first.close(); // before the countdown ends: this process never closes the rooms

    // The start itself picks the session up (nobody has connected yet) and closes the rooms.
    const second = await startServer(dataDir);
    expect(second.sessions.peek(s.sessionId)?.breakouts.current?.status).toBeDefined();
    await expect
      .poll(() => second.sessions.peek(s.sessionId)?.breakouts.current?.status, { timeout: 5_000 })
      .toBe('closed');
    const back = await connectSocket(second.url, withToken(s.facilitatorToken));
    expect((await snapshot(back)).breakouts.current?.status).toBe('closed');
  });

  it('each room gets a board set up from the breakout’s template, named after the room; a template that cannot be set up is refused first', async () => {
    const { url, host, hostToken } = await scene([]);
    expect(
      await command(host, {
        type: 'breakout.create',
        rooms: { by: 'count', count: 2 },
        boardTemplateId: 'columns',
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await snapshot(host)).breakouts.current).toBeNull();

    await ok(host, {
      type: 'breakout.create',
      rooms: { by: 'names', rooms: [{ name: 'North' }, { name: 'South' }] },
      boardTemplateId: 'check-in',
    });
    const breakout = await breakoutOf(host);
    for (const room of breakout.rooms) {
      const board = await synced(url, room.boardId, hostToken);
      expect(board.doc.getMap('meta').toJSON()).toMatchObject({ title: room.name, templateId: 'check-in' });
      expect(board.doc.getMap('columns').size).toBeGreaterThan(0);
    }
  });
});
