import { expect, test } from './fixtures';
import {
  announced,
  expectAccessibleFloor,
  expectAllPresent,
  expectNoSidewaysScroll,
  expectQueue,
  expectRoundStatuses,
  expectSpeaker,
  floorPanel,
  yourPlace,
} from './floor-helpers';
import { createSession, join, openTab } from './helpers';

test.describe('the floor: turn-taking that makes room for every voice', () => {
  test('a round set by hand, with a pass: every screen agrees at each step', async ({ person }) => {
    const title = 'Check-in round';
    const host = await person('Facilitator');
    const ana = await person('Ana');
    const bo = await person('Bo');
    const cas = await person('Cas', { mobile: true });
    const people = [host, ana, bo, cas];

    const { link } = await createSession(host, title);

    await openTab(host.page, 'floor');
    for (const person of [ana, bo, cas]) await join(person, link, title);
    await expectAllPresent(host, people);

    // The facilitator sets the order by hand: Cas first, then Ana and Bo; they do not take part.
    const page = host.page;
    await floorPanel(page).getByText('Start a new mode', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Start a new mode' });
    await form.getByRole('radio', { name: 'Round', exact: true }).check();
    await form.getByRole('radio', { name: 'Set by hand' }).check();
    const entries = form.getByTestId('order-entry');
    await expect(entries).toHaveText([/Facilitator/, /Ana/, /Bo/, /Cas/]);
    await form.getByRole('button', { name: 'Move Cas up' }).click();
    // Focus stays on the moved person's button, so the keyboard carries on from there.
    await expect(form.getByRole('button', { name: 'Move Cas up' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(entries).toHaveText([/Facilitator/, /Cas/, /Ana/, /Bo/]);
    await form.getByRole('checkbox', { name: 'Facilitator (you)' }).uncheck();
    await expectAccessibleFloor(page, 'the start form with a hand-made order');
    await form.getByRole('button', { name: 'Start: Round' }).click();

    // Everyone sees the round, whose turn it is and who is next.
    const everyone = people;
    for (const viewer of everyone) {
      await expect(floorPanel(viewer.page).getByTestId('floor-mode')).toHaveText('Round');
    }
    await expectSpeaker(everyone, 'Cas', 'Ana');
    await expectRoundStatuses(everyone, ['speaking', 'next', 'waiting']);
    await expect(yourPlace(cas.page)).toContainText('It is your turn');
    await expect(yourPlace(ana.page)).toContainText('You are next');
    await expect(yourPlace(bo.page)).toContainText('Cas is speaking');
    await expect(announced(ana.page, 'You are next')).toHaveCount(1);
    // Only the speaker has "I'm done"; the facilitator, not in the round, has no "Pass".
    await expect(floorPanel(bo.page).getByRole('button', { name: "I'm done" })).toHaveCount(0);
    await expect(floorPanel(host.page).getByRole('button', { name: /^Pass/ })).toHaveCount(0);
    await expectNoSidewaysScroll(cas.page);
    await expectAccessibleFloor(cas.page, 'the speaker in a round (360px)');

    // Cas is done; Ana speaks, Bo is next. The button goes; focus lands on where Cas stands now.
    await floorPanel(cas.page).getByRole('button', { name: "I'm done" }).click();
    await expect(yourPlace(cas.page)).toBeFocused();
    await expectSpeaker(everyone, 'Ana', 'Bo');
    await expectRoundStatuses(everyone, ['spoke', 'speaking', 'next']);
    await expect(yourPlace(ana.page)).toContainText('It is your turn');
    await expect(announced(ana.page, 'It is your turn')).toHaveCount(1);

    // Ana passes: fine, and recorded neutrally.
    await floorPanel(ana.page).getByRole('button', { name: 'Pass', exact: true }).click();
    await expectSpeaker(everyone, 'Bo', 'Nobody: this is the last turn');
    await expectRoundStatuses(everyone, ['spoke', 'passed', 'speaking']);
    await expect(floorPanel(host.page).getByTestId('round-entry').nth(1)).toContainText('passed');

    // Bo, the last, is done; the round is complete and everyone may speak again.
    await floorPanel(bo.page).getByRole('button', { name: "I'm done" }).click();
    await expectSpeaker(everyone, 'The round is complete', null);
    await expectRoundStatuses(everyone, ['spoke', 'passed', 'spoke']);
    for (const viewer of everyone) {
      await expect(floorPanel(viewer.page).getByTestId('round-progress')).toContainText(
        'The round is complete.',
      );
      await expect(yourPlace(viewer.page)).toHaveText('The round is complete: anyone may speak.');
      await expect(floorPanel(viewer.page).getByRole('button', { name: /^(I'm done|Pass)/ })).toHaveCount(0);
    }
  });

  test('a hand-raise queue handed out by the facilitator', async ({ person }) => {
    const title = 'Harvest, open floor';
    const host = await person('Facilitator');
    const ana = await person('Ana');
    const bo = await person('Bo', { mobile: true });
    const people = [host, ana, bo];

    const { link } = await createSession(host, title);

    await openTab(host.page, 'floor');
    await join(ana, link, title);
    await join(bo, link, title);
    await expectAllPresent(host, people);
    for (const viewer of people) {
      await expect(floorPanel(viewer.page).getByTestId('floor-mode')).toHaveText('Open floor');
    }

    // Two hands go up; every screen shows the one queue, in the same order.
    // The one hand button: "Raise hand", then "Lower hand" while it is up (aria-pressed says so too).
    const anaHand = floorPanel(ana.page).getByRole('button', { name: /^(Raise|Lower) hand$/ });
    await expect(anaHand).toHaveAttribute('aria-pressed', 'false');
    await anaHand.click();
    await expect(anaHand).toHaveAttribute('aria-pressed', 'true');
    await expectQueue(people, ['Ana']);
    await floorPanel(bo.page).getByRole('button', { name: 'Raise hand' }).click();
    await expectQueue(people, ['Ana', 'Bo']);
    await expect(floorPanel(bo.page).getByText('you are 2nd in the queue')).toBeVisible();
    await expectSpeaker(people, 'Nobody has been given the floor', 'Ana');

    // The facilitator gives the floor to the next: Ana hears and sees it is her turn.
    await floorPanel(host.page).getByRole('button', { name: 'Give the floor to the next' }).click();
    await expectSpeaker(people, 'Ana', 'Bo');
    await expect(yourPlace(ana.page)).toContainText('It is your turn');
    await expect(announced(ana.page, 'It is your turn')).toHaveCount(1);
    await expect(anaHand).toHaveAttribute('aria-pressed', 'false');
    await expectQueue(people, ['Bo']);
    await expect(yourPlace(bo.page)).toContainText('You are next');

    // Ana ends her turn; the facilitator gives the floor to the next, Bo.
    await floorPanel(ana.page).getByRole('button', { name: 'End my turn' }).click();
    await expectSpeaker(people, 'Nobody has been given the floor', 'Bo');
    await floorPanel(host.page).getByRole('button', { name: 'Give the floor to the next' }).click();
    await expectSpeaker(people, 'Bo', 'Nobody is waiting');
    await expect(yourPlace(bo.page)).toContainText('It is your turn');
    await expect(announced(bo.page, 'It is your turn')).toHaveCount(1);
    await expectQueue(people, []);

    // The speaking balance, for the facilitator only.
    const balance = floorPanel(host.page).getByRole('table', { name: 'Speaking balance' });
    await expect(balance.getByRole('row', { name: /Ana/ })).toContainText('1');
    await expect(floorPanel(ana.page).getByRole('table', { name: 'Speaking balance' })).toHaveCount(0);
    await expectNoSidewaysScroll(bo.page);
  });

  test('a full fishbowl refuses clearly; private signals reach only the facilitators', async ({ person }) => {
    const title = 'Fishbowl';
    const host = await person('Facilitator');
    const ana = await person('Ana');
    const bo = await person('Bo');
    const people = [host, ana, bo];

    const { link } = await createSession(host, title);

    await openTab(host.page, 'floor');
    await join(ana, link, title);
    await join(bo, link, title);
    await expectAllPresent(host, people);

    await floorPanel(host.page).getByText('Start a new mode', { exact: true }).click();
    const form = host.page.getByRole('form', { name: 'Start a new mode' });
    await form.getByRole('radio', { name: 'Fishbowl' }).check();
    await form.getByLabel('Number of inner seats').fill('1');
    await form.getByRole('button', { name: 'Start: Fishbowl' }).click();

    await floorPanel(ana.page).getByRole('button', { name: 'Step in' }).click();
    for (const viewer of people) {
      await expect(floorPanel(viewer.page).getByTestId('fishbowl-seats')).toHaveText(
        '1 of 1 seats taken, 0 seats free.',
      );
    }
    await expect(yourPlace(ana.page)).toContainText('You are in the inner circle');
    await floorPanel(bo.page).getByRole('button', { name: 'Step in' }).click();
    await expect(floorPanel(bo.page).getByRole('alert')).toContainText(
      'Could not step in: the inner circle is full',
    );
    await expect(yourPlace(bo.page)).toContainText('outer circle');
    await expectAccessibleFloor(host.page, 'the facilitator in a fishbowl');
    await expectAccessibleFloor(bo.page, 'a refused step into a full fishbowl');

    // Bo asks for a pause: the facilitator sees it, Ana does not.
    const pause = floorPanel(bo.page).getByRole('button', { name: 'I need a pause' });
    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    await expect(floorPanel(host.page).getByTestId('signal-entry')).toContainText('Bo needs a pause');
    await expect(floorPanel(ana.page).getByTestId('signal-entry')).toHaveCount(0);
    await pause.click();
    await expect(floorPanel(host.page).getByTestId('signal-entry')).toHaveCount(0);
  });
});
