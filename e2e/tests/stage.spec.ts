import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { breakoutConsole, openRooms, roomView } from './breakouts-helpers';
import { expectAccessible, expectNoSidewaysScroll } from './clock-qa-helpers';
import { expectAllPresent, floorPanel } from './floor-helpers';
import { createSession, join } from './helpers';

const TITLE = 'Stage on a phone';

/** The participant's "what concerns you now" bar. */
const stage = (page: Page) => page.getByTestId('stage');

/** Scrolls the page to its very bottom, as a participant reading the board would. */
async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect
    .poll(() =>
      page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2),
    )
    .toBe(true);
}

test.describe('the participant’s stage', () => {
  test('a participant scrolled down on a phone still sees their turn, their room and an announcement', async ({
    person,
  }) => {
    test.setTimeout(120_000);
    const host = await person('Facilitator');
    const bo = await person('Bo');
    const ana = await person('Ana', { mobile: true });

    const { link } = await createSession(host, TITLE);
    await join(bo, link, TITLE);
    await join(ana, link, TITLE);
    await expectAllPresent(host, [bo, ana]);
    await expect(ana.page).toHaveTitle(`${TITLE} · Kring`);
    await expect(stage(ana.page)).toHaveCount(0);

    // Ana reads on, far down the page.
    await scrollToBottom(ana.page);
    expect(await ana.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // A round, Bo first and Ana next: Ana sees it without scrolling back up.
    await floorPanel(host.page).getByText('Start a new mode', { exact: true }).click();
    const form = host.page.getByRole('form', { name: 'Start a new mode' });
    await form.getByRole('radio', { name: 'Round', exact: true }).check();
    await form.getByRole('radio', { name: 'Set by hand' }).check();
    await expect(form.getByTestId('order-entry')).toHaveText([/Facilitator/, /Bo/, /Ana/]);
    await form.getByRole('checkbox', { name: 'Facilitator (you)' }).uncheck();
    await form.getByRole('button', { name: 'Start: Round' }).click();
    const next = stage(ana.page).getByTestId('stage-next');
    await expect(next).toContainText('You are next');
    await expect(next).toBeInViewport();

    // The facilitator ends Bo's turn: it is Ana's, in view, and the tab says so.
    await floorPanel(host.page).getByRole('button', { name: "End Bo's turn" }).click();
    const turn = stage(ana.page).getByTestId('stage-turn');
    await expect(turn).toContainText('It is your turn');
    await expect(turn).toBeInViewport();
    await expect(stage(ana.page).getByTestId('stage-next')).toHaveCount(0);
    await expect(ana.page).toHaveTitle(`● Your turn · ${TITLE} · Kring`);
    // Not read out twice: the live region says it once (the floor's own announcement).
    await expect(ana.page.getByRole('status').filter({ hasText: 'It is your turn' })).toHaveCount(1);
    await expectNoSidewaysScroll(ana.page);
    await expectAccessible(ana.page, 'the stage with your turn (360px)');

    // "Go to the floor" brings the floor into view and focus.
    await turn.getByRole('button', { name: 'Go to the floor' }).click();
    await expect(floorPanel(ana.page).getByRole('heading', { level: 2 })).toBeFocused();
    await expect(floorPanel(ana.page).getByRole('heading', { level: 2 })).toBeInViewport();

    // Ana is done; the title is plain again.
    await floorPanel(ana.page).getByRole('button', { name: "I'm done" }).click();
    await expect(stage(ana.page).getByTestId('stage-turn')).toHaveCount(0);
    await expect(ana.page).toHaveTitle(`${TITLE} · Kring`);

    // One named room with a prompt and a call link opens: the page becomes the room; Ana, scrolled
    // down, sees its name, prompt, call link and time left at the top.
    const panel = breakoutConsole(host.page);
    await panel.getByText('Set up breakout rooms', { exact: true }).click();
    await panel.getByRole('radio', { name: 'Named rooms, each with its own prompt' }).check();
    await panel.getByLabel('Prompt for room 1').fill('What helped you arrive today?');
    await panel.getByLabel('Call link for room 1').fill('https://call.example/room-1');
    await panel.getByRole('button', { name: 'Remove room 2' }).click();
    await panel.getByRole('radio', { name: 'At random' }).check();
    await panel.getByRole('button', { name: 'Create the rooms' }).click();
    await expect(panel.getByTestId('breakout-status')).toHaveText('1 room is ready, not open yet.');
    await openRooms(host, 10);
    await expect(roomView(ana.page)).toBeVisible();
    await scrollToBottom(ana.page);
    const room = stage(ana.page).getByTestId('stage-room');
    await expect(room).toContainText('You are in Room 1');
    await expect(room).toContainText('What helped you arrive today?');
    await expect(room).toContainText(/\d\d:\d\d left/);
    await expect(room).toBeInViewport();
    const call = room.getByRole('link', { name: /^Join the call/ });
    await expect(call).toHaveAttribute('href', 'https://call.example/room-1');
    await expect(call).toHaveAttribute('target', '_blank');
    await expect(call).toBeInViewport();
    await expect(ana.page).toHaveTitle(`● Rooms open · ${TITLE} · Kring`);

    // An announcement: in view at the top until Ana dismisses it.
    const text = 'We gather again at a quarter past.';
    await host.page.getByText('Post an announcement').click();
    await host.page.getByRole('textbox', { name: 'Announcement' }).fill(text);
    await host.page.getByRole('button', { name: 'Post to everyone' }).click();
    const news = stage(ana.page).getByTestId('stage-announcement');
    await expect(news).toContainText(text);
    await expect(news).toBeInViewport();
    await expectNoSidewaysScroll(ana.page);
    await expectAccessible(ana.page, 'the stage with a room and an announcement (360px)');
    await news.getByRole('button', { name: 'Read the announcement' }).click();
    const banner = ana.page.getByTestId('announcement').filter({ hasText: text });
    await expect(banner).toBeInViewport();
    await banner.getByRole('button', { name: /^Dismiss/ }).click();
    await expect(stage(ana.page).getByTestId('stage-announcement')).toHaveCount(0);
  });
});
