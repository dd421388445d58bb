import { readFile } from 'node:fs/promises';
import { expectAccessible } from './axe';
import { addedSeriesId, createCircleViaApi } from './circle-helpers';
import { expect, test } from './fixtures';

/**
 * Registration for a meeting (issue 16, CI20–CI25) in the web app: two visitors register on the
 * event page (one place: the second waits), the first opens their personal link and cancels, the
 * second moves up; the host reads the list and downloads it as CSV. The circle, its series and
 * the registration settings are SETUP over HTTP. Axe clean on every page.
 */

const KEY = '2027-10-03';

/** SETUP: a circle (Amsterdam time), a one-off meeting on 3 October 2027, registration with one place. */
async function circleWithRegistration(
  baseURL: string,
  { date = KEY, time = '14:00', timeZone = 'Europe/Amsterdam', register = true } = {},
): Promise<{ code: string; seriesId: string; hostUrl: string }> {
  const circle = await createCircleViaApi(baseURL, {
    title: 'IPS network',
    hostName: 'Hanna Host',
    timeZone: 'Europe/Amsterdam',
  });
  const { command } = circle;
  const added = await command({
    type: 'series.add',
    title: 'IPS overview',
    plan: {
      timeZone,
      startDate: date,
      startTime: time,
      durationMinutes: 90,
      repeat: { kind: 'once' },
    },
    visibility: 'link',
  });
  const seriesId = addedSeriesId(added);
  if (register)
    await command({
      type: 'series.setRegistration',
      seriesId,
      registration: {
        open: true,
        cap: 1,
        consentText: 'We keep your name until two weeks after the meeting.',
        askEmail: true,
      },
    });
  return { code: circle.code, seriesId, hostUrl: circle.hostUrl };
}

test('two visitors register (one waits), the first cancels and the second moves up; the host exports the list', async ({
  person,
  baseURL,
}) => {
  const { code, seriesId, hostUrl } = await circleWithRegistration(baseURL!);
  const eventUrl = `/c/${code}/e/${seriesId}/${KEY}`;

  // Visitor A, on a phone in New York: one place left.
  const ada = await person('Ada', { timezoneId: 'America/New_York', mobile: true });
  await ada.page.goto(eventUrl);
  const form = ada.page.getByTestId('event-register');
  await expect(form.getByTestId('event-places')).toHaveText('1 place left');
  await expect(form.getByText('We keep your name until two weeks after the meeting.')).toBeVisible();
  await expectAccessible(ada.page, 'the registration form (360px)');

  // Nothing is sent without a name; the problem is said at its field, which gets the focus.
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByLabel('Your name')).toBeFocused();
  await expect(form.getByText('Fill in your name.')).toBeVisible();
  await form.getByLabel('Your name').fill('Ada Early');
  await form.getByLabel('E-mail address (optional)').fill('ada@example.org');
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByRole('checkbox', { name: 'I agree' })).toBeFocused();
  await form.getByRole('checkbox', { name: 'I agree' }).check();
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByText('You are registered.')).toBeFocused();
  const adaLink = await form.getByRole('textbox', { name: 'Your personal link' }).inputValue();
  expect(adaLink).toMatch(new RegExp(`/c/${code}/registration#token=.+`));
  await expectAccessible(ada.page, 'a registration made (360px)');

  // Visitor B: full, so the waiting list.
  const ben = await person('Ben', { timezoneId: 'Europe/Amsterdam' });
  await ben.page.goto(eventUrl);
  const benForm = ben.page.getByTestId('event-register');
  await expect(benForm.getByTestId('event-places')).toHaveText('Full — you will be on the waiting list.');
  await benForm.getByLabel('Your name').fill('Ben Waiting');
  await benForm.getByRole('checkbox', { name: 'I agree' }).check();
  await benForm.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(benForm.getByText('You are on the waiting list (place 1).')).toBeFocused();
  // This device remembers it: the page says so next time, with a way to the registration.
  await ben.page.reload();
  await expect(ben.page.getByTestId('event-registered')).toContainText('You are registered for this meeting');

  // A opens their personal link: the token leaves the address bar; their registration; they cancel.
  await ada.page.goto(adaLink);
  await expect(ada.page).toHaveURL(new RegExp(`/c/${code}/registration$`));
  await expect(
    ada.page.getByRole('heading', { level: 1, name: 'Your registration: IPS overview' }),
  ).toBeVisible();
  await expect(ada.page.getByTestId('registration-name')).toHaveText('Registered as Ada Early');
  await expect(ada.page.getByTestId('registration-status')).toHaveText(
    'You are registered: you have a place.',
  );
  await expect(ada.page.getByTestId('event-time-organiser')).toContainText('(Amsterdam time)');
  await expect(ada.page.getByTestId('event-time-visitor')).toContainText('(New York time)');
  await expectAccessible(ada.page, 'the registrant’s page (360px)');
  await ada.page.getByRole('button', { name: 'Cancel my registration' }).click();
  await ada.page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(
    ada.page.getByRole('heading', { level: 1, name: 'Your registration is cancelled' }),
  ).toBeFocused();
  // The link no longer works.
  await ada.page.goto(adaLink);
  await expect(ada.page.getByTestId('registration-notice')).toContainText('This link no longer works');

  // B moved up (CI22).
  await ben.page.getByRole('link', { name: 'See your registration' }).click();
  await expect(ben.page).toHaveURL(new RegExp(`/c/${code}/registration$`));
  await expect(ben.page.getByTestId('registration-status')).toHaveText(
    'You are registered: you have a place.',
  );

  // The host: the list of that meeting, and its CSV (fetched with the token in a header).
  const host = await person('Hanna Host', { timezoneId: 'Europe/Amsterdam' });
  await host.page.goto(hostUrl);
  const row = host.page.locator(`[data-testid="meeting"][data-key="${KEY}"]`);
  const listButton = row.getByRole('button', { name: /^Registrations \(1\)/ });
  await expect(listButton).toBeVisible();
  await listButton.click();
  const entries = row.getByTestId('registration-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('Ben Waiting');
  await expect(entries.first()).toContainText('Registered');
  await expect(row.getByText('1 of 1 places taken, 0 waiting')).toBeVisible();
  const [download] = await Promise.all([
    host.page.waitForEvent('download'),
    row.getByRole('button', { name: /^Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`registrations-ips-overview-${KEY}.csv`);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain('Ben Waiting');
  expect(csv).not.toContain('Ada Early');
  // The settings form shows what was set over HTTP.
  await host.page.getByText('Registration for “IPS overview”').click();
  await expect(host.page.getByRole('radio', { name: /^Open/ })).toBeChecked();
  await expect(host.page.getByRole('spinbutton', { name: 'Number of places' })).toHaveValue('1');
  await expectAccessible(host.page, 'the host’s registrations');
});

test('a host opens registration in the circle; a registrant joins the live meeting with their personal link', async ({
  person,
  baseURL,
}) => {
  // A meeting that starts in five minutes: its join is open (SE7). No registration yet.
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5 * 60_000);
  const date = start.toISOString().slice(0, 10);
  const { code, seriesId, hostUrl } = await circleWithRegistration(baseURL!, {
    date,
    time: start.toISOString().slice(11, 16),
    timeZone: 'UTC',
    register: false,
  });

  // The host turns registration on: no limit, no e-mail, the default consent text.
  const host = await person('Hanna Host', { mobile: true });
  await host.page.goto(hostUrl);
  await host.page.getByText('Registration for “IPS overview”').click();
  const settings = host.page.getByTestId('registration-settings');
  await settings.getByRole('radio', { name: /^Open/ }).check();
  await expect(settings.getByLabel('Consent text people agree to')).toHaveValue(/only for this meeting/);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings.getByText('Registration for “IPS overview” was saved.')).toBeFocused();
  await expectAccessible(host.page, 'the registration settings (360px)');

  // A visitor registers (no e-mail asked), then opens their personal link and joins.
  const cas = await person('Cas', { timezoneId: 'Europe/Amsterdam' });
  await cas.page.goto(`/c/${code}/e/${seriesId}/${date}`);
  const form = cas.page.getByTestId('event-register');
  await expect(form.getByTestId('event-places')).toHaveCount(0);
  await expect(form.getByLabel('E-mail address (optional)')).toHaveCount(0);
  await form.getByLabel('Your name').fill('Cas Registrant');
  await form.getByRole('checkbox', { name: 'I agree' }).check();
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByText('You are registered.')).toBeFocused();
  const link = await form.getByRole('textbox', { name: 'Your personal link' }).inputValue();
  await cas.page.goto(link);
  await expect(cas.page.getByTestId('registration-status')).toHaveText(
    'You are registered: you have a place.',
  );
  await cas.page.getByRole('button', { name: 'Join the meeting' }).click();
  await expect(cas.page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
  await expect(cas.page.getByRole('heading', { level: 1, name: /IPS overview/ })).toBeVisible();
});
