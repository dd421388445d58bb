import { expect, test } from './fixtures';
import { ask, openQuestions, readTimers, startTimer } from './clock-qa-helpers';
import { expectQueue, expectSpeaker, floorPanel } from './floor-helpers';
import { createSession, join, openTab, participantRow } from './helpers';

/**
 * The "done when": the plenary parts of the IPS overview run from the console with 30
 * people in the browser (30 contexts, one per person). Slow by nature: one test, generous timeout.
 */
test.describe('a plenary with thirty people', () => {
  test.describe.configure({ mode: 'serial' });

  test('timer, a random check-in round, an open floor, a reflecting team and Q&A agree on every screen', async ({
    person,
  }) => {
    test.setTimeout(600_000);
    const title = 'IPS overview, plenary';
    const host = await person('Facilitator');
    const others = await Promise.all(
      Array.from({ length: 29 }, (_, i) =>
        person(`Person ${String(i + 1).padStart(2, '0')}`, { mobile: i % 3 === 0 }),
      ),
    );
    const people = [host, ...others];
    const byName = new Map(people.map((p) => [p.name, p]));

    const { link } = await createSession(host, title);
    // People arrive a few at a time, as they do when a link is shared in a call.
    for (let i = 0; i < others.length; i += 6) {
      await Promise.all(others.slice(i, i + 6).map((p) => join(p, link, title)));
    }
    for (const p of others) {
      await expect(participantRow(host.page, p.name)).toHaveAttribute('data-present', 'true');
    }

    // A shared timer: every screen shows the same remaining time (mm:ss, read at nearly one moment).
    await startTimer(host.page, 5, 'Welcome');
    await expect
      .poll(async () => {
        const seconds = await readTimers(...people.map((p) => p.page));
        return Math.max(...seconds) - Math.min(...seconds);
      })
      .toBeLessThanOrEqual(1);

    // A check-in round in random order among everyone here: each speaks or passes in turn.
    await openTab(host.page, 'floor');
    await floorPanel(host.page).getByText('Start a new mode', { exact: true }).click();
    const form = host.page.getByRole('form', { name: 'Start a new mode' });
    await form.getByRole('radio', { name: 'Round', exact: true }).check();
    await form.getByRole('radio', { name: 'Random, among the people here now' }).check();
    await form.getByRole('button', { name: 'Start: Round' }).click();
    const entries = floorPanel(host.page).getByTestId('round-entry');
    await expect(entries).toHaveCount(30);
    for (let turn = 0; turn < 30; turn++) {
      const shown = (await floorPanel(host.page).getByTestId('floor-speaker').textContent())?.trim() ?? '';
      const speaker = shown === 'You' ? host : byName.get(shown);
      expect(speaker, `turn ${turn + 1}: "${shown}" is someone here`).toBeDefined();
      const button = turn % 4 === 3 ? 'Pass' : "I'm done";
      await floorPanel(speaker!.page).getByRole('button', { name: button, exact: true }).click();
      if (turn < 29) await expect(floorPanel(host.page).getByTestId('floor-speaker')).not.toHaveText(shown);
    }
    await expectSpeaker(people, 'The round is complete', null);

    // An open floor: ten hands go up at once; all thirty screens show one queue in one order.
    await floorPanel(host.page).getByText('Start a new mode', { exact: true }).click();
    await form.getByRole('radio', { name: 'Open floor', exact: true }).check();
    await form.getByRole('button', { name: 'Start: Open floor' }).click();
    const raisers = others.slice(0, 10);
    await Promise.all(
      raisers.map(async (p) => {
        const hand = floorPanel(p.page).getByRole('button', { name: /^(Raise|Lower) hand$/ });
        // The open floor's own button, hand down, before the click; then this person sees it up.
        await expect(hand).toHaveAttribute('aria-pressed', 'false');
        await hand.click();
        await expect(hand, `${p.name} sees their own hand up`).toHaveAttribute('aria-pressed', 'true');
      }),
    );
    const queue = floorPanel(host.page).getByTestId('queue-entry');
    await expect(queue).toHaveCount(10);
    const order = (await queue.allTextContents()).map(
      (t) => t.replace(/^\s*\d+\.\s*/, '').match(/Person \d\d/)![0],
    );
    expect(new Set(order)).toEqual(new Set(raisers.map((p) => p.name)));
    await expectQueue(
      people.filter((p) => !raisers.includes(p)),
      order,
    );
    await floorPanel(host.page).getByRole('button', { name: 'Give the floor to the next' }).click();
    await expectSpeaker(
      people.filter((p) => p.name !== order[0]),
      order[0]!,
      order[1]!,
    );

    // A reflecting-team segment: three on the team; every screen shows the phase and the team.
    await floorPanel(host.page).getByText('Start a new mode', { exact: true }).click();
    await form.getByRole('radio', { name: 'Reflecting team', exact: true }).check();
    const team = others.slice(10, 13);
    for (const member of team) await form.getByRole('checkbox', { name: member.name, exact: true }).check();
    await form.getByRole('button', { name: 'Start: Reflecting team' }).click();
    for (const viewer of people) {
      const floor = floorPanel(viewer.page);
      await expect(floor.getByText('The team reflects aloud; everyone else listens.')).toBeVisible();
      await expect(floor.getByTestId('team-member')).toHaveCount(3);
    }
    await floorPanel(host.page)
      .getByRole('button', { name: /^Switch to:/ })
      .click();
    for (const viewer of people) {
      await expect(
        floorPanel(viewer.page).getByText('Everyone who is not on the team may respond; the team listens.'),
      ).toBeVisible();
    }

    // Q&A: two questions, one anonymous; eight upvotes; everyone sees the same top question.
    await ask(others[20]!.page, 'How do we hold mutuality with a big group?', { anonymous: true });
    await ask(others[21]!.page, 'Where can I read more?');
    for (const voter of others.slice(0, 8)) {
      const item = openQuestions(voter.page).filter({ hasText: 'mutuality' });
      await item.getByRole('button', { name: /upvote/i }).click();
    }
    for (const viewer of people) {
      const first = openQuestions(viewer.page).first();
      await expect(first).toContainText('How do we hold mutuality with a big group?');
      await expect(first.getByTestId('vote-count')).toHaveText('8');
      await expect(first).not.toContainText(others[20]!.name);
    }
  });
});
