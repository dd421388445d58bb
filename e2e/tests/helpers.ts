import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
  /** Requests the page made to any other origin: must stay empty (no third-party requests). */
  foreignRequests: string[];
}

/** One BrowserContext per person: separate storage, so separate tokens, like separate devices. */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  name: string,
  /**
   * `locale`: the browser's language (Accept-Language and navigator.languages), e.g. 'nl-BE';
   * `timezoneId`: the device's time zone, e.g. 'America/New_York'.
   */
  options: { mobile?: boolean; locale?: string; timezoneId?: string } = {},
): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    ...(options.mobile ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const page = await context.newPage();
  const origin = new URL(baseURL).origin;
  const foreignRequests: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    const httpOrigin = url.origin.replace(/^ws/, 'http');
    if (httpOrigin !== origin) foreignRequests.push(req.url());
  });
  return { name, context, page, foreignRequests };
}

/** Creates a session from the start page; returns the join code and the participant link from the panel. */
export async function createSession(host: Person, title: string): Promise<{ code: string; link: string }> {
  const { page } = host;
  await page.goto('/');
  await page.getByLabel('Session title').fill(title);
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const code = new URL(page.url()).pathname.split('/').pop() ?? '';
  await expect(page.getByTestId('join-code')).toContainText(code);
  const link = await page.getByRole('textbox', { name: 'Participant link' }).inputValue();
  expect(link).toMatch(new RegExp(`/j/${code}$`));
  await expect(page.getByRole('img', { name: 'QR code of the participant link' })).toBeVisible();
  return { code, link };
}

export async function join(person: Person, link: string, title: string): Promise<void> {
  const { page } = person;
  await page.goto(link);
  await page.getByLabel('Your display name').fill(person.name);
  await page.getByRole('button', { name: 'Join session' }).click();
  // The session page loads its code on arrival; with thirty browsers on two cores that can take a while.
  await expect(page).toHaveURL(/\/s\/[A-Z2-9]{6}$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * A person's row in the people list. Read through hidden panels too: in the facilitator's cockpit
 * the list sits in the People tab, and presence is checked from whatever tab is open.
 */
export function participantRow(page: Page, name: string) {
  return page
    .getByRole('list', { name: 'Participants', includeHidden: true })
    .getByRole('listitem', { includeHidden: true })
    .filter({ hasText: name });
}

/** SETUP: a participant's id, read with the facilitator's token. */
export async function participantIdOf(
  baseURL: string,
  code: string,
  token: string,
  name: string,
): Promise<string> {
  const res = await fetch(`${baseURL}/api/sessions/${code}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { participants: { id: string; displayName: string }[] };
  const id = body.participants.find((p) => p.displayName === name)?.id;
  expect(id, `${name} is in the session`).toBeTruthy();
  return id!;
}

export type CockpitTab = 'run' | 'floor' | 'boards' | 'rooms' | 'questions' | 'people' | 'captions';

/**
 * Opens a tab of the facilitator's cockpit (by its id, so it works in every language); does
 * nothing on a participant's page, which has no tabs.
 */
export async function openTab(page: Page, tab: CockpitTab): Promise<void> {
  const button = page.getByTestId(`cockpit-tab-${tab}`);
  // Wait for the session screen (a cockpit, or a participant's floor) before deciding there is none.
  await page
    .getByTestId('cockpit-tab-run')
    .or(page.getByTestId('floor'))
    .first()
    .waitFor({ state: 'attached' });
  if ((await button.count()) === 0) return;
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-selected', 'true');
}

export function noteCard(page: Page, text: string) {
  return page.getByRole('list', { name: 'Notes' }).getByRole('listitem').filter({ hasText: text });
}

export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
}

export async function addNote(page: Page, text: string, color?: string): Promise<void> {
  await openTab(page, 'boards');
  await page.getByRole('textbox', { name: 'Your note' }).fill(text);
  if (color) {
    await page
      .getByRole('form', { name: 'Add a note' })
      .getByRole('radio', { name: color, exact: true })
      .check();
  }
  await page.getByRole('button', { name: 'Add note', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Your note' })).toHaveValue('');
}

/** Ends each person's browser context, after checking their page made no third-party requests. */
export async function closeAll(people: Person[]): Promise<void> {
  for (const person of people) {
    expect(person.foreignRequests, `${person.name} made third-party requests`).toEqual([]);
    await person.context.close();
  }
}
