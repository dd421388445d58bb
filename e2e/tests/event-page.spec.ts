import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { readFile } from 'node:fs/promises';

/**
 * The event page of a meeting (issue 16): times in each visitor's own zone and the organiser's,
 * across a change of daylight saving time; its calendar file; the join button that comes alive on
 * its own; axe clean. The circle and its series are SETUP through the API.
 */

interface Plan {
  timeZone: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  repeat: Record<string, unknown>;
}

/** SETUP: a circle (Amsterdam time) with one series, over HTTP. */
async function circleWithSeries(
  baseURL: string,
  plan: Plan,
  visibility: 'public' | 'link' = 'link',
): Promise<{ code: string; seriesId: string; hostToken: string }> {
  const created = await fetch(`${baseURL}/api/circles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Summit core group', hostName: 'Ana', timeZone: 'Europe/Amsterdam' }),
  });
  expect(created.status).toBe(201);
  const circle = (await created.json()) as { code: string; hostToken: string };
  const added = await fetch(`${baseURL}/api/circles/${circle.code}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${circle.hostToken}` },
    body: JSON.stringify({
      type: 'series.add',
      title: 'Summit planning',
      description: 'Three Sundays to plan the summit.\nBring your ideas.',
      plan,
      visibility,
      accessibility: 'Live captions; a break every hour.',
    }),
  });
  expect(added.status).toBe(200);
  const { events } = (await added.json()) as { events: { type: string; seriesId?: string }[] };
  const seriesId = events.find((e) => e.type === 'series.added')?.seriesId ?? '';
  expect(seriesId).not.toBe('');
  return { code: circle.code, seriesId, hostToken: circle.hostToken };
}

/*
 * Sundays at 14:00 Amsterdam time. Amsterdam leaves summer time on 31 October 2027, New York on
 * 7 November: that one Sunday the meeting is at 9:00 in New York, the others at 8:00.
 */
const SUNDAYS: Plan = {
  timeZone: 'Europe/Amsterdam',
  startDate: '2027-10-24',
  startTime: '14:00',
  durationMinutes: 120,
  repeat: { kind: 'weekly', weekdays: [7], interval: 1, count: 3 },
};

/** Times as ICU writes them, with its narrow and thin spaces read as plain ones. */
async function textOf(page: Page, testId: string): Promise<string> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return text
    .replace(/[\u202f\u2009\u00a0]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

test.describe('event page of a meeting (issue 16)', () => {
  test('shows the meeting in each visitor’s own time zone and the organiser’s, across a DST change', async ({
    person,
    baseURL,
  }) => {
    const { code, seriesId } = await circleWithSeries(baseURL!, SUNDAYS);
    const url = `/c/${code}/e/${seriesId}/2027-10-31`;
    const newYork = await person('Visitor', { timezoneId: 'America/New_York' });
    const amsterdam = await person('Visitor', { timezoneId: 'Europe/Amsterdam' });
    // New York: both zones, each named.
    const ny = newYork.page;
    await ny.goto(url);
    await expect(ny.getByRole('heading', { level: 1, name: 'Summit planning' })).toBeVisible();
    await expect(ny.getByText('A meeting of Summit core group')).toBeVisible();
    expect(await textOf(ny, 'event-time-visitor')).toMatch(
      /^Sunday, October 31, 2027,? .*9:00 ?– ?11:00 AM \(New York time\)$/,
    );
    expect(await textOf(ny, 'event-time-organiser')).toMatch(
      /^Sunday, October 31, 2027,? .*2:00 ?– ?4:00 PM \(Amsterdam time\)$/,
    );
    await expect(ny).toHaveTitle(/^Summit planning — Sunday, October 31, 2027 · Kring$/);
    // A link-only series is kept out of search engines.
    await expect(ny.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    // The description keeps its line break; the notes and the language are there.
    await expect(ny.getByText('Three Sundays to plan the summit.')).toHaveCSS('white-space', 'pre-line');
    await expect(ny.getByText('Live captions; a break every hour.')).toBeVisible();
    await expect(ny.getByRole('definition').filter({ hasText: /^English$/ })).toBeVisible();
    // The series in New York time: the week between the two changes of clocks is an hour later.
    const list = ny.getByTestId('event-meetings').getByRole('listitem');
    await expect(list).toHaveCount(3);
    await expect(list.nth(0)).toContainText(/Oct 24.*8:00/);
    await expect(list.nth(1)).toContainText(/Oct 31.*9:00.*this page/);
    await expect(list.nth(2)).toContainText(/Nov 7.*8:00/);
    await expect(ny.getByTestId('event-join-wait')).toContainText(/Join opens at .*Oct 31.*8:45/);

    // Amsterdam: the organiser's zone is the visitor's, so it is said once.
    const ams = amsterdam.page;
    await ams.goto(url);
    expect(await textOf(ams, 'event-time-organiser')).toMatch(
      /^Sunday, October 31, 2027,? .*2:00 ?– ?4:00 PM \(Amsterdam time\)$/,
    );
    await expect(ams.getByTestId('event-time-visitor')).toHaveCount(0);
    await expect(ams.getByTestId('event-meetings').getByRole('listitem').nth(0)).toContainText(
      /Oct 24.*2:00/,
    );

    // Another meeting of the series, from the list.
    await ams.getByRole('link', { name: /Nov 7/ }).click();
    await expect(ams).toHaveURL(new RegExp(`/e/${seriesId}/2027-11-07$`));
    expect(await textOf(ams, 'event-time-organiser')).toMatch(/November 7, 2027/);
  });

  test('the calendar file downloads, and the page is axe clean on a phone and a desktop', async ({
    person,
    baseURL,
  }) => {
    const { code, seriesId } = await circleWithSeries(baseURL!, SUNDAYS, 'public');
    const phone = await person('Visitor', { timezoneId: 'America/New_York', mobile: true });
    const { page } = phone;
    await page.goto(`/c/${code}/e/${seriesId}/2027-10-24`);
    await expect(page.getByRole('heading', { level: 1, name: 'Summit planning' })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
    await expectAccessible(page, 'the event page (360px)');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add this meeting to your calendar (.ics)' }).click(),
    ]);
    const ics = await readFile(await download.path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`${seriesId}-2027-10-24`);

    // Subscribing: the feed, and the same as webcal:// for calendar apps.
    const feed = await page.getByTestId('event-subscribe').getAttribute('href');
    expect(feed).toMatch(new RegExp(`/api/circles/${code}/series/${seriesId}/calendar\\.ics$`));
    await expect(page.getByTestId('event-webcal')).toHaveAttribute(
      'href',
      feed!.replace(/^http:/, 'webcal:'),
    );

    await page.setViewportSize({ width: 1280, height: 800 });
    await expectAccessible(page, 'the event page (desktop)');
  });

  test('the join button comes alive on its own at the server’s time, with a browser clock that is off', async ({
    person,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    // A meeting whose join opens (15 minutes before its start) at the next whole minute, 10–70 s away.
    const now = Date.now();
    let opens = Math.ceil(now / 60_000) * 60_000;
    if (opens - now < 10_000) opens += 60_000;
    const start = new Date(opens + 15 * 60_000);
    const { code, seriesId } = await circleWithSeries(baseURL!, {
      timeZone: 'UTC',
      startDate: start.toISOString().slice(0, 10),
      startTime: start.toISOString().slice(11, 16),
      durationMinutes: 60,
      repeat: { kind: 'once' },
    });
    const early = await person('Visitor', { timezoneId: 'Europe/Amsterdam' });
    const { page } = early;
    // This browser's clock runs ten minutes fast: by its own clock the button would be live now.
    await page.clock.install({ time: Date.now() + 10 * 60_000 });
    await page.goto(`/c/${code}/e/${seriesId}/${start.toISOString().slice(0, 10)}`);
    await expect(page.getByTestId('event-join-wait')).toContainText('Join opens at');
    await expect(page.getByRole('button', { name: 'Join the meeting' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Join the meeting' })).toBeVisible({ timeout: 90_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(opens);
    await expect(page.getByRole('status').filter({ hasText: 'you can join now' })).toBeAttached();
  });

  test('a visitor joins a live meeting by name, a member of the circle as themselves', async ({
    person,
    baseURL,
  }) => {
    // A meeting that starts in five minutes: its join is open (SE7).
    const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5 * 60_000);
    const date = start.toISOString().slice(0, 10);
    const { code, seriesId, hostToken } = await circleWithSeries(baseURL!, {
      timeZone: 'UTC',
      startDate: date,
      startTime: start.toISOString().slice(11, 16),
      durationMinutes: 60,
      repeat: { kind: 'once' },
    });
    const guest = await person('Visitor', { timezoneId: 'Europe/Amsterdam' });
    const host = await person('Visitor', { timezoneId: 'Europe/Amsterdam' });
    await guest.page.goto(`/c/${code}/e/${seriesId}/${date}`);
    await guest.page.getByRole('button', { name: 'Join the meeting' }).click();
    // The session's join page, where a visitor gives a name (J1).
    await expect(guest.page).toHaveURL(/\/j\/[A-Z2-9]{6}$/);

    // This device holds the host's personal link for the circle: they come in as themselves.
    await host.context.addInitScript(([key, token]) => localStorage.setItem(key, token), [
      `kring:circle:${code}`,
      hostToken,
    ] as const);
    await host.page.goto(`/c/${code}/e/${seriesId}/${date}`);
    await expect(host.page.getByText('You join as a member of the circle')).toBeVisible();
    await host.page.getByRole('button', { name: 'Join the meeting' }).click();
    await expect(host.page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
    await expect(host.page.getByRole('heading', { level: 1, name: /Summit planning/ })).toBeVisible();
  });

  test('starts a circle from the start page, in the browser’s time zone', async ({ person, baseURL }) => {
    const host = await person('Visitor', { timezoneId: 'America/New_York', mobile: true });
    const { page } = host;
    await page.goto('/');
    await page.getByRole('link', { name: 'Start a circle' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Start a circle' })).toBeVisible();
    await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');
    await expect(page.getByLabel('Language of the circle')).toHaveValue('en');
    await expectAccessible(page, 'start a circle (360px)');

    // Nothing is sent without a name; the problem is said and its field gets the focus.
    await page.getByRole('button', { name: 'Start the circle' }).click();
    await expect(page.getByRole('alert')).toHaveText('Give the circle a name.');
    await expect(page.getByLabel('Name of the circle')).toBeFocused();

    await page.getByLabel('Name of the circle').fill('IPS overview');
    await page.getByLabel('Your name').fill('Rosa');
    await page.getByLabel('Time zone').selectOption('Europe/Amsterdam');
    await page.getByRole('button', { name: 'Start the circle' }).click();
    await expect(page).toHaveURL(/\/c\/[A-HJ-NP-Z2-9]{8}$/);
    const code = new URL(page.url()).pathname.split('/').pop() ?? '';
    // The host's token is kept on this device for the circle, and works.
    const token = await page.evaluate((key) => localStorage.getItem(key), `kring:circle:${code}`);
    const circle = await fetch(`${baseURL}/api/circles/${code}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(circle.status).toBe(200);
    expect(await circle.json()).toMatchObject({
      title: 'IPS overview',
      timeZone: 'Europe/Amsterdam',
      you: { name: 'Rosa', role: 'host' },
    });
  });

  test('a cancelled meeting says so; a moved one says where it was planned', async ({ person, baseURL }) => {
    const { code, seriesId, hostToken } = await circleWithSeries(baseURL!, SUNDAYS);
    const setException = async (key: string, exception: unknown) => {
      const res = await fetch(`${baseURL}/api/circles/${code}/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hostToken}` },
        body: JSON.stringify({ type: 'series.setException', seriesId, key, exception }),
      });
      expect(res.status).toBe(200);
    };
    await setException('2027-10-24', { kind: 'cancel' });
    await setException('2027-10-31', { kind: 'move', date: '2027-10-30', time: '10:00' });
    const someone = await person('Visitor', { timezoneId: 'Europe/Amsterdam' });
    const { page } = someone;
    await page.goto(`/c/${code}/e/${seriesId}/2027-10-24`);
    await expect(page.getByTestId('event-cancelled')).toHaveText('This meeting is cancelled.');
    await expect(page.getByTestId('event-join')).not.toContainText('Join');
    await page.goto(`/c/${code}/e/${seriesId}/2027-10-31`);
    await expect(page.getByTestId('event-moved')).toHaveText('Moved from Sunday, October 31.');
    expect(await textOf(page, 'event-time-organiser')).toMatch(
      /^Saturday, October 30, 2027,? 10:00 AM ?– ?12:00 PM \(Amsterdam time\)$/,
    );
    const list = page.getByTestId('event-meetings').getByRole('listitem');
    await expect(list.nth(0)).toContainText(/Oct 24.*cancelled/);
    await expect(list.nth(1)).toContainText(/Oct 30.*this page.*moved.*next/);
  });

  test('an unknown meeting or series says so kindly', async ({ person, baseURL }) => {
    const { code, seriesId } = await circleWithSeries(baseURL!, SUNDAYS);
    const someone = await person('Visitor', { timezoneId: 'Europe/Amsterdam' });
    const { page } = someone;
    for (const path of [
      `/c/${code}/e/${seriesId}/2027-10-25`,
      `/c/${code}/e/AAAAAAAAAAAAAAAAAAAAAA/2027-10-24`,
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'Meeting not found' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Go to the start page' })).toBeVisible();
    }
  });
});
