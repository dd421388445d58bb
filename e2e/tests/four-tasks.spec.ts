import { expect, test } from './fixtures';
import { boardTab, boardsAdmin, createFromTemplate, download } from './board-admin-helpers';
import { boardNote, draftsArea, openNoteMenu, writeDraft } from './boards-helpers';
import { clockSeconds, timerValue } from './clock-qa-helpers';
import { expectConnected, join, openTab, type Person } from './helpers';

const TITLE = 'IPS overview: the four tasks';
const BOARD = 'The four IPS tasks';
const ANA_NOTE = 'Connection grows from being listened to';
const BO_NOTE = 'My worldview widened after the peer group';
const GROUP = 'Being heard';

test.describe('IPS step 5: the four tasks segment', () => {
  test('eight minutes of private writing, reveal, cluster, react, dot vote; the harvest exports', async ({
    person,
  }) => {
    const host = await person('Facilitator');
    const ana = await person('Ana');
    const bo = await person('Bo', { mobile: true });
    const people = [host, ana, bo];

    // The facilitator creates the session from the IPS overview template; two participants join.
    const { link } = await createFromTemplate(host, TITLE, /^IPS overview \(three hours\)/);
    await join(ana, link, TITLE);
    await join(bo, link, TITLE);
    for (const p of people) await expectConnected(p.page);

    // … and brings everyone to the four tasks board with its four columns.
    await openTab(host.page, 'boards');
    const admin = boardsAdmin(host.page);
    await boardTab(host.page, BOARD).click();
    await expect(admin.getByRole('heading', { name: `This board: ${BOARD}` })).toBeVisible();
    await admin.getByRole('button', { name: 'Bring everyone here' }).click();
    // The board stays closed until its segment (core S2); run by hand, the facilitator opens it.
    await host.page.getByRole('button', { name: 'Lock board', pressed: true }).click();
    await expect(host.page.getByRole('button', { name: 'Lock board', pressed: false })).toBeVisible();
    for (const p of people) {
      await expect(boardTab(p.page, BOARD)).toHaveAttribute('aria-current', 'true');
      for (const column of ['Connection', 'Worldview', 'Mutuality', 'Moving towards']) {
        await expect(
          p.page.getByTestId('board').getByRole('heading', { name: new RegExp(`^Column: ${column} \\(`) }),
        ).toBeVisible();
      }
    }
    await expect(bo.page.getByTestId('board')).toHaveAttribute('data-layout', 'outline');

    // Private writing with the 8-minute timer (the default).
    await expect(admin.getByRole('spinbutton', { name: 'Minutes of private writing' })).toHaveValue('8');
    await admin.getByRole('button', { name: 'Start private writing' }).click();
    for (const p of [ana, bo]) {
      await expect(p.page.getByTestId('board-phase')).toContainText('Private writing');
      await expect(draftsArea(p.page)).toContainText(
        'Private writing: only you can see these until the facilitator reveals them',
      );
    }
    // The timer's full display is in the facilitator's Run tab.
    await openTab(host.page, 'run');
    for (const p of people) {
      await expect(timerValue(p.page)).toBeVisible();
      await expect
        .poll(async () => clockSeconds(await timerValue(p.page).textContent()))
        .toBeGreaterThan(7 * 60);
      expect(clockSeconds(await timerValue(p.page).textContent())).toBeLessThanOrEqual(8 * 60);
    }

    // One draft each, in different columns; nobody sees anyone else's.
    await writeDraft(ana.page, ANA_NOTE);
    await draftsArea(bo.page).getByRole('combobox', { name: 'Column' }).selectOption({ label: 'Worldview' });
    await writeDraft(bo.page, BO_NOTE);
    await expect(ana.page.getByText(BO_NOTE)).toHaveCount(0);
    await expect(bo.page.getByText(ANA_NOTE)).toHaveCount(0);
    await openTab(host.page, 'boards');
    await expect(host.page.getByText(ANA_NOTE)).toHaveCount(0);
    await expect(host.page.getByText(BO_NOTE)).toHaveCount(0);

    // The reveal: both notes on the board for all three.
    await admin.getByRole('button', { name: 'Reveal' }).click();
    for (const p of people) {
      await expect(p.page.getByTestId('board-phase')).toContainText('Open board');
      await expect(boardNote(p.page, ANA_NOTE)).toBeVisible();
      await expect(boardNote(p.page, BO_NOTE)).toBeVisible();
      await expect(draftsArea(p.page)).toHaveCount(0);
    }
    await expect(
      ana.page.getByRole('list', { name: 'Notes in Connection' }).getByTestId('note'),
    ).toContainText(ANA_NOTE);
    await expect(bo.page.getByRole('list', { name: 'Notes in Worldview' }).getByTestId('note')).toContainText(
      BO_NOTE,
    );

    // Cluster: Ana makes a group in Connection and moves Bo's note into it.
    const connection = ana.page.getByRole('region', { name: /^Column: Connection \(/ });
    await connection.getByRole('textbox', { name: 'New group in Connection' }).fill(GROUP);
    await connection.getByRole('button', { name: 'Create group' }).click();
    await expect(ana.page.getByTestId('group').filter({ hasText: GROUP })).toBeVisible();
    await (
      await openNoteMenu(boardNote(ana.page, BO_NOTE))
    )
      .getByRole('button', { name: 'Move to…' })
      .click();
    await ana.page
      .getByRole('combobox', { name: 'Move to' })
      .selectOption({ label: `Group: ${GROUP} (in Connection)` });
    await ana.page.getByRole('button', { name: 'Move', exact: true }).click();
    for (const p of people) {
      await expect(p.page.getByTestId('group').filter({ hasText: GROUP }).getByTestId('note')).toContainText(
        BO_NOTE,
      );
    }

    // React: Bo hearts Ana's note; the count shows for everyone.
    await (
      await openNoteMenu(boardNote(bo.page, ANA_NOTE))
    )
      .getByRole('button', { name: 'Heart, 0' })
      .click();
    await expect(
      boardNote(bo.page, ANA_NOTE).getByRole('button', { name: 'Heart, 1, you reacted' }),
    ).toBeVisible();
    for (const p of [ana, host]) {
      await expect(boardNote(p.page, ANA_NOTE).getByTestId('note-reactions')).toContainText('Heart, 1');
    }

    // Dot vote: 2 votes each, up to 2 on one note.
    await admin.getByLabel('Votes per person').fill('2');
    await admin.getByLabel('Most votes on one note').fill('2');
    await admin.getByRole('button', { name: 'Open a vote' }).click();
    for (const p of [ana, bo]) {
      await expect(p.page.getByTestId('votes-left')).toHaveText(/you have 2 of 2 votes left/);
    }
    const vote = (p: Person, text: string) =>
      boardNote(p.page, text).getByRole('button', { name: 'Vote for this note' }).click();

    await vote(ana, ANA_NOTE);
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 1 of 2 votes left/);
    await vote(ana, BO_NOTE);
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 0 of 2 votes left/);
    await vote(bo, ANA_NOTE);
    await expect(bo.page.getByTestId('votes-left')).toHaveText(/you have 1 of 2 votes left/);
    await vote(bo, ANA_NOTE);
    await expect(bo.page.getByTestId('votes-left')).toHaveText(/you have 0 of 2 votes left/);

    // A third vote is refused, visibly, and changes nothing.
    await vote(ana, ANA_NOTE);
    await expect(ana.page.getByTestId('vote-message')).toBeVisible();
    await expect(ana.page.getByTestId('vote-message')).toHaveText(/vote/i);
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 0 of 2 votes left/);

    // Totals for everyone.
    for (const p of people) {
      await expect(boardNote(p.page, ANA_NOTE).getByTestId('note-votes')).toContainText('3 votes');
      await expect(boardNote(p.page, BO_NOTE).getByTestId('note-votes')).toContainText('1 vote');
    }

    // The facilitator closes the vote; the totals stay.
    await admin.getByRole('button', { name: 'Close the vote' }).click();
    for (const p of people) {
      await expect(p.page.getByTestId('votes-left')).toHaveText(/The dot vote is closed/);
      await expect(boardNote(p.page, ANA_NOTE).getByTestId('note-votes')).toContainText('3 votes');
      // The results at a glance: most votes first, with their column (Bo's note is in Ana's group now).
      const ranked = p.page.getByTestId('vote-ranked').getByRole('listitem');
      await expect(ranked).toHaveCount(2);
      await expect(ranked.nth(0)).toContainText(`3 votes: ${ANA_NOTE}`);
      await expect(ranked.nth(1)).toContainText(`1 vote: ${BO_NOTE} (Connection)`);
      // VO8: and per column, with the columns nobody voted in named.
      const byColumn = p.page.getByTestId('vote-ranked-column');
      await expect(byColumn).toHaveCount(1);
      await expect(byColumn.getByRole('heading', { name: 'Connection' })).toBeVisible();
      await expect(byColumn.getByRole('listitem')).toHaveText([
        `3 votes: ${ANA_NOTE}`,
        `1 vote: ${BO_NOTE} (group: ${GROUP})`,
      ]);
      await expect(p.page.getByTestId('vote-panel')).toContainText(
        'No votes in: Worldview, Mutuality, and Moving towards',
      );
    }
    // The close is heard, with the winner, not only seen.
    await expect(ana.page.locator('.visually-hidden[aria-live][aria-atomic]')).toContainText(
      `The dot vote is closed. Most votes: ${ANA_NOTE}, 3 votes.`,
    );

    // The harvest: the board exports as Markdown and CSV with both notes and the group.
    const md = await download(host.page, 'Export this board', 'Markdown');
    expect(md.name).toMatch(/^kring-.*\.md$/);
    expect(md.text).toContain('## Results');
    const csv = await download(host.page, 'Export this board', 'CSV (spreadsheet)');
    expect(csv.name).toMatch(/\.csv$/);
    for (const file of [md, csv]) {
      expect(file.text).toContain(ANA_NOTE);
      expect(file.text).toContain(BO_NOTE);
      expect(file.text).toContain(GROUP);
    }
  });
});
