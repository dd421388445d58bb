import { expect, test } from './fixtures';
import { openNoteMenu } from './boards-helpers';
import { addNote, createSession, expectConnected, join, noteCard, openTab, participantRow } from './helpers';

test.describe('a live session with a shared board', () => {
  test('facilitator and two participants share presence, notes and the board lock', async ({ person }) => {
    const title = 'IPS overview, e2e';
    const host = await person('Facilitator');
    const ana = await person('Ana');
    const bo = await person('Bo', { mobile: true });
    const people = [host, ana, bo];

    const { link } = await createSession(host, title);
    await join(ana, link, title);
    await join(bo, link, title);

    // Everyone sees everyone present, live.
    for (const viewer of people) {
      await expectConnected(viewer.page);
      for (const person of people) {
        await expect(participantRow(viewer.page, person.name)).toHaveAttribute('data-present', 'true');
      }
    }
    await expect(participantRow(ana.page, 'Facilitator')).toContainText('Host');

    // Each writes a note; each sees all three.
    await addNote(host.page, 'Welcome, take your time', 'Green');
    await addNote(ana.page, 'Arriving a bit tired');
    await addNote(bo.page, 'Curious', 'Blue');
    for (const viewer of people) {
      await expect(viewer.page.getByRole('list', { name: 'Notes' }).getByRole('listitem')).toHaveCount(3);
      await expect(noteCard(viewer.page, 'Welcome, take your time')).toContainText(
        viewer === host ? 'You' : 'Facilitator',
      );
      await expect(noteCard(viewer.page, 'Arriving a bit tired')).toBeVisible();
      await expect(noteCard(viewer.page, 'Curious')).toBeVisible();
    }
    // Only the author may edit or delete a note (both behind the note's menu).
    await openNoteMenu(noteCard(ana.page, 'Arriving a bit tired'));
    await expect(
      noteCard(ana.page, 'Arriving a bit tired').getByRole('button', { name: /Edit/ }),
    ).toBeVisible();
    await openNoteMenu(noteCard(ana.page, 'Curious'));
    await expect(noteCard(ana.page, 'Curious').getByRole('button', { name: /Edit|Delete/ })).toHaveCount(0);

    // The author edits their note; the others see the change.
    await openNoteMenu(noteCard(bo.page, 'Curious'));
    await noteCard(bo.page, 'Curious').getByRole('button', { name: /Edit/ }).click();
    await bo.page.getByRole('textbox', { name: 'Edit your note' }).fill('Curious and hopeful');
    await bo.page.getByRole('button', { name: 'Save' }).click();
    await expect(noteCard(host.page, 'Curious and hopeful')).toBeVisible();

    // The facilitator locks the board.
    await openTab(host.page, 'boards');
    const lock = host.page.getByRole('button', { name: 'Lock board' });
    await expect(lock).toHaveAttribute('aria-pressed', 'false');
    await lock.click();
    await expect(lock).toHaveAttribute('aria-pressed', 'true');
    for (const participant of [ana, bo]) {
      const { page } = participant;
      await expect(page.getByRole('textbox', { name: 'Your note' })).toBeDisabled();
      await expect(page.getByRole('button', { name: 'Add note', exact: true })).toBeDisabled();
      await expect(page.getByTestId('board-locked')).toContainText('The board is locked by the facilitator');
      await expect(noteCard(page, 'Arriving a bit tired').getByRole('button')).toHaveCount(0);
    }
    // The facilitator can still write.
    await expect(host.page.getByRole('textbox', { name: 'Your note' })).toBeEnabled();

    // Unlocking opens the board again.
    await lock.click();
    await expect(lock).toHaveAttribute('aria-pressed', 'false');
    await expect(ana.page.getByRole('textbox', { name: 'Your note' })).toBeEnabled();
    await expect(ana.page.getByTestId('board-locked')).toHaveCount(0);
    await addNote(ana.page, 'Open again');
    await expect(noteCard(bo.page, 'Open again')).toBeVisible();
    await expect(noteCard(host.page, 'Open again')).toBeVisible();

    // A participant who leaves is shown as away to the others.
    await ana.page.close();
    await expect(participantRow(host.page, 'Ana')).toHaveAttribute('data-present', 'false');

    // The 360px-wide screen does not scroll sideways.
    const overflow = await bo.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("a newcomer's page draws the session and its board from the join's answer, before its sockets answer", async ({
    person,
  }) => {
    const title = 'Drawn at once';
    const host = await person('Facilitator');
    const dee = await person('Dee', { mobile: true });
    const { link } = await createSession(host, title);
    await addNote(host.page, 'Already on the board');

    // Dee's sockets reach the server, but what it answers is held back (a slow line): what Dee sees
    // first came with the join.
    const held: (() => void)[] = [];
    let holding = true;
    let routed = 0;
    await dee.page.routeWebSocket(/\/(socket\.io|yjs)\//, (ws) => {
      routed += 1;
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => (holding ? held.push(() => ws.send(message)) : ws.send(message)));
    });
    await join(dee, link, title);
    await expect(noteCard(dee.page, 'Already on the board')).toBeVisible();
    await expect(dee.page.getByTestId('connection-status')).not.toHaveText('Connected');
    // Both sockets went through the route, and the server has answered on them by now (held).
    await expect.poll(() => routed).toBeGreaterThanOrEqual(2);
    await expect.poll(() => held.length).toBeGreaterThan(0);

    // The answers arrive: the page took them as one coming back does, and is live.
    holding = false;
    for (const deliver of held.splice(0)) deliver();
    await expectConnected(dee.page);
    await expect(participantRow(host.page, 'Dee')).toHaveAttribute('data-present', 'true');
    await addNote(host.page, 'Written once Dee was here');
    await expect(noteCard(dee.page, 'Written once Dee was here')).toBeVisible();
    await expect(noteCard(dee.page, 'Already on the board')).toBeVisible();
  });

  test('a participant who reloads stays in the session and keeps the notes', async ({ person }) => {
    const title = 'Reload check';
    const host = await person('Facilitator');
    const cas = await person('Cas');

    const { code, link } = await createSession(host, title);
    await join(cas, link, title);
    await addNote(cas.page, 'Written before the reload');
    await addNote(host.page, 'Also from the host');
    await expect(noteCard(cas.page, 'Also from the host')).toBeVisible();

    await cas.page.reload();
    await expect(cas.page).toHaveURL(new RegExp(`/s/${code}$`));
    await expect(cas.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expectConnected(cas.page);
    await expect(noteCard(cas.page, 'Written before the reload')).toContainText('You');
    await expect(noteCard(cas.page, 'Also from the host')).toBeVisible();
    await expect(participantRow(cas.page, 'Cas')).toHaveAttribute('data-present', 'true');
    await expect(participantRow(host.page, 'Cas')).toHaveAttribute('data-present', 'true');

    // Still the same participant: the own note can be edited after the reload.
    await openNoteMenu(noteCard(cas.page, 'Written before the reload'));
    await expect(
      noteCard(cas.page, 'Written before the reload').getByRole('button', { name: /Edit/ }),
    ).toBeVisible();
  });

  test('the private facilitator link opens the console on another device without leaving the token in the address bar', async ({
    person,
  }) => {
    const title = 'Second device';
    const host = await person('Facilitator');
    const laptop = await person('Facilitator');

    const { code } = await createSession(host, title);
    await host.page.getByText('Open this facilitator view on another device').click();
    const privateLink = await host.page
      .getByRole('textbox', { name: 'Private facilitator link' })
      .inputValue();
    expect(privateLink).toMatch(new RegExp(`/s/${code}#token=.+`));

    await laptop.page.goto(privateLink);
    await expect(laptop.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(laptop.page).toHaveURL(new RegExp(`/s/${code}$`));
    await openTab(laptop.page, 'boards');
    await expect(laptop.page.getByRole('button', { name: 'Lock board' })).toBeVisible();
    await expectConnected(laptop.page);
  });
});
