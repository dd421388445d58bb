import { expect, test } from './fixtures';
import { boardTab, boardTabs } from './board-admin-helpers';
import { FacilitatorApi, createSessionViaApi, expectNoAxeViolations } from './boards-helpers';
import { ask, openQuestions } from './clock-qa-helpers';
import { addNote, expectConnected, join, noteCard, openTab } from './helpers';

// Issue 13: what a session keeps, for how long, who exports, who organises it — told before joining and
// on every screen; the host ends and deletes it at once; an anonymous question is its device's to delete.

test.describe('privacy of a session', () => {
  let api: FacilitatorApi | null = null;

  test.afterEach(() => {
    api?.close();
    api = null;
  });

  test('the intervision group keeps its words until the end of its cycle, says so before anyone joins, keeps exports, and the host deletes everything at once', async ({
    person,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const title = 'Intervision, yearly cycle';
    const session = await createSessionViaApi(baseURL!, title);

    // The host sets it in the People tab's Privacy card.
    const host = await person('Hanna');
    await host.page.goto(session.facilitatorUrl);
    await expect(host.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await openTab(host.page, 'people');
    const settings = host.page.getByTestId('privacy-settings');
    await settings.getByTestId('retention-until').check();
    const year = new Date().getFullYear() + 1;
    await settings.getByTestId('retention-date').fill(`${year}-06-30`);
    await settings.getByTestId('retention-save').click();
    await expect(settings.getByTestId('privacy-current')).toContainText(`Kept until 30 June ${year}`);
    await settings.getByTestId('exporters-facilitators').check();
    await settings.getByTestId('notice-organiser').fill('Intervisie Gent');
    await settings.getByTestId('notice-contact').fill('intervisie@example.org');
    await settings.getByTestId('notice-save').click();
    await expect(settings.getByTestId('privacy-current')).toContainText('Only the facilitators may export');
    await expectNoAxeViolations(host.page, 'the Privacy card in the People tab');

    // Ana, on her phone, reads all of it before she is asked for a name.
    const ana = await person('Ana');
    await ana.page.setViewportSize({ width: 390, height: 844 });
    await ana.page.goto(session.participantUrl);
    const notice = ana.page.getByTestId('join-privacy');
    await expect(notice).toBeVisible();
    await expect(notice.getByTestId('privacy-retention')).toContainText(`Kept until 30 June ${year}`);
    await expect(notice.getByTestId('privacy-exporters')).toContainText('Only the facilitators');
    await expect(notice.getByTestId('privacy-organiser')).toContainText('Intervisie Gent');
    await expect(notice.getByTestId('privacy-contact')).toContainText('intervisie@example.org');
    await expectNoAxeViolations(ana.page, 'the join page with its privacy notice');
    await join(ana, session.participantUrl, title);
    await expectConnected(ana.page);

    // In the session: the notice is one click away, and there are no export buttons that would fail.
    const disclosure = ana.page.getByTestId('privacy-disclosure');
    await disclosure.locator('summary').click();
    await expect(disclosure.getByTestId('privacy-retention')).toContainText(`Kept until 30 June ${year}`);
    const exportsMenu = ana.page.locator('details.exports').first();
    await exportsMenu.locator('summary').click();
    await expect(exportsMenu.getByTestId('exports-kept')).toBeVisible();
    await expect(exportsMenu.getByRole('button', { name: /Markdown|CSV|JSON/ })).toHaveCount(0);

    // Her anonymous question is hers to delete (the secret stays on her device), and nobody else's.
    await ask(ana.page, 'Is it fine to stay quiet today?', { anonymous: true });
    const mine = openQuestions(ana.page).filter({ hasText: 'Is it fine to stay quiet today?' });
    await expect(mine.getByTestId('asker')).toHaveText('You, anonymously');
    await openTab(host.page, 'questions');
    const onHost = openQuestions(host.page).filter({ hasText: 'Is it fine to stay quiet today?' });
    await expect(onHost.getByTestId('asker')).toHaveText('Anonymous');
    await expect(onHost.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await mine.getByRole('button', { name: 'Delete' }).click();
    await mine
      .getByRole('button', { name: /^Delete/ })
      .last()
      .click();
    await expect(openQuestions(host.page).filter({ hasText: 'Is it fine to stay quiet today?' })).toHaveCount(
      0,
    );

    // The host ends and deletes it now: her page and Ana's say so, calmly; the link finds nothing.
    await openTab(host.page, 'people');
    await settings.getByTestId('session-delete').click();
    await settings.getByTestId('session-delete-confirm').click();
    await expect(host.page.getByTestId('session-deleted')).toBeVisible();
    await expect(ana.page.getByTestId('refused-gone')).toBeVisible();
    await expect(ana.page.getByTestId('refused-gone')).toContainText('This session no longer exists');
    const probe = await fetch(`${baseURL}/api/sessions/${session.code}/privacy`);
    expect(probe.status).toBe(404);
  });

  test('a participant leaves with what she wrote, named and anonymous, gone from every screen; she may come back as someone new', async ({
    person,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const title = 'Drop-in space, Thursday';
    const session = await createSessionViaApi(baseURL!, title);
    api = new FacilitatorApi(baseURL!, session.facilitatorToken);
    await api.send({ type: 'board.add', title: 'Worries', templateId: 'blank', anonymous: true });
    const ben = await person('Ben');
    await join(ben, session.participantUrl, title);
    const ana = await person('Ana');
    await ana.page.setViewportSize({ width: 390, height: 844 });
    await join(ana, session.participantUrl, title);
    // The notice says, before and during, that she can take her words with her.
    await ana.page.getByTestId('privacy-disclosure').locator('summary').click();
    await expect(ana.page.getByTestId('privacy-leave-where')).toContainText('You can leave at any time');

    const words = {
      named: 'Where do we go after this?',
      anonymous: 'Is anyone else scared of a relapse?',
      note: 'Tea helps me land',
      anonymousNote: 'I fear being judged at work',
    };
    await ask(ana.page, words.named);
    await ask(ana.page, words.anonymous, { anonymous: true });
    await addNote(ana.page, words.note);
    await boardTab(ana.page, 'Worries').click();
    await addNote(ana.page, words.anonymousNote);
    // BD15: her anonymous note is hers on her device alone (a secret it keeps), nobody else's.
    await expect(noteCard(ana.page, words.anonymousNote)).toContainText('You');
    await openTab(ben.page, 'boards');
    await expect(noteCard(ben.page, words.note)).toBeVisible();
    await boardTab(ben.page, 'Worries').click();
    await expect(noteCard(ben.page, words.anonymousNote)).toBeVisible();
    await expect(noteCard(ben.page, words.anonymousNote)).not.toContainText('Ana');
    await expect(openQuestions(ben.page).filter({ hasText: words.anonymous })).toBeVisible();

    // One step, asked twice, with her choice about the anonymous words.
    const anaRow = ana.page.getByTestId('participant').filter({ hasText: 'Ana' });
    await anaRow.getByRole('button', { name: /^Edit/ }).click();
    await anaRow.getByTestId('leave-ask').click();
    const leave = anaRow.getByTestId('leave-with-words');
    await expect(leave.getByRole('radio', { name: 'Delete it too' })).toBeChecked();
    await expect(leave.getByRole('button', { name: 'Stay' })).toBeFocused();
    await expectNoAxeViolations(ana.page, 'leaving with your words, asked');
    await leave.getByTestId('leave-confirm').click();
    await expect(ana.page.getByTestId('refused-left')).toContainText('You left this session');

    // On Ben's screen: all of it gone, and her name with it.
    await expect(noteCard(ben.page, words.anonymousNote)).toHaveCount(0);
    for (const text of [words.named, words.anonymous]) {
      await expect(openQuestions(ben.page).filter({ hasText: text })).toHaveCount(0);
    }
    await boardTabs(ben.page).getByRole('button').first().click();
    await expect(ben.page.getByTestId('board')).toBeVisible();
    await expect(noteCard(ben.page, words.note)).toHaveCount(0);
    await expect(ben.page.getByTestId('participant').filter({ hasText: 'Ana' })).toHaveCount(0);

    // She may come back, as someone new.
    await ana.page.getByRole('button', { name: 'Join again as someone new' }).click();
    await expect(ana.page.getByLabel('Your display name')).toBeVisible();
  });
});
