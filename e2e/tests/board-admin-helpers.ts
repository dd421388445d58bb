import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import type { Person } from './helpers';

/** Creates a session from a session template on the start page; returns the join code and participant link. */
export async function createFromTemplate(
  host: Person,
  title: string,
  template: RegExp,
): Promise<{ code: string; link: string }> {
  const { page } = host;
  await page.goto('/');
  await page.getByLabel('Session title').fill(title);
  await page.getByRole('radio', { name: template }).check();
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const code = new URL(page.url()).pathname.split('/').pop() ?? '';
  const link = await page.getByRole('textbox', { name: 'Participant link' }).inputValue();
  return { code, link };
}

/** The board switcher's list of (non-archived) boards. */
export function boardTabs(page: Page) {
  return page.getByRole('navigation', { name: 'Boards' }).getByRole('list', { name: 'Boards' });
}

export function boardTab(page: Page, title: string) {
  return boardTabs(page).getByRole('button', { name: new RegExp(`^${title}`) });
}

/** The facilitator's board management. */
export function boardsAdmin(page: Page) {
  return page.getByRole('group', { name: 'Boards' });
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function download(
  page: Page,
  group: string,
  format: string,
): Promise<{ name: string; text: string }> {
  const menu = page.getByText('Export and print');
  if (!(await page.getByRole('group', { name: group }).isVisible())) await menu.click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: group }).getByRole('button', { name: format }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}
