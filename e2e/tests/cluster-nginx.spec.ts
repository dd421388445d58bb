import type { Page } from '@playwright/test';
import { startCluster, type AccessLogEntry, type Cluster, type ClusterNode } from './cluster-nodes';
import { expect, test as base } from './fixtures';
import { expectAllPresent, expectQueue, floorPanel } from './floor-helpers';
import { addNote, createSession, expectConnected, join, noteCard, openTab, type Person } from './helpers';

/**
 * Issue 17 end to end: two nodes behind the Debian nginx, no sticky sessions. The cluster is the
 * worker's (one per test file, and a fresh one after a failure, since the test kills a node), and
 * every page of this file goes through nginx.
 */
const test = base.extend<object, { cluster: Cluster }>({
  cluster: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const cluster = await startCluster();
      await use(cluster);
      await cluster.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  baseURL: async ({ cluster }, use) => use(cluster.url),
});

/** Upgrades to `kind` (`/socket.io/` or `/yjs/`) whose last upstream was `node`. */
const upgrades = (log: AccessLogEntry[], kind: string, node: ClusterNode): AccessLogEntry[] =>
  log.filter((e) => e.status === 101 && e.uri.startsWith(kind) && e.upstreams.at(-1) === node.addr);

/** Records every text the page's connection status shows from now on (it may change between polls). */
async function watchStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    const record = () => {
      const text = document.querySelector('[data-testid="connection-status"]')?.textContent?.trim();
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

const statusSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);

test.describe('two nodes behind nginx', () => {
  test('five people spread over both nodes; one node is killed and everyone carries on', async ({
    person,
    cluster,
  }) => {
    const title = 'Two nodes, one circle';
    const host = await person('Facilitator');
    const guests: Person[] = [];
    for (const name of ['Ana', 'Bo', 'Cas', 'Dee']) guests.push(await person(name));
    const [ana, bo, cas, dee] = guests as [Person, Person, Person, Person];
    const people = [host, ...guests];

    const { link } = await createSession(host, title);
    expect(link.startsWith(`${cluster.url}/`), 'the participant link points at nginx').toBe(true);
    for (const guest of guests) await join(guest, link, title);
    for (const viewer of people) await expectConnected(viewer.page);
    await openTab(host.page, 'floor');
    await expectAllPresent(host, people);
    await expectAllPresent(dee, people);

    // Notes written on pages whose boards may sit on different nodes reach everyone.
    await addNote(ana.page, 'Arrived by train');
    await addNote(bo.page, 'Glad to be here');
    await openTab(host.page, 'boards');
    for (const viewer of people) {
      await expect(noteCard(viewer.page, 'Arrived by train')).toBeVisible();
      await expect(noteCard(viewer.page, 'Glad to be here')).toBeVisible();
    }

    // A raised hand (the control plane, through the shared Redis) reaches everyone.
    await openTab(host.page, 'floor');
    await floorPanel(cas.page).getByRole('button', { name: 'Raise hand' }).click();
    await expectQueue(people, ['Cas']);

    // Kill one node the hard way. nginx logs a WebSocket when it closes: the ones the dead node
    // served show up at once, so both nodes' share of the upgrades is known by the end.
    const [dead, alive] = cluster.nodes;
    for (const viewer of people) await watchStatus(viewer.page);
    const killedAt = Date.now();
    await cluster.kill9(dead);
    const cut = (kind: string) =>
      upgrades(cluster.accessLog(), kind, dead).filter((e) => e.endedAt >= killedAt);
    await expect
      .poll(() => [cut('/socket.io/').length > 0, cut('/yjs/').length > 0], {
        message: 'the dead node held socket.io and board connections (round robin)',
      })
      .toEqual([true, true]);

    // Every page that lost a connection says so, then reconnects through nginx to the other node.
    await expect
      .poll(
        async () =>
          (await Promise.all(people.map((p) => statusSeen(p.page)))).flat().some((s) => s !== 'Connected'),
        { message: 'some page noticed the lost node' },
      )
      .toBe(true);
    for (const viewer of people) {
      await expect(viewer.page.getByTestId('connection-status'), `${viewer.name} reconnects`).toHaveText(
        'Connected',
        { timeout: 20_000 },
      );
    }

    // Everything written before is still there; new writing reaches everyone.
    await expectQueue(people, ['Cas']);
    await openTab(host.page, 'boards');
    for (const viewer of people) {
      await expect(noteCard(viewer.page, 'Arrived by train')).toBeVisible();
      await expect(noteCard(viewer.page, 'Glad to be here')).toBeVisible();
    }
    await addNote(dee.page, 'Still here after the crash');
    for (const viewer of people) {
      await expect(noteCard(viewer.page, 'Still here after the crash')).toBeVisible();
    }
    await openTab(host.page, 'floor');
    await floorPanel(bo.page).getByRole('button', { name: 'Raise hand' }).click();
    await expectQueue(people, ['Cas', 'Bo']);

    // Closing the pages ends their WebSockets, so nginx logs the rest of them.
    for (const viewer of people) await viewer.context.close();
    const before = (kind: string, node: ClusterNode) =>
      upgrades(cluster.accessLog(), kind, node).filter((e) => e.startedAt < killedAt).length;
    const after = (kind: string) =>
      upgrades(cluster.accessLog(), kind, alive).filter((e) => e.startedAt >= killedAt).length;
    await expect
      .poll(
        () => ({
          socketIoBeforeOnBoth: before('/socket.io/', dead) > 0 && before('/socket.io/', alive) > 0,
          boardsBeforeOnBoth: before('/yjs/', dead) > 0 && before('/yjs/', alive) > 0,
          // Every connection the kill cut came back, on the living node.
          socketIoBack: after('/socket.io/') >= cut('/socket.io/').length,
          boardsBack: after('/yjs/') >= cut('/yjs/').length,
        }),
        { message: 'nginx spread the upgrades over both nodes and moved the cut ones to the living node' },
      )
      .toEqual({
        socketIoBeforeOnBoth: true,
        boardsBeforeOnBoth: true,
        socketIoBack: true,
        boardsBack: true,
      });
  });
});
