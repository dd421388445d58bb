import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { openNoteMenu } from './boards-helpers';
import { addedSeriesId, createCircleViaApi } from './circle-helpers';
import { expect, test } from './fixtures';
import { type Person, noteCard } from './helpers';

/**
 * A core group of five meets twice (issue 16, CI17, CI26–CI28): the host adds a lasting "Actions"
 * board on the circle's page; in the first meeting two members write on it; the host keeps the
 * meeting's harvest; in the second meeting (another session) everyone finds those notes where they
 * were, and their author can still edit hers. Members download the kept harvest. Five browser
 * contexts, one a phone; axe clean.
 *
 * SETUP over HTTP: the circle, its members' links and the series. Time is real, so the series'
 * first meeting starts five minutes before the test; "a week later" is the host moving the first
 * meeting's end into the past and the second meeting to now (both are host tools, SE4).
 */

const MINUTE = 60_000;
const utcDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const utcTime = (t: number) => new Date(t).toISOString().slice(11, 16);
/** ISO weekday (Monday 1 … Sunday 7), as series plans name them. */
const weekday = (t: number) => ((new Date(t).getUTCDay() + 6) % 7) + 1;

async function setUp(baseURL: string) {
  const circle = await createCircleViaApi(baseURL, {
    title: 'Summit core group',
    hostName: 'Hanna Host',
    timeZone: 'UTC',
  });
  const { command } = circle;
  const links: Record<string, string> = {};
  for (const name of ['Ada', 'Bo', 'Cas', 'Dee']) {
    links[name] = (await command({ type: 'member.invite', name, role: 'member' })).link!;
  }
  const start = Math.floor((Date.now() - 5 * MINUTE) / MINUTE) * MINUTE;
  const added = await command({
    type: 'series.add',
    title: 'Summit planning',
    plan: {
      timeZone: 'UTC',
      startDate: utcDate(start),
      startTime: utcTime(start),
      durationMinutes: 60,
      repeat: { kind: 'weekly', weekdays: [weekday(start)], interval: 1, count: 2 },
    },
    visibility: 'link',
  });
  const seriesId = addedSeriesId(added);
  const first = utcDate(start);
  const second = utcDate(start + 7 * 24 * 60 * MINUTE);
  /** SETUP: "a week later" — the first meeting ended a minute after it began, the second starts now. */
  const aWeekLater = async () => {
    const move = (key: string, at: number, durationMinutes: number) =>
      command({
        type: 'series.setException',
        seriesId,
        key,
        exception: { kind: 'move', date: utcDate(at), time: utcTime(at), durationMinutes },
      });
    await move(first, start, 1);
    await move(second, Math.floor((Date.now() - 2 * MINUTE) / MINUTE) * MINUTE, 60);
  };
  return { circle, links, first, second, aWeekLater };
}

const meetingRow = (page: Page, key: string) => page.locator(`[data-testid="meeting"][data-key="${key}"]`);

/** From the circle's page into a meeting's live session; returns its join code. */
async function joinMeeting(p: Person, code: string, key: string): Promise<string> {
  await p.page.goto(`/c/${code}`);
  await meetingRow(p.page, key).getByRole('button', { name: /^Join/ }).click();
  await expect(p.page).toHaveURL(/\/s\/[A-Z2-9]{6}$/, { timeout: 30_000 });
  await expect(p.page.getByRole('heading', { level: 1, name: /Summit planning/ })).toBeVisible();
  return new URL(p.page.url()).pathname.split('/').pop()!;
}

/** The lasting board's tab in the session's board switcher. */
const actionsTab = (page: Page) =>
  page.getByRole('navigation', { name: 'Boards' }).getByRole('button', { name: /^Actions/ });

/** Opens the circle's lasting board in the session's board switcher. */
async function openActions(p: Person): Promise<void> {
  await actionsTab(p.page).click();
  await expect(p.page.getByTestId('board').getByRole('heading', { name: /^Column: To do/ })).toBeVisible();
}

async function write(p: Person, text: string, column: string): Promise<void> {
  await p.page.getByRole('textbox', { name: 'Your note' }).fill(text);
  await p.page.getByRole('combobox', { name: 'Column' }).selectOption({ label: column });
  await p.page.getByRole('button', { name: 'Add note', exact: true }).click();
  await expect(noteCard(p.page, text)).toBeVisible();
}

test('a core group of five meets twice: the lasting board keeps what the first meeting wrote; the harvest stays with the circle', async ({
  person,
  baseURL,
}) => {
  test.slow(); // five browsers, two meetings
  const { circle, links, first, second, aWeekLater } = await setUp(baseURL!);

  // The host adds the lasting board on the circle's page.
  const hanna = await person('Hanna Host');
  await hanna.page.goto(circle.hostUrl);
  const boardsSection = hanna.page.getByRole('region', { name: 'Lasting boards' });
  await boardsSection.getByLabel('Board title').fill('Actions');
  await boardsSection.getByLabel('Kind of board').selectOption({ label: 'Actions (to do, doing, done)' });
  await boardsSection.getByRole('button', { name: 'Add the board' }).click();
  await expect(hanna.page.getByText('The board “Actions” was added.')).toBeFocused();
  await expect(boardsSection.getByTestId('circle-board')).toHaveText([/Actions/]);
  await expectAccessible(hanna.page, "the host's circle page with its lasting board");

  // Meeting 1: all five come in from the circle's page, each by their own link.
  const members = await Promise.all(
    ['Ada', 'Bo', 'Cas', 'Dee'].map((name) => person(name, name === 'Cas' ? { mobile: true } : {})),
  );
  const [ada, bo, cas, dee] = members as [Person, Person, Person, Person];
  for (const m of members) await m.page.goto(links[m.name]!);
  const codes = new Set<string>();
  for (const p of [hanna, ...members]) codes.add(await joinMeeting(p, circle.code, first));
  expect(codes.size).toBe(1);
  const [firstCode] = [...codes];

  for (const p of [ada, bo, dee]) await openActions(p);
  await write(ada, 'Book the venue — Ada, by 1 November', 'To do');
  await write(bo, 'Ask the respite house about dates', 'Doing');
  await expect(noteCard(dee.page, 'Book the venue — Ada, by 1 November')).toBeVisible();
  await expect(noteCard(dee.page, 'Ask the respite house about dates')).toBeVisible();

  // The host keeps the first meeting's harvest with the circle.
  await hanna.page.goto(`/c/${circle.code}`);
  await meetingRow(hanna.page, first)
    .getByRole('button', { name: /^Keep the harvest/ })
    .click();
  await expect(hanna.page.getByRole('region', { name: 'Kept harvests' }).getByTestId('harvest')).toHaveCount(
    1,
  );

  // A week later: the second meeting is another session, with the same board and notes.
  await aWeekLater();
  const again = new Set<string>();
  for (const p of [hanna, ...members]) again.add(await joinMeeting(p, circle.code, second));
  expect(again.size).toBe(1);
  expect([...again][0]).not.toBe(firstCode);

  for (const p of [cas, ada, dee]) await openActions(p);
  const todo = cas.page.getByRole('region', { name: /^Column: To do/ });
  const doing = cas.page.getByRole('region', { name: /^Column: Doing/ });
  await expect(todo.getByTestId('note')).toContainText(['Book the venue — Ada, by 1 November']);
  await expect(doing.getByTestId('note')).toContainText(['Ask the respite house about dates']);
  await expect(actionsTab(cas.page)).toContainText('Circle board');

  // Still Ada's (the same participant in every meeting): she edits it, everyone sees it.
  await openNoteMenu(noteCard(ada.page, 'Book the venue'));
  await noteCard(ada.page, 'Book the venue').getByRole('button', { name: /Edit/ }).click();
  await ada.page.getByRole('textbox', { name: 'Edit your note' }).fill('Venue booked — Ada');
  await ada.page.getByRole('button', { name: 'Save' }).click();
  await expect(noteCard(dee.page, 'Venue booked — Ada')).toBeVisible();
  // Not Dee's: her menu on Ada's note has no Edit.
  await openNoteMenu(noteCard(dee.page, 'Venue booked — Ada'));
  await expect(
    noteCard(dee.page, 'Venue booked — Ada').getByRole('button', { name: /Edit|Delete/ }),
  ).toHaveCount(0);
  await expectAccessible(cas.page, 'the lasting board in the second meeting (phone)');

  // Members read the kept harvest of the first meeting on the circle's page.
  await bo.page.goto(`/c/${circle.code}`);
  const harvests = bo.page.getByRole('region', { name: 'Kept harvests' });
  await expect(harvests.getByTestId('harvest')).toHaveCount(1);
  const downloading = bo.page.waitForEvent('download');
  await harvests.getByRole('button', { name: /^Download the harvest of/ }).click();
  const file = await (await downloading).path();
  const text = await readFile(file, 'utf8');
  expect(text).toContain('Ask the respite house about dates');
  expect(text).toContain('Book the venue — Ada, by 1 November');
  // Members do not remove the circle's boards or harvests.
  await expect(bo.page.getByRole('button', { name: /^Remove the board/ })).toHaveCount(0);
  await expect(bo.page.getByRole('button', { name: /^Delete the harvest/ })).toHaveCount(0);
  await expectAccessible(bo.page, "a member's circle page with the kept harvest");
});
