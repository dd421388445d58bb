import { expect, test } from './fixtures';
import { expectConnected, join, openTab } from './helpers';
import {
  FacilitatorApi,
  boardNote,
  settledScroll,
  createSessionViaApi,
  draftsArea,
  expectNoAxeViolations,
  tabTo,
  writeDraft,
  openNoteMenu,
} from './boards-helpers';

test.describe('reflection boards', () => {
  let api: FacilitatorApi | null = null;

  test.afterEach(() => {
    api?.close();
    api = null;
  });

  test('private writing stays private until the facilitator reveals it', async ({ person, baseURL }) => {
    const session = await createSessionViaApi(baseURL!, 'Four tasks');
    api = new FacilitatorApi(baseURL!, session.facilitatorToken);
    const host = await person('Host');
    const ana = await person('Ana');
    const bo = await person('Bo');
    await host.page.goto(session.facilitatorUrl);
    await openTab(host.page, 'boards');
    await join(ana, session.participantUrl, 'Four tasks');
    await join(bo, session.participantUrl, 'Four tasks');
    await expectConnected(ana.page);
    await expectConnected(bo.page);

    // SETUP: the facilitator starts private writing.
    await api.send({ type: 'board.setPhase', boardId: session.boardId, phase: 'private' });

    for (const p of [ana, bo]) {
      await expect(draftsArea(p.page)).toContainText(
        'Private writing: only you can see these until the facilitator reveals them',
      );
    }
    await writeDraft(ana.page, 'Connection means being curious');
    await writeDraft(bo.page, 'My worldview shifted');

    // Drafts live on the server: a reload keeps them.
    await ana.page.reload();
    await expect(
      draftsArea(ana.page).getByTestId('draft').filter({ hasText: 'Connection means' }),
    ).toBeVisible();

    // Nobody sees anyone else's words, facilitators included.
    await expect(ana.page.getByText('My worldview shifted')).toHaveCount(0);
    await expect(bo.page.getByText('Connection means being curious')).toHaveCount(0);
    await expect(host.page.getByText('Connection means being curious')).toHaveCount(0);
    await expect(host.page.getByText('My worldview shifted')).toHaveCount(0);

    // SETUP: the reveal.
    await api.send({ type: 'board.setPhase', boardId: session.boardId, phase: 'open' });
    for (const p of [host, ana, bo]) {
      await expect(boardNote(p.page, 'Connection means being curious')).toBeVisible();
      await expect(boardNote(p.page, 'My worldview shifted')).toBeVisible();
      await expect(draftsArea(p.page)).toHaveCount(0);
    }
    await expect(boardNote(ana.page, 'Connection means being curious')).toContainText('You');
    await expect(boardNote(bo.page, 'Connection means being curious')).toContainText('Ana');
    await expect(
      ana.page.locator('[role="status"][aria-atomic="true"]').filter({ hasText: 'The notes were revealed' }),
    ).toHaveCount(1);
  });

  test('a group, a dot vote with a budget of 2, a refused third vote and the totals', async ({
    person,
    baseURL,
  }) => {
    const session = await createSessionViaApi(baseURL!, 'Clusters and votes');
    api = new FacilitatorApi(baseURL!, session.facilitatorToken);
    const host = await person('Host');
    const ana = await person('Ana');
    const bo = await person('Bo');
    await host.page.goto(session.facilitatorUrl);
    await openTab(host.page, 'boards');
    await join(ana, session.participantUrl, 'Clusters and votes');
    await join(bo, session.participantUrl, 'Clusters and votes');

    await ana.page.getByRole('textbox', { name: 'Your note' }).fill('Listen before advising');
    await ana.page.getByRole('button', { name: 'Add note', exact: true }).click();
    await bo.page.getByRole('textbox', { name: 'Your note' }).fill('Ask what happened');
    await bo.page.getByRole('button', { name: 'Add note', exact: true }).click();
    await expect(boardNote(ana.page, 'Ask what happened')).toBeVisible();

    // Ana makes a group and moves Bo's note into it.
    await ana.page.getByRole('textbox', { name: 'New group in Notes' }).fill('Listening');
    await ana.page.getByRole('button', { name: 'Create group' }).click();
    const group = ana.page.getByTestId('group').filter({ hasText: 'Listening' });
    await expect(group).toBeVisible();
    await (
      await openNoteMenu(boardNote(ana.page, 'Ask what happened'))
    )
      .getByRole('button', { name: 'Move to…' })
      .click();
    await ana.page
      .getByRole('combobox', { name: 'Move to' })
      .selectOption({ label: 'Group: Listening (in Notes)' });
    await ana.page.getByRole('button', { name: 'Move', exact: true }).click();
    for (const p of [ana, bo, host]) {
      await expect(
        p.page.getByTestId('group').filter({ hasText: 'Listening' }).getByTestId('note'),
      ).toContainText('Ask what happened');
    }

    // SETUP: the facilitator opens a vote: 2 votes each, at most 2 per note, totals visible.
    await api.send({ type: 'vote.open', boardId: session.boardId, budget: 2, capPerNote: 2, hidden: false });
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 2 of 2 votes left/);

    const note = boardNote(ana.page, 'Ask what happened');
    await note.getByRole('button', { name: 'Vote for this note' }).click();
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 1 of 2 votes left/);
    await note.getByRole('button', { name: 'Vote for this note' }).click();
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 0 of 2 votes left/);
    await boardNote(ana.page, 'Listen before advising')
      .getByRole('button', { name: 'Vote for this note' })
      .click();
    await expect(ana.page.getByTestId('vote-message')).toBeVisible();
    await expect(ana.page.getByTestId('vote-message')).toHaveText(/vote/i);
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 0 of 2 votes left/);

    // Everyone sees the totals.
    for (const p of [ana, bo, host]) {
      await expect(boardNote(p.page, 'Ask what happened').getByTestId('note-votes')).toContainText('2 votes');
    }
  });

  test('keyboard only through the outline at 360px: react, move, vote; axe clean', async ({
    person,
    baseURL,
  }) => {
    const session = await createSessionViaApi(baseURL!, 'Keyboard pass');
    api = new FacilitatorApi(baseURL!, session.facilitatorToken);
    const host = await person('Host');
    const cas = await person('Cas', { mobile: true });
    await host.page.goto(session.facilitatorUrl);
    await openTab(host.page, 'boards');
    await expectConnected(host.page);

    // The facilitator adds two columns through the board's own form.
    for (const title of ['Connection', 'Worldview']) {
      const details = host.page.locator('details.columns-admin');
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
        await details.getByText('Add a column').click();
      }
      await host.page.getByRole('textbox', { name: 'Column title' }).fill(title);
      await host.page.getByRole('button', { name: 'Add column' }).click();
      await expect(host.page.getByRole('heading', { name: new RegExp(title) })).toBeVisible();
    }

    await join(cas, session.participantUrl, 'Keyboard pass');
    const page = cas.page;
    await expect(page.getByTestId('board')).toHaveAttribute('data-layout', 'outline');
    await expect(page.getByTestId('board-outline')).toBeVisible();

    // Write a note in "Connection" by keyboard.
    await page.getByRole('textbox', { name: 'Your note' }).focus();
    await page.keyboard.type('Being with, not doing to');
    await page.keyboard.press('Control+Enter');
    const note = boardNote(page, 'Being with, not doing to');
    await expect(note).toBeVisible();
    await expect(page.getByRole('list', { name: 'Notes in Connection' }).getByTestId('note')).toHaveCount(1);

    // Tab to the note's menu and react.
    await tabTo(page, /^Actions for this note/);
    await page.keyboard.press('Enter');
    await expect(note.getByTestId('note-menu')).toBeVisible();
    await tabTo(page, /^Heart, 0/);
    await page.keyboard.press('Enter');
    await expect(note.getByRole('button', { name: 'Heart, 1, you reacted' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Escape closes the menu and gives focus back to its button.
    await page.keyboard.press('Escape');
    await expect(note.getByTestId('note-menu')).toHaveCount(0);
    await expect(note.getByRole('button', { name: 'Actions for this note' })).toBeFocused();

    // Move it to another column.
    await page.keyboard.press('Enter');
    await tabTo(page, /^Move to…/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: 'Move to' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('combobox', { name: 'Move to' })).toHaveValue(/^column:/);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Move', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Notes in Worldview' }).getByTestId('note')).toHaveCount(1);
    await expect(boardNote(host.page, 'Being with, not doing to')).toBeVisible();

    // SETUP: a vote opens; vote by keyboard.
    await api.send({ type: 'vote.open', boardId: session.boardId, budget: 3, capPerNote: 3, hidden: false });
    await expect(page.getByTestId('votes-left')).toHaveText(/3 of 3/);
    await tabTo(page, /^Vote for this note/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('votes-left')).toHaveText(/2 of 3/);
    await expect(note.getByTestId('note-votes')).toHaveText('1 vote, 1 from you');

    await expectNoAxeViolations(page, 'the outline view at 360px');
  });

  test('a board longer than a page: the count, show more by keyboard, scrolling, new notes; axe clean', async ({
    person,
    baseURL,
  }) => {
    const session = await createSessionViaApi(baseURL!, 'Long board');
    const host = new FacilitatorApi(baseURL!, session.facilitatorToken);
    api = host;
    // SETUP: 60 notes before anyone opens the board (a page is 50), sent at once.
    const text = (i: number) => `Long board note ${String(i).padStart(2, '0')}`;
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        host.send({ type: 'note.add', boardId: session.boardId, text: text(i + 1), color: 'yellow' }),
      ),
    );
    const dee = await person('Dee');
    await join(dee, session.participantUrl, 'Long board');
    const page = dee.page;
    const notes = page.getByTestId('board').getByTestId('note');
    const more = page.getByTestId('notes-more');

    await expect(notes).toHaveCount(50);
    await expect(more).toContainText('Showing 50 of 60 notes');
    await expect(page.getByRole('heading', { name: /Notes \(60\)/ })).toBeVisible();
    await expectNoAxeViolations(page, 'a board with more notes than a page');

    // A note from someone else lands past the page while Dee reads its middle: counted, not
    // rendered, and her place stays where it was.
    await notes.nth(25).scrollIntoViewIfNeeded();
    const scrolled = await settledScroll(page);
    expect(scrolled).toBeGreaterThan(0);
    await host.send({ type: 'note.add', boardId: session.boardId, text: text(61), color: 'blue' });
    await expect(more).toContainText('Showing 50 of 61 notes');
    await expect(notes).toHaveCount(50);
    expect(await settledScroll(page)).toBe(scrolled);

    // Dee's own note, written while the list is paged, shows at its end: she sees what she wrote.
    await page.getByRole('textbox', { name: 'Your note' }).fill('Dee writes this one');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await expect(boardNote(page, 'Dee writes this one')).toBeVisible();
    await expect(more).toContainText('Showing 51 of 62 notes');

    // Keyboard: the button reveals the rest and focus goes to the first note it revealed…
    await more.getByRole('button', { name: 'Show 12 more' }).focus();
    await page.keyboard.press('Enter');
    await expect(notes).toHaveCount(62);
    await expect(notes.nth(50)).toBeFocused();
    await expect(more).toHaveCount(0);
    // …and Tab goes on from there to the last note.
    await expect
      .poll(
        async () => {
          await page.keyboard.press('Tab');
          return page.evaluate(
            () => document.activeElement?.closest('[data-testid="note"]')?.textContent ?? '',
          );
        },
        { intervals: [0], timeout: 15_000 },
      )
      .toContain(text(61));

    // Scrolling down reveals the rest without a press.
    await page.reload();
    await expect(notes).toHaveCount(50);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(notes).toHaveCount(62);
  });
});
