import { expect, test } from './fixtures';
import {
  answeredQuestions,
  ask,
  clockSeconds,
  expectAccessible,
  expectNoSidewaysScroll,
  facilitatorControls,
  liveRegion,
  openQuestions,
  questionsRegion,
  readTimers,
  startTimer,
  timerButton,
  timerState,
  timerValue,
} from './clock-qa-helpers';
import { createSession, expectConnected, join, openTab, participantRow } from './helpers';

test.describe('the clock, Q&A, announcements and the projector', () => {
  test('a shared timer shows the same time on every screen, paused and resumed', async ({ person }) => {
    const title = 'Timer check';
    const host = await person('Facilitator');
    const ana = await person('Ana', { mobile: true });
    const people = [host, ana];
    const { link } = await createSession(host, title);
    await join(ana, link, title);
    await expectConnected(ana.page);

    await startTimer(host.page, 5, 'Writing');
    for (const { page } of people) {
      await expect(timerValue(page)).toHaveText(/^0[45]:\d\d$/);
      await expect(page.getByText('Writing', { exact: true })).toBeVisible();
    }

    // Read both screens at (nearly) the same moment, a few times: they agree within a second.
    for (let i = 0; i < 3; i++) {
      const [a, b] = await readTimers(host.page, ana.page);
      expect(Math.abs(a! - b!), `facilitator ${a}s, participant ${b}s`).toBeLessThanOrEqual(1);
      expect(a).toBeGreaterThan(240);
      expect(a).toBeLessThanOrEqual(300);
    }

    // Paused: both show "paused" and exactly the same value, which no longer moves.
    await (await timerButton(host.page, 'Pause')).click();
    for (const { page } of people) await expect(timerState(page)).toHaveText('paused');
    const [pausedHost, pausedAna] = await readTimers(host.page, ana.page);
    expect(pausedAna).toBe(pausedHost);
    const paused = pausedHost!;

    // Resumed: it counts down again from there, on both screens.
    await (await timerButton(host.page, 'Resume')).click();
    for (const { page } of people) {
      await expect(timerState(page)).not.toHaveText('paused');
      await expect.poll(async () => clockSeconds(await timerValue(page).textContent())).toBeLessThan(paused);
    }
    const [a, b] = await readTimers(host.page, ana.page);
    expect(Math.abs(a! - b!)).toBeLessThanOrEqual(1);
    await expect(liveRegion(ana.page, 'Timer “Writing” running again.')).toHaveCount(1);

    // A short custom timer runs out: a calm end signal on every screen, said once to screen readers.
    const controls = await facilitatorControls(host.page);
    await controls.getByRole('textbox', { name: /^Label/ }).fill('Short');
    await controls.getByRole('textbox', { name: 'Custom minutes' }).fill('0.05');
    await controls.getByRole('button', { name: 'Start custom timer' }).click();
    for (const { page } of people) {
      await expect(timerState(page)).toHaveText('Time is up');
      await expect(timerValue(page)).toHaveText('00:00');
      await expect(liveRegion(page, 'Time is up for “Short”.')).toHaveCount(1);
    }
  });

  test('anonymous questions with upvotes, answered for everyone', async ({ person }) => {
    const title = 'Q&A check';
    const host = await person('Facilitator');
    const ana = await person('Ana');
    const bo = await person('Bo', { mobile: true });
    const people = [host, ana, bo];
    const { link } = await createSession(host, title);
    await openTab(host.page, 'questions');
    await join(ana, link, title);
    await join(bo, link, title);

    const anaQuestion = 'What does mutuality look like in an online meeting?';
    const boQuestion = 'How long is the break?';
    await ask(ana.page, anaQuestion, { anonymous: true });
    await ask(bo.page, boQuestion);
    await expect(openQuestions(bo.page)).toHaveCount(2);

    // Bo votes for Ana's question (one vote each, a toggle).
    const vote = openQuestions(bo.page)
      .filter({ hasText: anaQuestion })
      .getByRole('button', { name: /Upvote/ });
    await expect(vote).toHaveAttribute('aria-pressed', 'false');
    await vote.click();
    await expect(vote).toHaveAttribute('aria-pressed', 'true');

    for (const viewer of people) {
      const first = openQuestions(viewer.page).first();
      await expect(first).toContainText(anaQuestion);
      await expect(first.getByTestId('vote-count')).toHaveText('1');
      await expect(first.getByTestId('asker')).toHaveText(viewer === ana ? 'You, anonymously' : 'Anonymous');
      await expect(first).not.toContainText('Ana');
      await expect(openQuestions(viewer.page).nth(1)).toContainText(boQuestion);
      await expect(openQuestions(viewer.page).nth(1).getByTestId('asker')).toHaveText(
        viewer === bo ? 'You' : 'Bo',
      );
    }
    // Not even the facilitator's page names who asked it, anywhere near the question.
    await openTab(host.page, 'questions');
    const onHost = openQuestions(host.page).filter({ hasText: anaQuestion });
    expect(await onHost.textContent()).not.toContain('Ana');
    await expect(
      openQuestions(host.page).filter({ hasText: anaQuestion }).getByRole('button', { name: 'Delete' }),
    ).toHaveCount(0);
    await expect(
      openQuestions(ana.page).filter({ hasText: anaQuestion }).getByRole('button', { name: 'Delete' }),
    ).toBeVisible();

    // The facilitator marks it answered; it moves to "Answered" for everyone.
    await onHost.getByRole('button', { name: 'Mark answered' }).click();
    for (const viewer of people) {
      const { page } = viewer;
      await expect(openQuestions(page)).toHaveCount(1);
      await expect(openQuestions(page).first()).toContainText(boQuestion);
      await questionsRegion(page)
        .getByText(/^Answered/)
        .click();
      await expect(answeredQuestions(page)).toHaveCount(1);
      await expect(answeredQuestions(page).first()).toContainText(anaQuestion);
      await expect(answeredQuestions(page).first()).not.toContainText('Ana');
    }
    // Participants cannot mark questions.
    await expect(questionsRegion(bo.page).getByRole('button', { name: 'Mark answered' })).toHaveCount(0);
    await expectAccessible(host.page, 'the facilitator view with questions');
    await expectAccessible(bo.page, 'the participant view with questions (360px)');
    await expectNoSidewaysScroll(bo.page);
  });

  test('an announcement reaches a participant and is dismissed; the projector shows timer and segment', async ({
    person,
    baseURL,
  }) => {
    const title = 'Announcement check';
    const host = await person('Facilitator');
    const dana = await person('Dana', { mobile: true });
    const { code, link } = await createSession(host, title);
    await join(dana, link, title);
    await expectConnected(dana.page);

    // An announcement, read by Dana and dismissed on her device only.
    const text = 'We start again at a quarter past. Take a breath.';
    await host.page.getByText('Post an announcement').click();
    await host.page.getByRole('textbox', { name: 'Announcement' }).fill(text);
    await host.page.getByRole('button', { name: 'Post to everyone' }).click();
    const onDana = dana.page.getByTestId('announcement').filter({ hasText: text });
    await expect(onDana).toBeVisible();
    await onDana.getByRole('button', { name: /^Dismiss/ }).click();
    await expect(onDana).toHaveCount(0);
    await dana.page.reload();
    await expectConnected(dana.page);
    await expect(dana.page.getByTestId('announcement')).toHaveCount(0);
    // Still there for the facilitator, who can clear it for everyone.
    await expect(host.page.getByTestId('announcement').filter({ hasText: text })).toBeVisible();

    // A segment on the agenda, started, and a timer.
    const controls = await facilitatorControls(host.page);
    await controls.getByText('Add a segment').click();
    await controls.getByRole('textbox', { name: 'Segment title' }).fill('History of IPS');
    await controls.getByRole('combobox', { name: 'Kind' }).selectOption('talk');
    await controls.getByRole('textbox', { name: 'Planned minutes' }).fill('20');
    await controls.getByRole('textbox', { name: /^Prompt/ }).fill('Where did you first meet peer support?');
    await controls.getByRole('button', { name: 'Add segment' }).click();
    await expect(controls.getByTestId('agenda-item')).toHaveCount(1);
    await controls.getByRole('button', { name: 'Start the agenda' }).click();
    await expect(dana.page.getByTestId('current-segment')).toContainText('History of IPS');
    await expect(dana.page.getByTestId('current-segment')).toContainText(
      'Where did you first meet peer support?',
    );
    await expect(dana.page.getByTestId('current-segment')).toContainText('Times in your time zone');
    await startTimer(host.page, 2, 'Talk');
    await expect(timerValue(dana.page)).toHaveText(/^0[12]:\d\d$/);

    // The projector view: linked from the facilitator controls, read-only, timer and current segment.
    const projectorLink = controls.getByRole('link', { name: /projector view/ });
    await expect(projectorLink).toHaveAttribute('href', `/s/${code}/projector`);
    const projector = await host.context.newPage();
    const projectorOrigin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    projector.on('request', (req) => {
      const url = new URL(req.url());
      if (
        !['data:', 'blob:'].includes(url.protocol) &&
        url.origin.replace(/^ws/, 'http') !== projectorOrigin
      ) {
        foreign.push(req.url());
      }
    });
    await projector.goto(`/s/${code}/projector`);
    await expect(projector.getByTestId('projector-segment')).toContainText('History of IPS');
    await expect(timerValue(projector)).toHaveText(/^0[12]:\d\d$/);
    await expect(projector.getByTestId('projector-floor')).toContainText('Open floor');
    await expect(projector.getByText(text)).toBeVisible();
    await expect(projector.getByRole('button')).toHaveCount(0);
    const [onProjector, onDanaNow] = await readTimers(projector, dana.page);
    expect(Math.abs(onProjector! - onDanaNow!)).toBeLessThanOrEqual(1);
    await expectAccessible(projector, 'the projector view');
    expect(foreign, 'the projector made third-party requests').toEqual([]);
    await expectAccessible(host.page, 'the facilitator view with agenda, timer and announcement');
    await expectAccessible(dana.page, 'the participant view with segment and timer (360px)');
    await expectNoSidewaysScroll(dana.page);

    // Cleared for everyone: gone from the projector too.
    await host.page
      .getByTestId('announcement')
      .filter({ hasText: text })
      .getByRole('button', { name: 'Clear for everyone' })
      .click();
    await expect(projector.getByText(text)).toHaveCount(0);
    await expect(host.page.getByTestId('announcement')).toHaveCount(0);
  });

  test('people: anyone renames themselves; facilitators change roles and remove someone', async ({
    person,
  }) => {
    const title = 'People check';
    const host = await person('Facilitator');
    const ana = await person('Ana');
    const bo = await person('Bo', { mobile: true });
    const { link } = await createSession(host, title);
    await join(ana, link, title);
    await join(bo, link, title);
    await expect(participantRow(host.page, 'Bo')).toHaveAttribute('data-present', 'true');
    const ownEdit = ana.page.getByRole('button', { name: 'Edit your name' });

    // Ana renames herself and has no controls for anyone else.
    await expect(participantRow(ana.page, 'Bo').getByRole('button')).toHaveCount(0);
    await ownEdit.click();
    await ana.page.getByRole('textbox', { name: 'Your display name' }).fill('Ana B');
    await ana.page.getByRole('button', { name: 'Save name' }).click();
    await openTab(host.page, 'people');
    await expect(participantRow(host.page, 'Ana B')).toBeVisible();
    await expect(ownEdit).toBeFocused();

    // The facilitator makes Bo an observer, then removes him after confirming.
    await host.page.getByRole('button', { name: 'Edit details of Bo' }).click();
    const boRow = participantRow(host.page, 'Bo');
    await boRow.getByRole('combobox', { name: 'Role' }).selectOption('observer');
    await boRow.getByRole('button', { name: 'Change role' }).click();
    await expect(participantRow(bo.page, 'Bo')).toContainText('Observer');
    await expectAccessible(host.page, 'the people controls');
    await boRow.getByRole('button', { name: 'Remove from the session…' }).click();
    await expect(boRow.getByRole('button', { name: 'Keep' })).toBeFocused();
    await boRow.getByRole('button', { name: 'Remove Bo' }).click();
    await expect(participantRow(host.page, 'Bo')).toHaveCount(0);
    await expect(
      bo.page.getByRole('alert').filter({ hasText: 'You were removed from this session' }),
    ).toBeVisible();

    // The last host cannot step down: the refusal is shown where it was asked.
    await host.page.getByRole('button', { name: 'Edit your name and role' }).click();
    const hostRow = participantRow(host.page, 'Facilitator');
    await hostRow.getByRole('combobox', { name: 'Role' }).selectOption('participant');
    await hostRow.getByRole('button', { name: 'Change role' }).click();
    await expect(hostRow.getByRole('alert')).toContainText('the last host cannot step down');
  });
});
