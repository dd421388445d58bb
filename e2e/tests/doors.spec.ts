import { expect, test } from './fixtures';
import { addNote, expectConnected, join, noteCard, openTab, participantRow, type Person } from './helpers';

/** Issue 9: who can come in (core S1, RO8, J2, J4, J5), one browser context per person. */

const codeIn = (url: string) => new URL(url).pathname.split('/').pop() ?? '';

async function tryToJoin(person: Person, link: string, name: string) {
  const { page } = person;
  await page.goto(link);
  await page.getByLabel('Your display name').fill(name);
  await page.getByRole('button', { name: 'Join session' }).click();
}

test.describe('who can come in', () => {
  test('the host names themselves, closes the door, gives a new code and signs everyone else out', async ({
    person,
    request,
  }) => {
    const title = 'Doors, e2e';
    const host = await person('Hanna');
    const ana = await person('Ana');
    const cai = await person('Cai');

    // The host names themselves on the home page (which keeps its nonce CSP next to our headers).
    const home = await host.page.goto('/');
    const headers = home?.headers() ?? {};
    expect(headers['content-security-policy']).toMatch(/script-src [^;]*'nonce-/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['permissions-policy']).toContain('camera=()');
    await host.page.getByLabel('Session title').fill(title);
    await host.page.getByLabel('Your name').fill('Hanna');
    await host.page.getByRole('button', { name: 'Create session' }).click();
    await expect(host.page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
    const first = codeIn(host.page.url());
    const link = await host.page.getByRole('textbox', { name: 'Participant link' }).inputValue();

    await join(ana, link, title);
    await expect(participantRow(ana.page, 'Hanna')).toContainText('Host');

    // Nobody poses as the host.
    await tryToJoin(cai, link, 'hanna');
    await expect(cai.page.getByRole('alert')).toContainText(
      'A facilitator of this session goes by this name',
    );

    // The host closes the door: someone new is told kindly; Ana, already in, comes back.
    await openTab(host.page, 'run');
    const door = host.page.getByRole('button', { name: 'Closed to new people' });
    await expect(door).toHaveAttribute('aria-pressed', 'false');
    await door.click();
    await expect(door).toHaveAttribute('aria-pressed', 'true');
    await tryToJoin(cai, link, 'Cai');
    await expect(cai.page.getByRole('alert')).toContainText(
      'The facilitator has closed this session to new people.',
    );
    await expect(cai.page).toHaveURL(new RegExp(`/j/${first}$`));
    await ana.page.reload();
    await expectConnected(ana.page);
    await door.click();
    await expect(door).toHaveAttribute('aria-pressed', 'false');

    // A new join code: Ana keeps working, and her address follows; the old link finds nothing.
    await host.page.getByRole('button', { name: 'New join code…' }).click();
    await expect(host.page.getByRole('button', { name: 'Keep this code' })).toBeFocused();
    await host.page.getByRole('button', { name: 'Make a new code' }).click();
    await expect(host.page).not.toHaveURL(new RegExp(`/s/${first}$`));
    const fresh = codeIn(host.page.url());
    expect(fresh).toMatch(/^[A-Z2-9]{6}$/);
    await expect(host.page.getByTestId('join-code')).toContainText(fresh);
    await expect(ana.page).toHaveURL(new RegExp(`/s/${fresh}$`));
    await addNote(ana.page, 'Still here after the new code');
    await openTab(host.page, 'boards');
    await expect(noteCard(host.page, 'Still here after the new code')).toBeVisible();
    await openTab(host.page, 'run');
    await ana.page.reload();
    await expectConnected(ana.page);
    // The old code is unknown now: the join page says so before asking for a name.
    await cai.page.goto(link);
    await expect(cai.page.getByRole('heading', { name: 'Session not found' })).toBeVisible();
    await expect(cai.page.getByLabel('Your display name')).toHaveCount(0);
    const freshLink = await host.page.getByRole('textbox', { name: 'Participant link' }).inputValue();
    expect(freshLink).toMatch(new RegExp(`/j/${fresh}$`));
    await join(cai, freshLink, title);

    // Signing everyone else out: Ana and Cai are told calmly; the host carries on.
    await host.page.getByRole('button', { name: 'Sign everyone else out…' }).click();
    await host.page.getByRole('button', { name: 'Sign everyone else out', exact: true }).click();
    for (const out of [ana, cai]) {
      await expect(out.page.getByRole('heading', { name: 'You were signed out' })).toBeVisible();
      await expect(out.page.getByRole('alert')).toContainText('You are welcome to join again');
    }
    await expectConnected(host.page);
    await addNote(host.page, 'Only the host now');
    await expect(noteCard(host.page, 'Only the host now')).toBeVisible();

    // Ana joins again, as someone new.
    await ana.page.getByRole('button', { name: 'Join again' }).click();
    await expect(ana.page).toHaveURL(new RegExp(`/j/${fresh}$`));
    await ana.page.getByLabel('Your display name').fill('Ana');
    await ana.page.getByRole('button', { name: 'Join session' }).click();
    await expect(ana.page).toHaveURL(new RegExp(`/s/${fresh}$`));
    await expectConnected(ana.page);
    await expect(noteCard(ana.page, 'Only the host now')).toBeVisible();

    // A malformed address is a bad request, not a server error, on pages and the API alike.
    for (const path of ['/j/%ff%fe', '/s/%ff%fe', '/api/sessions/%ff%fe']) {
      expect({ path, status: (await request.get(path)).status() }).toEqual({ path, status: 400 });
    }
  });
});
