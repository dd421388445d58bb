import { describe, expect, it } from 'vitest';
import { fetchExport, scene } from './boards-harness';
import { ok, roomsWith } from './breakouts-harness';

interface SessionJson {
  version: number;
  boards: { board: { meta: { title: string } } }[];
  breakouts: { status: string; rooms: { name: string; board: { meta: { title: string } } }[] }[];
}

describe('the session harvest with breakout rooms', () => {
  it('groups every room’s board under its breakout, and gives each person only the rooms they may read', async () => {
    const { url, joinCode, host, hostToken, people, firstBoard } = await scene(['Ada', 'Cai']);
    const [ada, cai] = people as [(typeof people)[0], (typeof people)[0]];
    const breakout = await roomsWith(
      host,
      ['Kitchen table', 'Garden bench'],
      [
        [ada, 0],
        [cai, 1],
      ],
    );
    const [kitchen, garden] = breakout.rooms.map((r) => r.boardId) as [string, string];
    await ok(host, { type: 'breakout.open', durationMs: 600_000 });
    await ok(host, { type: 'note.add', boardId: firstBoard, text: 'Plenary note', color: 'yellow' });
    await ok(ada.socket, { type: 'note.add', boardId: kitchen, text: 'Kitchen harvest', color: 'green' });
    await ok(cai.socket, { type: 'note.add', boardId: garden, text: 'Garden harvest', color: 'blue' });

    const md = async (token: string) =>
      (await fetchExport(`${url}/api/sessions/${joinCode}/export?format=md`, token)).body;
    const json = async (token: string) =>
      JSON.parse(
        (await fetchExport(`${url}/api/sessions/${joinCode}/export?format=json`, token)).body,
      ) as SessionJson;

    const hostMd = await md(hostToken);
    const section = hostMd.slice(hostMd.indexOf('## Breakout rooms'));
    expect(section).toMatch(/^## Breakout rooms\n\n_Rooms open\._\n\n### Kitchen table\n/);
    for (const text of ['### Garden bench', 'Kitchen harvest', 'Garden harvest'])
      expect(section).toContain(text);
    expect(hostMd.indexOf('Plenary note')).toBeLessThan(hostMd.indexOf('## Breakout rooms'));

    // Ada reads her room only, until the gallery opens.
    expect(await md(ada.token)).toContain('Kitchen harvest');
    expect(await md(ada.token)).not.toContain('Garden');
    expect((await json(ada.token)).breakouts).toEqual([
      expect.objectContaining({
        status: 'open',
        rooms: [expect.objectContaining({ name: 'Kitchen table' })],
      }),
    ]);
    await ok(host, { type: 'breakout.gallery', open: true });
    expect(await md(ada.token)).toContain('Garden harvest');

    // Closed, then another breakout: both are kept, in order; room boards are not plenary boards.
    await ok(host, { type: 'breakout.close' });
    await roomsWith(host, ['Second round'], [[ada, 0]]);
    const doc = await json(cai.token);
    expect(doc.version).toBe(4);
    expect(doc.boards.map((b) => b.board.meta.title)).toEqual(['Board']);
    expect(doc.breakouts.map((b) => [b.status, b.rooms.map((r) => r.name)])).toEqual([
      ['closed', ['Kitchen table', 'Garden bench']],
      // A drafted room is read only by its members (and facilitators): Cai is not in it.
    ]);
    const hostDoc = await json(hostToken);
    expect(hostDoc.breakouts.map((b) => [b.status, b.rooms.map((r) => r.name)])).toEqual([
      ['closed', ['Kitchen table', 'Garden bench']],
      ['draft', ['Second round']],
    ]);
    expect((await md(hostToken)).match(/^## Breakout rooms \d$/gm)).toEqual([
      '## Breakout rooms 1',
      '## Breakout rooms 2',
    ]);
  });
});
