import { expect, test } from './fixtures';
import { boardTab, boardTabs, boardsAdmin, createFromTemplate, download } from './board-admin-helpers';
import { openNoteMenu } from './boards-helpers';
import { addNote, createSession, join, noteCard, openTab } from './helpers';

test.describe('boards: templates, focus, phases and exports', () => {
  test('a session from the IPS overview template; an anonymous check-in board everyone is brought to; private writing then reveal', async ({
    person,
  }) => {
    const title = 'IPS overview from a template';
    const host = await person('Facilitator');
    const ana = await person('Ana', { mobile: true });

    const { link } = await createFromTemplate(host, title, /^IPS overview \(three hours\)/);
    // The agenda and the boards of the template are there.
    await expect(host.page.getByText('History of IPS').first()).toBeVisible();
    await openTab(host.page, 'boards');
    for (const board of ['Check-in', 'The four IPS tasks', 'Harvest']) {
      await expect(boardTab(host.page, board)).toBeVisible();
    }
    await join(ana, link, title);
    await expect(boardTabs(ana.page).getByRole('button')).toHaveCount(3);

    // The facilitator adds an anonymous check-in board.
    const admin = boardsAdmin(host.page);
    await admin.getByText('Add a board').click();
    await admin.getByRole('radio', { name: /^Check-in/ }).check();
    await admin.getByLabel('Board title').fill('Arrival words');
    await admin.getByRole('checkbox', { name: 'Anonymous board' }).check();
    await admin.getByRole('button', { name: 'Add board' }).click();
    await expect(boardTab(host.page, 'Arrival words')).toBeVisible();
    await expect(boardTab(ana.page, 'Arrival words')).toBeVisible();
    await expect(boardTab(ana.page, 'Check-in')).toHaveAttribute('aria-current', 'true');

    // … and brings everyone there: the participant's screen switches to it.
    await boardTab(host.page, 'Arrival words').click();
    await expect(admin.getByRole('heading', { name: 'This board: Arrival words' })).toBeVisible();
    await admin.getByRole('button', { name: 'Bring everyone here' }).click();
    await expect(boardTab(ana.page, 'Arrival words')).toHaveAttribute('aria-current', 'true');
    await expect(ana.page.getByTestId('board-focus')).toContainText('brought everyone to “Arrival words”');
    // While the focus holds, the participant cannot wander off.
    await expect(boardTab(ana.page, 'Harvest')).toBeDisabled();

    // Private writing, then reveal: the participant sees the phase change.
    await expect(ana.page.getByTestId('board-phase')).toContainText('Open board');
    await admin.getByRole('button', { name: 'Start private writing' }).click();
    await expect(ana.page.getByTestId('board-phase')).toContainText('Private writing');
    await expect(admin.getByRole('button', { name: 'Reveal' })).toBeVisible();
    await admin.getByRole('button', { name: 'Reveal' }).click();
    await expect(ana.page.getByTestId('board-phase')).toContainText('Open board');

    // Releasing the focus lets people choose again.
    await admin.getByRole('button', { name: 'Let people choose again' }).click();
    await expect(boardTab(ana.page, 'Harvest')).toBeEnabled();
    await boardTab(ana.page, 'Harvest').click();
    await expect(boardTab(ana.page, 'Harvest')).toHaveAttribute('aria-current', 'true');
  });

  test('exports download with the notes; the print stylesheet hides the controls', async ({ person }) => {
    const title = 'Export check';
    const host = await person('Facilitator');
    const bo = await person('Bo');

    const { link } = await createSession(host, title);
    await join(bo, link, title);
    await addNote(bo.page, 'Peer respite, not a ward');
    await openTab(host.page, 'boards');
    await expect(noteCard(host.page, 'Peer respite, not a ward')).toBeVisible();

    const md = await download(host.page, 'Export this board', 'Markdown');
    expect(md.name).toMatch(/^kring-.*\.md$/);
    expect(md.text).toContain('Peer respite, not a ward');
    const csv = await download(host.page, 'Export this board', 'CSV (spreadsheet)');
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.text).toContain('Peer respite, not a ward');
    const session = await download(host.page, 'Export the whole session', 'Markdown');
    expect(session.text).toContain('Peer respite, not a ward');
    // Participants export too (cut for their role by the server).
    const asBo = await download(bo.page, 'Export this board', 'Markdown');
    expect(asBo.text).toContain('Peer respite, not a ward');

    // Hidden (BD11, BD14): the facilitator still reads the words, marked in words; the participant's
    // page has none of them, only a calm line for the author.
    await (
      await openNoteMenu(noteCard(host.page, 'Peer respite, not a ward'))
    )
      .getByRole('button', { name: 'Hide note' })
      .click();
    await expect(noteCard(host.page, 'Peer respite, not a ward')).toContainText(
      'Hidden: participants do not see this note.',
    );
    await expect(bo.page.getByTestId('my-hidden-notes')).toHaveText(
      /A facilitator has hidden one of your notes\./,
    );
    await expect(bo.page.getByText('Peer respite, not a ward')).toHaveCount(0);
    await (
      await openNoteMenu(noteCard(host.page, 'Peer respite, not a ward'))
    )
      .getByRole('button', { name: 'Show note' })
      .click();
    await expect(noteCard(bo.page, 'Peer respite, not a ward')).toBeVisible();

    // Print: the notes stay, the controls go.
    await host.page.emulateMedia({ media: 'print' });
    await expect(noteCard(host.page, 'Peer respite, not a ward')).toBeVisible();
    await expect(host.page.getByRole('button', { name: 'Lock board' })).toBeHidden();
    await expect(host.page.getByRole('button', { name: 'Print / save as PDF' })).toBeHidden();
    await expect(host.page.getByTestId('join-code')).toBeHidden();
    await expect(host.page.getByRole('textbox', { name: 'Your note' })).toBeHidden();
    await host.page.emulateMedia({ media: 'screen' });
    await expect(host.page.getByRole('button', { name: 'Lock board' })).toBeVisible();
  });
});
