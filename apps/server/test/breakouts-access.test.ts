import { describe, expect, it } from 'vitest';
import { addNote } from '@kring/board';
import { type CommandAck, WS_CLOSE } from '@kring/protocol';
import {
  barrier,
  command,
  fetchExport,
  noteTexts,
  provider,
  recordEvents,
  scene,
  snapshot,
  synced,
  upgradeStatus,
} from './boards-harness';
import { ok, roomsWith } from './breakouts-harness';

/** The close a stock provider gets for good (4400–4499: it stops reconnecting). */
function closedFor(p: ReturnType<typeof provider>['p']) {
  const seen: { code: number | null } = { code: null };
  p.on('closed', (e: { code: number }) => {
    seen.code = e.code;
  });
  return seen;
}

/** BR12/BR13: a write by command on a room board someone may not write is refused as `forbidden`. */
function expectForbidden(ack: CommandAck): void {
  expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
}

describe('breakout room boards (BR12, BR13) over real connections', () => {
  it('another room’s board: no upgrade, no content and no commands before the gallery; read-only in the gallery and after the close', async () => {
    const { url, joinCode, host, hostToken, people } = await scene(['Ada', 'Ben', 'Cai']);
    const [ada, ben, cai] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const breakout = await roomsWith(
      host,
      ['Kitchen', 'Garden'],
      [
        [ada, 0],
        [ben, 0],
        [cai, 1],
      ],
    );
    const [kitchen, garden] = breakout.rooms.map((r) => r.boardId) as [string, string];
    await ok(host, { type: 'breakout.open', durationMs: 600_000 });
    await ok(cai.socket, { type: 'note.add', boardId: garden, text: 'Garden secret', color: 'green' });
    // BR18: session events about another room's board reach Ada redacted (the versions stay whole).
    // Only what comes after the note (on two nodes the note's own event may still be on its way).
    const noted = (await snapshot(host)).version;
    const [adaEvents, caiEvents] = [recordEvents(ada.socket), recordEvents(cai.socket)];
    const typesAfter = (events: typeof adaEvents) => events.filter((e) => e.v > noted).map((e) => e.type);
    await ok(host, { type: 'vote.open', boardId: garden, budget: 3, capPerNote: 1, hidden: false });
    await expect.poll(() => typesAfter(caiEvents)).toEqual(['vote.opened']);
    await expect.poll(() => typesAfter(adaEvents)).toEqual(['event.redacted']);
    await ok(host, { type: 'vote.close', boardId: garden });

    // The room's board was set up from its template and is named after the room.
    const hostGarden = await synced(url, garden, hostToken);
    await expect.poll(() => noteTexts(hostGarden.doc)).toEqual(['Garden secret']);
    expect(hostGarden.doc.getMap('meta').get('title')).toBe('Garden');

    // Before the gallery: Ada is refused before any socket exists, and gets nothing.
    expect(await upgradeStatus(url, garden, ada.token)).toBe(403);
    const spy = provider(url, garden, ada.token);
    await ok(cai.socket, { type: 'note.add', boardId: garden, text: 'Second secret', color: 'blue' });
    await expect.poll(() => noteTexts(hostGarden.doc)).toHaveLength(2);
    expect(spy.p.synced).toBe(false);
    expect(noteTexts(spy.doc)).toEqual([]);
    spy.p.destroy();
    // Nor can she write there, read the notes by command, or export the board.
    expectForbidden(
      await command(ada.socket, { type: 'note.add', boardId: garden, text: 'sneak', color: 'pink' }),
    );
    const exportUrl = (board: string) => `${url}/api/sessions/${joinCode}/boards/${board}/export?format=md`;
    expect((await fetchExport(exportUrl(garden), ada.token)).status).toBe(403);
    // Her own room she reads and writes.
    const adaKitchen = await synced(url, kitchen, ada.token);
    addNote(adaKitchen.doc, { id: 'kitchen1', text: 'Kitchen idea', color: 'yellow', authorId: ada.id });
    const hostKitchen = await synced(url, kitchen, hostToken);
    await expect.poll(() => noteTexts(hostKitchen.doc)).toEqual(['Kitchen idea']);
    expect((await fetchExport(exportUrl(kitchen), ada.token)).body).toContain('Kitchen idea');

    // Gallery: everyone reads every room, writes only in their own.
    await ok(host, { type: 'breakout.gallery', open: true });
    const adaGarden = await synced(url, garden, ada.token);
    expect(noteTexts(adaGarden.doc)).toEqual(['Garden secret', 'Second secret']);
    const adaGardenClosed = closedFor(adaGarden.p);
    addNote(adaGarden.doc, { id: 'graffiti', text: 'Graffiti', color: 'pink', authorId: ada.id });
    await barrier(adaGarden, hostGarden);
    expect(noteTexts(hostGarden.doc)).toEqual(['Garden secret', 'Second secret']);
    expectForbidden(
      await command(ada.socket, { type: 'note.add', boardId: garden, text: 'sneak', color: 'pink' }),
    );
    expect((await fetchExport(exportUrl(garden), ada.token)).body).toContain('Garden secret');

    // The gallery closes: her connection to the other room is cut for good (4403), at once.
    await ok(host, { type: 'breakout.gallery', open: false });
    await expect.poll(() => adaGardenClosed.code).toBe(WS_CLOSE.forbidden);
    await ok(cai.socket, { type: 'note.add', boardId: garden, text: 'After the gallery', color: 'blue' });
    await expect.poll(() => noteTexts(hostGarden.doc)).toHaveLength(3);
    expect(noteTexts(adaGarden.doc)).not.toContain('After the gallery');

    // Moved out of her room while it is open: that board is cut too, and nothing more reaches her.
    const adaKitchenClosed = closedFor(adaKitchen.p);
    await ok(host, { type: 'breakout.move', participantId: ada.id, roomId: breakout.rooms[1]!.id });
    await expect.poll(() => adaKitchenClosed.code).toBe(WS_CLOSE.forbidden);
    await ok(ben.socket, {
      type: 'note.add',
      boardId: kitchen,
      text: 'Kitchen after Ada left',
      color: 'blue',
    });
    await expect.poll(() => noteTexts(hostKitchen.doc)).toContain('Kitchen after Ada left');
    expect(noteTexts(adaKitchen.doc)).not.toContain('Kitchen after Ada left');

    // Closed rooms: everyone reads every room, nobody but facilitators writes.
    await ok(host, { type: 'breakout.close' });
    const adaGardenAfter = await synced(url, garden, ada.token);
    expect(noteTexts(adaGardenAfter.doc)).toContain('After the gallery');
    addNote(adaGardenAfter.doc, { id: 'late', text: 'Too late', color: 'pink', authorId: ada.id });
    await barrier(adaGardenAfter, hostGarden);
    expect(noteTexts(hostGarden.doc)).not.toContain('Too late');
    for (const board of [garden, kitchen]) {
      expectForbidden(
        await command(cai.socket, { type: 'note.add', boardId: board, text: 'x', color: 'pink' }),
      );
    }
    await ok(host, { type: 'note.add', boardId: garden, text: 'Facilitator summary', color: 'green' });
    await expect.poll(() => noteTexts(adaGardenAfter.doc)).toContain('Facilitator summary');
  });
});
