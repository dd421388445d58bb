import { expect, type Locator, type Page } from '@playwright/test';
import { openTab } from './helpers';

export { expectAccessible } from './axe';

/** The page does not scroll sideways (360px phones). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Seconds shown by a `mm:ss` / `h:mm:ss` clock text; throws on anything else. */
export function clockSeconds(text: string | null): number {
  const match = /^\s*(?:(\d+):)?(\d{1,2}):(\d{2})\s*$/.exec(text ?? '');
  if (!match) throw new Error(`not a clock: ${JSON.stringify(text)}`);
  const [, h, m, s] = match;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
}

export const timerValue = (page: Page): Locator => page.getByTestId('timer-value');
export const timerState = (page: Page): Locator => page.getByTestId('timer-state');

/** Reads the timers of several pages at (nearly) the same moment. */
export async function readTimers(...pages: Page[]): Promise<number[]> {
  const texts = await Promise.all(pages.map((p) => timerValue(p).textContent()));
  return texts.map(clockSeconds);
}

/** The page's polite live region while it says `text`. */
export function liveRegion(page: Page, text: string): Locator {
  return page.locator('[aria-live="polite"]').filter({ hasText: text });
}

/** The questions, read through hidden panels too (the facilitator's are in the Questions tab). */
export function questionsRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Questions', includeHidden: true });
}

export function openQuestions(page: Page): Locator {
  return questionsRegion(page)
    .getByRole('list', { name: /^Open questions/, includeHidden: true })
    .getByRole('listitem', { includeHidden: true });
}

export function answeredQuestions(page: Page): Locator {
  return questionsRegion(page)
    .getByRole('list', { name: 'Answered questions', includeHidden: true })
    .getByRole('listitem', { includeHidden: true });
}

export async function ask(page: Page, text: string, options: { anonymous?: boolean } = {}): Promise<void> {
  await openTab(page, 'questions');
  const region = questionsRegion(page);
  await region.getByRole('textbox', { name: 'Your question' }).fill(text);
  if (options.anonymous) await region.getByRole('checkbox', { name: 'Ask anonymously' }).check();
  await region.getByRole('button', { name: 'Ask question' }).click();
  await expect(region.getByRole('textbox', { name: 'Your question' })).toHaveValue('');
}

/** The facilitator controls in the now bar (open by default on wide screens). */
export async function facilitatorControls(page: Page): Promise<Locator> {
  await openTab(page, 'run');
  const summary = page.getByText('Facilitator controls: timer and agenda');
  const details = page.locator('details', { has: summary });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
  return details;
}

export async function startTimer(page: Page, minutes: number, label?: string): Promise<void> {
  const controls = await facilitatorControls(page);
  if (label !== undefined) await controls.getByRole('textbox', { name: /^Label/ }).fill(label);
  await controls
    .getByRole('group', { name: 'Start a timer' })
    .getByRole('button', { name: `${minutes} min`, exact: true })
    .click();
}

export async function timerButton(page: Page, name: string): Promise<Locator> {
  const controls = await facilitatorControls(page);
  return controls
    .getByRole('group', { name: 'Change the running timer' })
    .getByRole('button', { name, exact: true });
}
