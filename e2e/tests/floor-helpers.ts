import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { participantRow, type Person } from './helpers';

/** The floor panel of a page. */
export const floorPanel = (page: Page): Locator => page.getByTestId('floor');

/** How `viewer` reads a person's name on the floor: their own name is "You". */
const seenBy = (viewer: Person, name: string) => (viewer.name === name ? 'You' : name);

/** Every screen agrees on who speaks now and who is next (`next: null` hides the line). */
export async function expectSpeaker(viewers: Person[], speaker: string, next?: string | null): Promise<void> {
  for (const viewer of viewers) {
    const floor = floorPanel(viewer.page);
    await expect(floor.getByTestId('floor-speaker'), `${viewer.name} sees the speaker`).toHaveText(
      seenBy(viewer, speaker),
    );
    if (next === null) {
      await expect(floor.getByTestId('floor-next'), `${viewer.name} sees no next`).toHaveCount(0);
    } else if (next !== undefined) {
      await expect(floor.getByTestId('floor-next'), `${viewer.name} sees who is next`).toHaveText(
        seenBy(viewer, next),
      );
    }
  }
}

/** The sentence that tells a person where they stand ("It is your turn…"). */
export const yourPlace = (page: Page): Locator => floorPanel(page).getByTestId('floor-you');

/** The page's polite live region (LiveAnnouncer) holding `text`. */
export const announced = (page: Page, text: string): Locator =>
  page.locator('[role="status"][aria-atomic="true"]').filter({ hasText: text });

/** Waits until `viewer` sees everyone in `people` present (so pickers and orders list them all). */
export async function expectAllPresent(viewer: Person, people: Person[]): Promise<void> {
  for (const person of people) {
    await expect(participantRow(viewer.page, person.name)).toHaveAttribute('data-present', 'true');
  }
}

/** The round's rows in order, each as `data-status` (spoke, passed, speaking, next, waiting…). */
export async function expectRoundStatuses(viewers: Person[], statuses: string[]): Promise<void> {
  for (const viewer of viewers) {
    const rows = floorPanel(viewer.page).getByTestId('round-entry');
    await expect(rows, `${viewer.name} sees the round`).toHaveCount(statuses.length);
    for (const [i, status] of statuses.entries()) {
      await expect(rows.nth(i), `${viewer.name}: row ${i + 1}`).toHaveAttribute('data-status', status);
    }
  }
}

/** The hand-raise queue, in order, as each viewer sees it. */
export async function expectQueue(viewers: Person[], names: string[]): Promise<void> {
  for (const viewer of viewers) {
    const floor = floorPanel(viewer.page);
    if (names.length === 0) {
      await expect(floor.getByTestId('queue-empty'), `${viewer.name} sees an empty queue`).toBeVisible();
      continue;
    }
    await expect(floor.getByTestId('queue-entry'), `${viewer.name} sees the queue`).toHaveText(
      names.map((name) => new RegExp(`^\\s*\\d+\\.\\s*${name}\\b`)),
    );
  }
}

/** The 360px-wide screen does not scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** No axe violations (WCAG 2.2 AA and best practice) inside the floor panel, in whatever mode it is. */
export function expectAccessibleFloor(page: Page, what: string): Promise<void> {
  return expectAccessible(page, what, { include: '[data-testid="floor"]' });
}
