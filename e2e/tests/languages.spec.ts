import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { FacilitatorApi, createSessionViaApi } from './boards-helpers';
import { expect, test } from './fixtures';
import { createSession, openTab } from './helpers';
import { type Locale, t, untranslated } from './i18n-helpers';

/**
 * Issue 10: each person reads Kring in their own language, in the same session, without choosing;
 * a switch changes the page at once and keeps the session; no English is left on a Dutch or French
 * page; an export comes in the reader's language. The expected words come from the catalogues
 * (apps/web/messages), looked up by their English, so this spec holds no translations of its own.
 */

async function joinIn(page: Page, locale: Locale, link: string, name: string, title: string) {
  await page.goto(link);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await page.getByLabel(t(locale, 'Your display name')).fill(name);
  await page.getByRole('button', { name: t(locale, 'Join session') }).click();
  await expect(page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function expectConnected(page: Page, locale: Locale) {
  await expect(page.getByTestId('connection-status')).toHaveText(t(locale, 'Connected'));
}

const expectAxeClean = (page: Page) =>
  expectAccessible(page, page.url(), { tags: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] });

test.describe('Kring speaks Dutch and French (issue 10)', () => {
  test('a facilitator in English, a participant on nl-BE and one on fr-BE each read their own language; a switch keeps the session', async ({
    person,
  }) => {
    const title = 'Drie talen, één kring';
    const host = await person('Hanna');
    const wim = await person('Wim', { locale: 'nl-BE' });
    const amelie = await person('Amélie', { locale: 'fr-BE' });
    const { code, link } = await createSession(host, title);
    await expect(host.page.locator('html')).toHaveAttribute('lang', 'en');

    await joinIn(wim.page, 'nl', link, 'Wim', title);
    await joinIn(amelie.page, 'fr', link, 'Amélie', title);
    await expectConnected(wim.page, 'nl');
    await expectConnected(amelie.page, 'fr');

    // Nothing left in English on their pages, apart from people's own words (and what the
    // English-speaking host's session holds: its board "Board", the host named "Facilitator").
    const own = [title, code, 'Wim', 'Amélie', 'Board', 'Facilitator'];
    expect(await untranslated(wim.page, 'nl', own)).toEqual([]);
    expect(await untranslated(amelie.page, 'fr', own)).toEqual([]);
    await expectAxeClean(wim.page);
    await expectAxeClean(amelie.page);

    // An export in the reader's language: Wim downloads the session in Dutch.
    await wim.page.getByText(t('nl', 'Export and print')).click();
    const [file] = await Promise.all([
      wim.page.waitForEvent('download'),
      wim.page
        .getByRole('group', { name: t('nl', 'Export the whole session') })
        .getByRole('button', { name: 'Markdown' })
        .click(),
    ]);
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain(`# ${title}`);
    expect(text).toContain('## Beantwoorde vragen');
    expect(text).not.toContain('Answered questions');

    // Wim raises his hand in Dutch, then switches to French: the words change in place, the page
    // is not reloaded (a marker set on the window survives) and his hand stays up.
    const hand = (locale: Locale, raised = true) =>
      wim.page
        .getByTestId('floor')
        .getByRole('button', { name: t(locale, raised ? 'Lower hand' : 'Raise hand') });
    await hand('nl', false).click();
    await expect(hand('nl')).toHaveAttribute('aria-pressed', 'true');
    await wim.page.evaluate(() => ((window as unknown as { kringMarker: number }).kringMarker = 42));
    await wim.page
      .getByRole('combobox', { name: t('nl', 'Language') })
      .first()
      .selectOption('fr');
    await expect(wim.page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(hand('fr')).toHaveAttribute('aria-pressed', 'true');
    await expectConnected(wim.page, 'fr');
    expect(await wim.page.evaluate(() => (window as unknown as { kringMarker?: number }).kringMarker)).toBe(
      42,
    );
    expect(await untranslated(wim.page, 'fr', own)).toEqual([]);
    // The facilitator, in English, sees the same hand in the queue.
    await openTab(host.page, 'floor');
    await expect(host.page.getByTestId('floor').getByText('Wim').first()).toBeVisible();

    // The choice is remembered on this device: a reload stays French.
    await wim.page.reload();
    await expect(wim.page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectConnected(wim.page, 'fr');
  });

  test('a facilitator runs the console in Dutch: the home page, a session from the IPS template, the console and the projector', async ({
    person,
  }) => {
    const hanna = await person('Hanna', { locale: 'nl-BE' });
    const { page } = hanna;
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    expect(await untranslated(page, 'nl', [])).toEqual([]);
    // The check sees words of another language: this Dutch page is full of them for French.
    expect((await untranslated(page, 'fr', [])).length).toBeGreaterThan(5);
    await page.getByLabel(t('nl', 'Session title')).fill('Intervisie Gent');
    await page.getByRole('radio', { name: /IPS/ }).first().check();
    await page.getByRole('button', { name: t('nl', 'Create session') }).click();
    await expect(page).toHaveURL(/\/s\/[A-Z2-9]{6}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Intervisie Gent' })).toBeVisible();
    await expectConnected(page, 'nl');
    const code = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The template's agenda and boards were created in Dutch (core S4).
    await expect(page.getByText('De vier IPS-taken').first()).toBeVisible();
    expect(await untranslated(page, 'nl', ['Intervisie Gent', code, 'Hanna'])).toEqual([]);
    await expectAxeClean(page);
    // Every folded part of the console opened: the agenda, timers, boards, breakouts, people, exports.
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
    });
    expect(await untranslated(page, 'nl', ['Intervisie Gent', code, 'Hanna'])).toEqual([]);
    // …and every tab of the cockpit.
    for (const tab of ['floor', 'boards', 'rooms', 'questions', 'people'] as const) {
      await openTab(page, tab);
      await page.evaluate(() => {
        for (const d of Array.from(document.querySelectorAll('details'))) d.open = true;
      });
      expect(await untranslated(page, 'nl', ['Intervisie Gent', code, 'Hanna']), `the ${tab} tab`).toEqual(
        [],
      );
    }

    // The join-with-a-code page, and the page that does not exist, in Dutch too.
    await page.goto('/j');
    await expect(page.getByLabel(t('nl', 'Join code'))).toBeVisible();
    expect(await untranslated(page, 'nl', [])).toEqual([]);
    await page.goto('/nergens-te-vinden');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    expect(await untranslated(page, 'nl', [])).toEqual([]);

    await page.goto(`/s/${code}/projector`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Intervisie Gent' })).toBeVisible();
    expect(await untranslated(page, 'nl', ['Intervisie Gent', code, 'Hanna'])).toEqual([]);
  });

  test('a Flemish and a francophone participant go through the run-of-show in their own language: a round, the board, a breakout room, Q&A', async ({
    person,
    baseURL,
  }) => {
    const title = 'IPS-overzicht / aperçu IPS';
    const session = await createSessionViaApi(baseURL!, title);
    const api = new FacilitatorApi(baseURL!, session.facilitatorToken);
    try {
      // Wim on a phone, as most people join.
      const wim = await person('Wim', { locale: 'nl-BE', mobile: true });
      const amelie = await person('Amélie', { locale: 'fr-BE' });
      await joinIn(wim.page, 'nl', session.participantUrl, 'Wim', title);
      await joinIn(amelie.page, 'fr', session.participantUrl, 'Amélie', title);
      const people = [
        { p: wim, locale: 'nl' as const },
        { p: amelie, locale: 'fr' as const },
      ];
      const own = [title, session.code, 'Wim', 'Amélie', 'Board', 'Facilitator', 'Room 1'];
      const allTheirs = async (step: string) => {
        for (const { p, locale } of people) {
          expect(await untranslated(p.page, locale, own), `${step}: ${p.name} (${locale})`).toEqual([]);
        }
      };

      // A check-in round: each sees the round, whose turn it is and what comes next, in words of their own.
      await api.send({ type: 'floor.start', setup: { mode: 'round', orderBy: 'join' } });
      for (const { p, locale } of people) {
        await expect(p.page.getByTestId('floor').getByTestId('floor-mode')).toHaveText(t(locale, 'Round'));
      }
      await allTheirs('round');

      // The board: Wim writes a note with the Dutch form; Amélie reads it on a French page.
      await wim.page
        .getByRole('textbox', { name: t('nl', 'Your note') })
        .fill('Verbinding begint bij luisteren');
      await wim.page.getByRole('button', { name: t('nl', 'Add note'), exact: true }).click();
      await expect(amelie.page.getByText('Verbinding begint bij luisteren').first()).toBeVisible();
      own.push('Verbinding begint bij luisteren');
      await allTheirs('board');

      // A breakout room: both are dealt into it; the room view, its countdown and its floor.
      await api.send({ type: 'breakout.create', rooms: { by: 'count', count: 1 } });
      await api.send({ type: 'breakout.assign', assign: { mode: 'random', groups: [] } }); // the server deals
      await api.send({ type: 'breakout.open', durationMs: 10 * 60_000 });
      for (const { p } of people) await expect(p.page.getByTestId('room-view')).toBeVisible();
      await allTheirs('breakout room');
      await expectAxeClean(amelie.page);
      await api.send({ type: 'breakout.close' });
      for (const { p } of people) await expect(p.page.getByTestId('room-view')).toHaveCount(0);

      // Q&A: Amélie asks in French; Wim sees the question on his Dutch page.
      const question = 'Comment rester dans la mutualité ?';
      await amelie.page.getByRole('textbox', { name: t('fr', 'Your question') }).fill(question);
      await amelie.page.getByRole('button', { name: t('fr', 'Ask question') }).click();
      await expect(wim.page.getByText(question)).toBeVisible();
      own.push(question);
      await allTheirs('questions');
    } finally {
      api.close();
    }
  });
});
