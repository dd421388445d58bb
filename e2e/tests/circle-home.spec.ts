import type { Page } from '@playwright/test';
import { expectAccessible as expectNoViolations } from './axe';
import { expect, test } from './fixtures';

/**
 * A circle's home (issue 16): the host opens their personal link, invites a member (the link is
 * read from the page), adds "every Sunday in October", cancels one date and moves another, all
 * through the UI; the member opens their own link on another device and sees the series with
 * the cancelled date marked. The circle itself is SETUP over HTTP. Axe clean for both.
 */

/** SETUP: a circle in Amsterdam time, over HTTP; its host's personal link. */
async function createCircle(baseURL: string): Promise<{ code: string; hostUrl: string }> {
  const res = await fetch(`${baseURL}/api/circles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Summit core group',
      hostName: 'Hanna Host',
      timeZone: 'Europe/Amsterdam',
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; hostUrl: string };
}

const meeting = (page: Page, key: string) => page.locator(`[data-testid="meeting"][data-key="${key}"]`);

test('a host plans the five Sundays of October; a member sees them with the cancelled date', async ({
  person,
  baseURL,
}) => {
  const circle = await createCircle(baseURL!);
  const host = await person('Hanna Host');
  const { page } = host;

  await page.goto(circle.hostUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Summit core group' })).toBeVisible();
  // The token is kept on this device and wiped from the address bar.
  await expect(page).toHaveURL(new RegExp(`/c/${circle.code}$`));

  // Invite a member: the personal link is shown once, read from the page.
  await page.getByLabel('Name', { exact: true }).fill('Ada Member');
  await page.getByRole('button', { name: 'Make their personal link' }).click();
  const linkBox = page.getByRole('textbox', { name: 'Personal link for Ada Member' });
  await expect(linkBox).toBeVisible();
  await expect(page.getByTestId('invite-result')).toBeFocused();
  const memberLink = await linkBox.inputValue();
  expect(memberLink).toMatch(new RegExp(`/c/${circle.code}#token=.+`));
  await expect(page.getByTestId('member').filter({ hasText: 'Ada Member' })).toBeVisible();

  // Every Sunday in October 2027, 14:00 Amsterdam time, until 31 October.
  await page.getByText('Add a series of meetings').click();
  await page.getByLabel('Title', { exact: true }).fill('Summit planning');
  await page.getByLabel('Description').first().fill('Five Sundays to plan the summit.');
  await page.getByLabel('First date').fill('2027-10-01');
  await page.getByLabel('Start time').fill('14:00');
  await page.getByLabel('Length in minutes').fill('120');
  await expect(page.getByLabel('Time zone of these times')).toHaveValue('Europe/Amsterdam');
  await page.getByLabel('Every week, or every few weeks').check();
  await page.getByLabel('Sunday').check();
  await page.getByLabel('On a date').check();
  // A plan past the cap is the server's to refuse (SE2); its words show under the form.
  await page.getByLabel('Last date').fill('2035-10-31');
  await page.getByRole('button', { name: 'Add the series' }).click();
  await expect(page.getByRole('alert')).toContainText('at most 200 meetings');
  await expect(page.getByRole('alert')).toBeFocused();

  await page.getByLabel('Last date').fill('2027-10-31');
  await page.getByRole('button', { name: 'Add the series' }).click();
  await expect(page.getByText('The series “Summit planning” was added.')).toBeFocused();

  const series = page.getByTestId('series').filter({ hasText: 'Summit planning' });
  await expect(series.getByTestId('meeting')).toHaveCount(5);
  await expect(meeting(page, '2027-10-03')).toContainText('Amsterdam time');
  await expect(meeting(page, '2027-10-03').getByRole('link')).toHaveAttribute(
    'href',
    new RegExp(`/c/${circle.code}/e/[^/]+/2027-10-03$`),
  );

  // Cancel the second Sunday: it stays on the calendar, marked.
  await meeting(page, '2027-10-10')
    .getByRole('button', { name: /^Cancel meeting/ })
    .click();
  await expect(meeting(page, '2027-10-10').getByTestId('meeting-status')).toHaveText('Cancelled');

  // Move the third Sunday to Monday evening.
  await meeting(page, '2027-10-17').getByRole('button', { name: /^Move/ }).click();
  await meeting(page, '2027-10-17').getByLabel('New date').fill('2027-10-18');
  await meeting(page, '2027-10-17').getByLabel('New time').fill('19:30');
  await meeting(page, '2027-10-17').getByRole('button', { name: 'Move the meeting' }).click();
  await expect(meeting(page, '2027-10-17').getByTestId('meeting-status')).toContainText('Moved');
  await expect(meeting(page, '2027-10-17')).toContainText('18');

  // A move onto another meeting is refused (SE5), said next to that meeting.
  await meeting(page, '2027-10-24').getByRole('button', { name: /^Move/ }).click();
  await meeting(page, '2027-10-24').getByLabel('New date').fill('2027-10-31');
  await meeting(page, '2027-10-24').getByRole('button', { name: 'Move the meeting' }).click();
  await expect(meeting(page, '2027-10-24').getByRole('alert')).toContainText('The meeting was not changed');
  await meeting(page, '2027-10-24').getByRole('button', { name: 'Keep it' }).click();

  // Skip a date: it leaves the calendar, and the hosts can bring it back.
  await meeting(page, '2027-10-24').getByRole('button', { name: /^Skip/ }).click();
  await expect(series.getByTestId('meeting')).toHaveCount(5); // four meetings and the skipped date
  await expect(meeting(page, '2027-10-24')).toContainText('Skipped');
  await meeting(page, '2027-10-24')
    .getByRole('button', { name: /^Undo the change/ })
    .click();
  await expect(meeting(page, '2027-10-24')).not.toContainText('Skipped');
  await expect(meeting(page, '2027-10-24').getByRole('link')).toBeVisible();
  await expectNoViolations(page, "the host's circle home");

  // The member, on their own device, by their personal link.
  const ada = await person('Ada Member', { mobile: true });
  await ada.page.goto(memberLink);
  await expect(ada.page.getByRole('heading', { level: 1, name: 'Summit core group' })).toBeVisible();
  await expect(ada.page).toHaveURL(new RegExp(`/c/${circle.code}$`));
  await expect(ada.page.getByRole('heading', { level: 3, name: 'Summit planning' })).toBeVisible();
  await expect(ada.page.getByTestId('meeting')).toHaveCount(5);
  await expect(meeting(ada.page, '2027-10-10').getByTestId('meeting-status')).toHaveText('Cancelled');
  await expect(meeting(ada.page, '2027-10-17').getByTestId('meeting-status')).toContainText('Moved');
  // Members read; the hosts' tools are not theirs.
  await expect(ada.page.getByRole('button', { name: /^Cancel meeting/ })).toHaveCount(0);
  await expect(ada.page.getByRole('button', { name: 'Make their personal link' })).toHaveCount(0);
  await expect(ada.page.getByTestId('member').filter({ hasText: 'Hanna Host' })).toBeVisible();
  await expectNoViolations(ada.page, "the member's circle home (360px)");

  // A host may open a meeting early to prepare it: they go to its live session as themselves.
  await meeting(page, '2027-10-03')
    .getByRole('button', { name: /^Open early to prepare/ })
    .click();
  await expect(page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
  await expect(page.getByRole('heading', { level: 1, name: /Summit planning/ })).toBeVisible();

  // Without a link (a fresh device): a friendly page that says to ask the host.
  const visitor = await person('Visitor');
  await visitor.page.goto(`/c/${circle.code}`);
  await expect(
    visitor.page.getByRole('heading', { level: 1, name: 'This circle is for its members' }),
  ).toBeVisible();
  await expectNoViolations(visitor.page, 'the circle home without a link');
});
