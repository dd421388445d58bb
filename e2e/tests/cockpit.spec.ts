import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { breakoutConsole, createRandomRooms, openRooms, roomView } from './breakouts-helpers';
import { ask, expectAccessible } from './clock-qa-helpers';
import { floorPanel } from './floor-helpers';
import { expectConnected, join } from './helpers';

const TITLE = 'Cockpit check';
const counter = (page: Page, kind: 'hands' | 'signals' | 'help' | 'questions'): Locator =>
  page.getByTestId(`counter-${kind}`);
const tab = (page: Page, name: string): Locator => page.getByRole('tab', { name: new RegExp(`^${name}`) });

/** The element is wholly inside the 1366×768 window as it stands (no scrolling). */
async function expectInViewport(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} is on the page`).not.toBeNull();
  expect(box!.y, `${what} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} ends inside the window`).toBeLessThanOrEqual(768);
  expect(box!.x + box!.width, `${what} fits the width`).toBeLessThanOrEqual(1366);
}

/** Presses `key` until `reached` holds for the focused element; returns how many presses it took. */
async function pressUntil(
  page: Page,
  key: string,
  reached: () => Promise<boolean>,
  max = 60,
): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await reached()) return presses;
  }
  throw new Error(`${key} never reached the target in ${max} presses`);
}
const focused = (locator: Locator) => () => locator.evaluate((el) => el === document.activeElement);

test.describe('the facilitator cockpit (issue 11)', () => {
  test('counters reach the top bar within a second and lead to the tab where one acts; Start next and the floor are a few key presses away', async ({
    person,
  }) => {
    test.setTimeout(120_000);
    const host = await person('Facilitator');
    const ana = await person('Ana');
    const bo = await person('Bo');
    await host.page.setViewportSize({ width: 1366, height: 768 });
    const page = host.page;

    // Created from the IPS overview, so the agenda has segments to start.
    await page.goto('/');
    await page.getByLabel('Session title').fill(TITLE);
    await page.getByRole('radio', { name: /IPS overview/ }).check();
    await page.getByRole('button', { name: 'Create session' }).click();
    await expect(page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
    const code = new URL(page.url()).pathname.split('/').pop() ?? '';

    // "Keep this link": the private facilitator link, prominent, until the host says they kept it.
    const keep = page.getByTestId('keep-link');
    await expect(keep.getByRole('heading', { name: 'Keep this link' })).toBeVisible();
    await expect(keep.getByRole('textbox', { name: 'Your facilitator link' })).toHaveValue(
      new RegExp(`/s/${code}#token=.+`),
    );
    await expectAccessible(page, 'the cockpit with the keep-this-link card');
    await keep.getByRole('button', { name: 'I have kept it' }).click();
    await expect(keep).toHaveCount(0);
    await page.reload();
    await expectConnected(page);
    await expect(page.getByTestId('keep-link')).toHaveCount(0);

    const link = `/j/${code}`;
    await join(ana, link, TITLE);
    await join(bo, link, TITLE);

    // The top bar and Start next fit the 1366×768 window without scrolling, with the Run tab open.
    const bar = page.getByTestId('cockpit-top-bar');
    const startNext = bar.getByRole('button', { name: 'Start next' });
    await expect(startNext).toBeEnabled();
    await expectInViewport(bar, 'the top bar');
    await expectInViewport(startNext, 'Start next');
    await expect(tab(page, 'Run')).toHaveAttribute('aria-selected', 'true');
    // Start next shows what it will do first.
    await bar.getByText('What it will do').click();
    await expect(bar.getByTestId('start-preview').getByRole('listitem').first()).toBeVisible();
    await expectAccessible(page, 'the cockpit with the Start preview open');
    await bar.getByText('What it will do').click();

    // A hand: the counter and the tab title within a second of the click.
    await expect(counter(page, 'hands')).toHaveAttribute('data-count', '0');
    await floorPanel(ana.page).getByRole('button', { name: 'Raise hand' }).click();
    await expect(counter(page, 'hands')).toHaveAttribute('data-count', '1', { timeout: 1000 });
    await expect(counter(page, 'hands')).toContainText('1 hand raised');
    await expect(page).toHaveTitle(new RegExp(`^\\(1\\) ${TITLE}`), { timeout: 1000 });

    // A private signal, likewise.
    await floorPanel(bo.page).getByRole('button', { name: 'I need a pause' }).click();
    await expect(counter(page, 'signals')).toHaveAttribute('data-count', '1', { timeout: 1000 });
    await expect(page).toHaveTitle(new RegExp(`^\\(2\\) ${TITLE}`), { timeout: 1000 });

    // The hand counter opens the Floor tab and moves focus there, where the queue is.
    await counter(page, 'hands').click();
    await expect(tab(page, 'Floor')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Floor' })).toBeFocused();
    await expect(floorPanel(page).getByTestId('queue-entry')).toContainText('Ana');
    await expectAccessible(page, 'the Floor tab with a hand and a signal');

    // A new question counts until the Questions tab has shown it.
    await ask(ana.page, 'Can we take a break soon?');
    await expect(counter(page, 'questions')).toHaveAttribute('data-count', '1', { timeout: 1000 });
    await counter(page, 'questions').click();
    await expect(page.getByRole('tabpanel', { name: 'Questions' })).toBeFocused();
    await expect(counter(page, 'questions')).toHaveAttribute('data-count', '0');

    // A help call from a room: rooms made and opened in the Rooms tab (marked while in use).
    await tab(page, 'Rooms').click();
    await createRandomRooms(host, 2);
    await expect(tab(page, 'Rooms')).toHaveAccessibleName('Rooms (rooms in use)');
    await openRooms(host, 10);
    await tab(page, 'Run').click();
    await roomView(ana.page).getByRole('button', { name: 'Ask for help' }).click();
    await expect(counter(page, 'help')).toHaveAttribute('data-count', '1', { timeout: 1000 });
    await counter(page, 'help').click();
    await expect(page.getByRole('tabpanel', { name: /^Rooms/ })).toBeFocused();
    await expect(breakoutConsole(page).getByTestId('help-call')).toContainText('Ana');
    await expectAccessible(page, 'the Rooms tab with a help call');

    // The keyboard path from the top of a fresh page: to Start next, and to the floor's controls.
    await tab(page, 'Run').click();
    await page.reload();
    await expectConnected(page);
    const toStartNext = await pressUntil(page, 'Tab', focused(startNext));
    const toTabs = await pressUntil(page, 'Tab', focused(tab(page, 'Run')));
    const toFloorTab = await pressUntil(page, 'ArrowRight', focused(tab(page, 'Floor')));
    const startMode = floorPanel(page).getByText('Start a new mode', { exact: true });
    const toStartMode = await pressUntil(page, 'Tab', focused(startMode));
    const toFloor = toStartNext + toTabs + toFloorTab + toStartMode;
    console.log(`[cockpit] key presses from the page top to "Start next": ${toStartNext}`);
    console.log(`[cockpit] key presses from the page top to the floor's "Start a new mode": ${toFloor}`);
    expect(toStartNext).toBeLessThanOrEqual(15);
    // Before the cockpit: 80 presses to start a round. The floor panel itself holds the queue first.
    expect(toFloor).toBeLessThanOrEqual(20);
  });
});
