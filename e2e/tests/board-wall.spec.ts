import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { boardTab, boardsAdmin, createFromTemplate } from './board-admin-helpers';
import { expectAccessible } from './axe';
import { boardNote, openNoteMenu } from './boards-helpers';
import { dragWithMouse, dragWithTouch } from './drag-helpers';
import { expectConnected, join, openTab, type Person } from './helpers';

/**
 * Issue 15: the four-tasks board as a wall. Notes are dragged between columns, into groups and
 * within a list, with a mouse and with a finger; the keyboard path through the note's menu is the
 * equal alternative; two people dragging one note at once end up with the same picture; the
 * facilitator decides who may arrange, and screens anonymous notes before anyone sees them.
 */

const FOUR_TASKS = 'The four IPS tasks';

/** The facilitator opens the four-tasks board for everyone, unlocked. */
async function openFourTasks(host: Person): Promise<void> {
  const page = host.page;
  await openTab(page, 'boards');
  await boardTab(page, FOUR_TASKS).click();
  await boardsAdmin(page).getByRole('button', { name: 'Bring everyone here' }).click();
  await page.getByRole('button', { name: 'Lock board', pressed: true }).click();
  await expect(page.getByRole('button', { name: 'Lock board', pressed: false })).toBeVisible();
}

async function addNoteIn(page: Page, text: string, column: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Your note' }).fill(text);
  await page.getByRole('combobox', { name: 'Column' }).selectOption({ label: column });
  await page.getByRole('button', { name: 'Add note', exact: true }).click();
  await expect(boardNote(page, text)).toBeVisible();
}

const listOf = (page: Page, column: string) =>
  page.getByRole('list', { name: `Notes in ${column}` }).getByTestId('note');
const columnNamed = (page: Page, column: string) =>
  page
    .getByTestId('column')
    .filter({ has: page.getByRole('heading', { name: new RegExp(`^(Column: )?${column}`) }) });
const handleOf = (page: Page, text: string) => boardNote(page, text).locator('[data-drag-handle]');
const announced = (page: Page, text: string) =>
  expect(page.locator('[role="status"][aria-atomic="true"]').filter({ hasText: text })).toHaveCount(1);

/** The title of the column a note is shown in, on one screen (null: not on the board). */
function columnOfNote(page: Page, text: string): Promise<string | null> {
  return page.evaluate((wanted) => {
    const note = Array.from(document.querySelectorAll('[data-testid="note"]')).find((n) =>
      n.textContent?.includes(wanted),
    );
    const column = note?.closest('[data-testid="column"]');
    const title = column?.querySelector('h3')?.textContent ?? null;
    return title
      ? title
          .replace(/^Column:\s*/, '')
          .replace(/\s*\(\d+\)\s*$/, '')
          .trim()
      : null;
  }, text);
}

test.describe('issue 15: the board as a wall', () => {
  test('a laptop: four columns side by side, drag between columns, into a group and at once; the keyboard alternative', async ({
    person,
  }) => {
    const host = await person('Facilitator');
    const ana = await person('Ana');
    for (const p of [host, ana]) await p.page.setViewportSize({ width: 1366, height: 768 });
    const { link } = await createFromTemplate(host, 'Wall', /^IPS overview \(three hours\)/);
    await join(ana, link, 'Wall');
    await expectConnected(host.page);
    await openFourTasks(host);
    const page = ana.page;
    await expect(page.getByRole('heading', { name: FOUR_TASKS })).toBeVisible();
    await page.getByRole('button', { name: 'Canvas' }).click();

    // All four IPS columns fit side by side at 1366 px.
    const canvas = page.getByTestId('board-canvas');
    await expect(canvas.getByTestId('column')).toHaveCount(4);
    const widths = await canvas.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll, JSON.stringify(widths)).toBeLessThanOrEqual(widths.client);

    await addNoteIn(page, 'Being listened to', 'Connection');
    await addNoteIn(page, 'Stories we carry', 'Worldview');
    await addNoteIn(page, 'Give and take', 'Mutuality');

    // Mouse: a note dragged onto the lower part of a note in another column lands after it, for everyone.
    await dragWithMouse(page, handleOf(page, 'Stories we carry'), boardNote(page, 'Being listened to'), {
      x: 0.5,
      y: 0.85,
    });
    await announced(page, 'Note moved to Connection');
    for (const p of [ana, host]) await expect(listOf(p.page, 'Connection')).toHaveCount(2);
    await expect(listOf(host.page, 'Connection').nth(1)).toContainText('Stories we carry');

    // Reorder: dropped on the upper part of a note, it goes before it.
    await dragWithMouse(page, handleOf(page, 'Stories we carry'), boardNote(page, 'Being listened to'), {
      x: 0.5,
      y: 0.15,
    });
    await announced(page, 'Connection, position 1 of 2');
    await expect(listOf(host.page, 'Connection').first()).toContainText('Stories we carry');

    // Into a group the facilitator made.
    const col = columnNamed(host.page, 'Connection');
    await col.getByRole('textbox', { name: 'New group in Connection' }).fill('Heard');
    await col.getByRole('button', { name: 'Create group' }).click();
    const group = (p: Page) => p.getByTestId('group').filter({ hasText: 'Heard' });
    await expect(group(page)).toBeVisible();
    await dragWithMouse(page, handleOf(page, 'Being listened to'), group(page));
    for (const p of [ana, host])
      await expect(group(p.page).getByTestId('note')).toContainText('Being listened to');
    // And out of it again: dropped after a loose note of the column.
    await dragWithMouse(page, handleOf(page, 'Being listened to'), boardNote(page, 'Stories we carry'), {
      x: 0.5,
      y: 0.85,
    });
    for (const p of [ana, host]) {
      await expect(group(p.page).getByTestId('note')).toHaveCount(0);
      await expect(listOf(p.page, 'Connection')).toHaveText([/Stories we carry/, /Being listened to/]);
    }

    // Two people drag the same note at the same moment, to different columns: both screens settle
    // on one and the same column.
    const drags = [
      { who: host.page, to: 'Worldview' },
      { who: page, to: 'Moving towards' },
    ];
    for (const d of drags) {
      const box = (await handleOf(d.who, 'Give and take').boundingBox())!;
      await d.who.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await d.who.mouse.down();
      await d.who.mouse.move(box.x + 10, box.y + 10, { steps: 3 });
      const target = (await columnNamed(d.who, d.to).boundingBox())!;
      await d.who.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
    }
    await Promise.all(drags.map((d) => d.who.mouse.up()));
    await expect
      .poll(async () => {
        const [a, b] = [
          await columnOfNote(host.page, 'Give and take'),
          await columnOfNote(page, 'Give and take'),
        ];
        return a === b ? a : `${a} ≠ ${b}`;
      })
      .toMatch(/^(Worldview|Moving towards)$/);

    // The keyboard alternative: the note's menu, Move to…, a place, Move; announced, focus kept.
    const note = boardNote(page, 'Give and take');
    await note.getByRole('button', { name: 'Actions for this note' }).focus();
    await page.keyboard.press('Enter');
    await expect(note.getByTestId('note-menu')).toBeVisible();
    await note.getByRole('button', { name: 'Move to…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Move to' }).selectOption({ label: 'Column: Mutuality' });
    await page.keyboard.press('Tab');
    await expect(note.getByRole('button', { name: 'Move', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await announced(page, 'Note moved to Mutuality');
    for (const p of [ana, host]) await expect(listOf(p.page, 'Mutuality')).toContainText(['Give and take']);

    await expectAccessible(page, 'the wall at 1366 px');
    await openNoteMenu(boardNote(page, 'Stories we carry'));
    await expectAccessible(page, 'the wall with a note menu open');
  });

  test('a phone: drag by touch; who may arrange is the facilitator’s choice; anonymous notes wait for screening', async ({
    person,
  }) => {
    const host = await person('Facilitator');
    const bo = await person('Bo', { mobile: true });
    const { link } = await createFromTemplate(host, 'Phone wall', /^IPS overview \(three hours\)/);
    await join(bo, link, 'Phone wall');
    await expectConnected(host.page);
    await openFourTasks(host);
    await addNoteIn(host.page, 'Facilitator note', 'Mutuality');

    const phone = bo.page;
    await phone.getByRole('button', { name: 'Canvas' }).click();
    await addNoteIn(phone, 'Bo touch note', 'Mutuality');
    await expect(listOf(phone, 'Mutuality').last()).toContainText('Bo touch note');

    // A finger on the grip moves Bo's note before the facilitator's.
    await dragWithTouch(phone, handleOf(phone, 'Bo touch note'), boardNote(phone, 'Facilitator note'), {
      x: 0.5,
      y: 0.15,
    });
    await announced(phone, 'Mutuality, position 1 of 2');
    await expect(listOf(host.page, 'Mutuality').first()).toContainText('Bo touch note');

    // Only facilitators arrange: no grips, no group forms for Bo, and the rule is said.
    const rules = host.page.getByTestId('board-rules');
    await rules.locator('summary').click();
    await rules.getByRole('radio', { name: 'Only facilitators' }).check();
    await expect(phone.getByTestId('board-rule-hint')).toContainText('only the facilitators');
    await expect(phone.locator('[data-drag-handle]')).toHaveCount(0);
    await expect(phone.getByRole('textbox', { name: /^New group in/ })).toHaveCount(0);
    // Everyone moves their own: Bo's note has a grip, the facilitator's has none.
    await rules.getByRole('radio', { name: /^Everyone moves their own/ }).check();
    await expect(phone.getByTestId('board-rule-hint')).toContainText('only your own notes');
    await expect(handleOf(phone, 'Bo touch note')).toHaveCount(1);
    await expect(handleOf(phone, 'Facilitator note')).toHaveCount(0);
    await expectAccessible(phone, 'the wall on a phone');

    // Screening on an anonymous board: Bo's note waits until the facilitator shows it.
    const admin = boardsAdmin(host.page);
    await admin.getByText('Add a board').click();
    await admin.getByRole('radio', { name: /^Check-in/ }).check();
    await admin.getByLabel('Board title').fill('Arrival words');
    await admin.getByRole('checkbox', { name: 'Anonymous board' }).check();
    await admin.getByRole('button', { name: 'Add board' }).click();
    await boardTab(host.page, 'Arrival words').click();
    await admin.getByRole('button', { name: 'Bring everyone here' }).click();
    const locked = host.page.getByRole('button', { name: 'Lock board', pressed: true });
    if (await locked.count()) await locked.click();
    await host.page.getByTestId('board-rules').locator('summary').click();
    await host.page.getByRole('checkbox', { name: /^Screen new notes/ }).check();

    await expect(phone.getByRole('heading', { name: 'Arrival words' })).toBeVisible();
    await phone.getByRole('textbox', { name: 'Your note' }).fill('Held back note');
    await phone.getByRole('button', { name: 'Add note', exact: true }).click();
    await expect(phone.getByTestId('my-hidden-notes')).toContainText('waiting for a facilitator');
    await expect(boardNote(phone, 'Held back note')).toHaveCount(0);
    await expect(host.page.getByTestId('screening-waiting')).toContainText('1 note waiting for screening');
    await expect(boardNote(host.page, 'Held back note')).toContainText('Waiting for screening');
    await host.page.getByRole('button', { name: 'Show all' }).click();
    await expect(host.page.getByTestId('screening-waiting')).toHaveCount(0);
    await expect(boardNote(phone, 'Held back note')).toBeVisible();
    await expect(phone.getByTestId('my-hidden-notes')).toHaveCount(0);
  });
});
