import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite';
import { CircleService } from './service';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function twoProcesses() {
  const dir = mkdtempSync(join(tmpdir(), 'kring-circle-service-'));
  const store = new SqliteStore(dir);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  // Two services on one store: what two server processes on one database see.
  return { store, a: new CircleService(store, () => 1000), b: new CircleService(store, () => 2000) };
}

describe('CircleService', () => {
  it('a read brings the cached circle up to date with what another process stored', async () => {
    const { a, b } = twoProcesses();
    const made = await a.create({ title: 'Core group', hostName: 'Hanna', timeZone: 'Europe/Amsterdam' });
    if (!made.ok) throw new Error(made.error.message);
    const id = made.state.id;
    expect((await b.get(id))?.title).toBe('Core group');
    const updated = await a.execute(
      id,
      { type: 'circle.update', title: 'Core group 2028' },
      { memberId: made.hostId },
    );
    expect(updated.ok).toBe(true);
    expect((await b.get(id))?.title).toBe('Core group 2028');
    // b decides on a stale cache: the store's version check makes it decide again on fresh state.
    const renamed = await b.execute(
      id,
      { type: 'circle.update', description: 'Planning' },
      { memberId: made.hostId },
    );
    expect(renamed.ok && renamed.events[0]?.v).toBe(4);
    expect(await a.get(id)).toMatchObject({ title: 'Core group 2028', description: 'Planning', version: 4 });
  });

  it('a circle deleted by another process is gone for this one too', async () => {
    const { store, a, b } = twoProcesses();
    const made = await a.create({ title: 'Core group', hostName: 'Hanna', timeZone: 'UTC' });
    if (!made.ok) throw new Error(made.error.message);
    expect(await b.get(made.state.id)).not.toBeNull();
    await a.remove(made.state.id, () => store.deleteCircle(made.state.id));
    expect(await b.get(made.state.id)).toBeNull();
    const refused = await b.execute(
      made.state.id,
      { type: 'circle.update', title: 'x' },
      { memberId: made.hostId },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('serialised work runs alone in the circle’s queue: commands wait for it, and see what it stored', async () => {
    const { a } = twoProcesses();
    const made = await a.create({ title: 'Core group', hostName: 'Hanna', timeZone: 'UTC' });
    if (!made.ok) throw new Error(made.error.message);
    const id = made.state.id;
    const order: string[] = [];
    const work = a.serialised(id, async (turn) => {
      expect((await turn.state())?.version).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('work');
      return turn.append([{ type: 'circle.updated', at: 1000, title: 'Inside', by: made.hostId }]);
    });
    const after = a
      .execute(id, { type: 'circle.update', description: 'After' }, { memberId: made.hostId })
      .then((r) => {
        order.push('command');
        return r;
      });
    const [inside, command] = await Promise.all([work, after]);
    expect(order).toEqual(['work', 'command']);
    expect(inside.title).toBe('Inside');
    expect(command.ok && command.state).toMatchObject({ title: 'Inside', description: 'After', version: 4 });
  });

  it('refuses a circle in a time zone nobody knows, storing nothing', async () => {
    const { a } = twoProcesses();
    const made = await a.create({ title: 'x', hostName: 'y', timeZone: 'Nowhere/Land' });
    expect(made).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
