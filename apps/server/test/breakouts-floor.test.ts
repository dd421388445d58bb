import { describe, expect, it } from 'vitest';
import type { FloorState } from '@kring/protocol';
import { command, scene } from './boards-harness';
import { mirror, ok, roomsWith } from './breakouts-harness';

const roundOf = (floor: FloorState | undefined) =>
  floor?.mode === 'round' ? { order: floor.order, speaker: floor.speaker?.participantId ?? null } : null;

describe('breakout room floors (BR14, BR15, BR18) over real sockets', () => {
  it('a participant starts and runs a round in their own room, drawn from the room members who are online', async () => {
    const { host, people } = await scene(['Ada', 'Ben', 'Cai', 'Dan']);
    const [ada, ben, cai, dan] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    const breakout = await roomsWith(
      host,
      ['Kitchen', 'Garden'],
      [
        [ada, 0],
        [ben, 0],
        [cai, 1],
        [dan, 1],
      ],
    );
    const [kitchen, garden] = breakout.rooms.map((r) => r.id) as [string, string];
    await ok(host, { type: 'breakout.open', durationMs: 600_000 });
    const [adaView, benView] = await Promise.all([mirror(ada.socket), mirror(ben.socket)]);

    // Ada starts a random round in her room: only its members, nobody from the plenary or Garden.
    await ok(ada.socket, {
      type: 'floor.start',
      scope: kitchen,
      setup: { mode: 'round', orderBy: 'random' },
    });
    await expect
      .poll(() => roundOf(adaView.state.floors[kitchen])?.order.slice().sort())
      .toEqual([ada.id, ben.id].sort());
    const first = roundOf(adaView.state.floors[kitchen])!;
    expect(first.speaker).toBe(first.order[0]);
    // The speaker ends their turn; the room runs its own round to the next person.
    const speaker = first.speaker === ada.id ? ada : ben;
    await ok(speaker.socket, { type: 'round.done', scope: kitchen });
    await expect.poll(() => roundOf(benView.state.floors[kitchen])?.speaker).toBe(first.order[1]);
    // Members run their room's floor, not another room's, nor the plenary.
    expect(
      await command(ada.socket, { type: 'floor.start', scope: garden, setup: { mode: 'open' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await command(ada.socket, { type: 'floor.start', setup: { mode: 'open' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // Garden: Dan is offline, so Cai's random round holds only Cai.
    let danGone = false;
    cai.socket.on('presence', (p) => {
      if (p.offline.includes(dan.id)) danGone = true;
    });
    dan.socket.disconnect();
    await expect.poll(() => danGone).toBe(true);
    await ok(cai.socket, { type: 'floor.start', scope: garden, setup: { mode: 'round', orderBy: 'random' } });
    const caiView = await mirror(cai.socket);
    expect(roundOf(caiView.state.floors[garden])?.order).toEqual([cai.id]);
  });

  it('people in one room get none of another room’s floor events (they arrive redacted)', async () => {
    const { host, people } = await scene(['Ada', 'Ben', 'Cai']);
    const [ada, ben, cai] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const breakout = await roomsWith(
      host,
      ['Kitchen', 'Garden'],
      [
        [ada, 0],
        [ben, 1],
        [cai, 1],
      ],
    );
    const garden = breakout.rooms[1]!.id;
    await ok(host, { type: 'breakout.open', durationMs: 600_000 });
    const [adaView, benView, hostView] = await Promise.all([
      mirror(ada.socket),
      mirror(ben.socket),
      mirror(host),
    ]);
    await ok(ben.socket, { type: 'floor.start', scope: garden, setup: { mode: 'open' } });
    await ok(cai.socket, { type: 'hand.raise', scope: garden });
    await expect
      .poll(() => benView.state.floors[garden]?.mode === 'open' && benView.state.floors[garden].hands.length)
      .toBe(1);
    await expect
      .poll(() => hostView.events.filter((e) => 'scope' in e && e.scope === garden))
      .toHaveLength(2);

    // Ada got the versions (no gap) but not what happened in Garden.
    await expect.poll(() => adaView.state.version).toBe(hostView.state.version);
    expect(adaView.events.some((e) => 'scope' in e && e.scope === garden)).toBe(false);
    expect(adaView.events.filter((e) => e.type === 'event.redacted')).toHaveLength(2);
    expect(JSON.stringify(adaView.state.floors[garden] ?? null)).not.toContain(cai.id);
  });
});
