import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createFromTemplate } from './board-admin-helpers';
import { boardNote, draftsArea, expectNoAxeViolations, writeDraft } from './boards-helpers';
import { roomView } from './breakouts-helpers';
import { ask, timerValue } from './clock-qa-helpers';
import { floorPanel } from './floor-helpers';
import { type Person, addNote, expectConnected, join } from './helpers';

/**
 * Issue 11, "the IPS overview by Start next alone": a facilitator runs the whole three-hour
 * template with six participants (two on phones) using nothing but "Start next" in the top bar and
 * the segment setups the template carries (core A8/A9); the participants do their own part
 * (write, choose a room, raise a hand, speak in the round). Each segment's effect is asserted on
 * every participant's screen.
 */
const TITLE = 'IPS overview, November';

const stage = (page: Page): Locator => page.getByTestId('stage');
const segmentNow = (page: Page): Locator => page.getByTestId('current-segment');

async function startNext(host: Person, title: string): Promise<void> {
  const bar = host.page.getByTestId('cockpit-top-bar');
  await expect(bar.getByText(`Next: ${title}`)).toBeVisible();
  await bar.getByTestId('start-next').click();
  await expect(bar.getByTestId('cockpit-segment')).toHaveText(title);
}

async function everyone(people: readonly Person[], check: (page: Page) => Promise<void>): Promise<void> {
  await Promise.all(people.map((p) => check(p.page)));
}

test('the IPS overview by Start next alone: every segment’s setup reaches every screen', async ({
  person,
}) => {
  test.setTimeout(240_000);
  const host = await person('Hanna');
  await host.page.setViewportSize({ width: 1366, height: 768 });
  const { link } = await createFromTemplate(host, TITLE, /IPS overview/);
  const names = ['Ana', 'Bo', 'Cas', 'Dee', 'Eli', 'Fay'];
  const people: Person[] = [];
  for (const [i, name] of names.entries()) {
    const p = await person(name, i >= 4 ? { mobile: true } : {});
    await join(p, link, TITLE);
    people.push(p);
  }
  await everyone(people, (page) => expectConnected(page));
  const [ana, bo, cas, dee, eli, fay] = people as [Person, Person, Person, Person, Person, Person];
  // The later boards stay closed until their segment (S2): nobody writes on them yet.
  await expect(host.page.getByTestId('cockpit-segment')).toHaveText('No segment running');

  // 1. Doors open: everyone is brought to the check-in board and writes a word on it.
  await startNext(host, 'Doors open');
  await everyone(people, async (page) => {
    await expect(segmentNow(page)).toContainText('Doors open');
    await expect(stage(page).getByTestId('stage-board')).toContainText('Check-in');
  });
  await addNote(ana.page, 'Curious');
  await expect(boardNote(fay.page, 'Curious')).toBeVisible();

  // 2. Welcome: the focus is released (A9); nothing else changes.
  await startNext(host, 'Welcome and agreements');
  await everyone(people, async (page) => {
    await expect(segmentNow(page)).toContainText('Welcome and agreements');
    await expect(stage(page).getByTestId('stage-board')).toHaveCount(0);
  });

  // 3. Check-in in small rooms: random rooms of five, dealt and opened in the same step.
  await startNext(host, 'Check-in round in small rooms');
  await everyone(people, async (page) => {
    await expect(roomView(page)).toBeVisible();
    const room = stage(page).getByTestId('stage-room');
    await expect(room).toContainText(/You are in Room \d/);
    await expect(room).toBeInViewport();
  });
  await expectNoAxeViolations(eli.page, 'a phone in a check-in room');

  // 4. History of IPS: the rooms close as the segment is left (A9); an open floor; a question.
  await startNext(host, 'History of IPS');
  await everyone(people, async (page) => {
    await expect(roomView(page)).toHaveCount(0);
    await expect(stage(page).getByTestId('stage-room')).toHaveCount(0);
    await expect(floorPanel(page).getByRole('button', { name: 'Raise hand' })).toBeVisible();
  });
  await ask(bo.page, 'Where did IPS start?');

  // 5. The four tasks: the board opens for private writing with an 8-minute timer.
  await startNext(host, 'The four IPS tasks');
  await everyone(people, async (page) => {
    await expect(stage(page).getByTestId('stage-board')).toContainText('The four IPS tasks');
    await expect(draftsArea(page)).toBeVisible();
    await expect(timerValue(page)).toHaveText(/^0?[78]:\d\d$/);
  });
  await writeDraft(cas.page, 'Being heard without fixing');
  await writeDraft(eli.page, 'Curiosity over assumptions');
  // Drafts are private: nobody else sees them yet.
  await expect(boardNote(ana.page, 'Being heard without fixing')).toHaveCount(0);
  await expectNoAxeViolations(host.page, 'the cockpit during private writing');

  // 6. Break: leaving the writing reveals every draft (A9, BD8); a 10-minute break timer.
  await startNext(host, 'Break');
  await everyone(people, async (page) => {
    await expect(boardNote(page, 'Being heard without fixing')).toBeVisible();
    await expect(boardNote(page, 'Curiosity over assumptions')).toBeVisible();
    await expect(draftsArea(page)).toHaveCount(0);
    await expect(timerValue(page)).toHaveText(/^(10:00|0?9:\d\d)$/);
  });

  // 7. One room per task: people choose their room themselves.
  await startNext(host, 'Breakouts: one room per task');
  const choose = async (p: Person, room: string) => {
    const choice = p.page.getByTestId('room-chooser').getByTestId('room-choice').filter({ hasText: room });
    await choice.getByRole('button', { name: `Choose ${room}` }).click();
    await expect(stage(p.page).getByTestId('stage-room')).toContainText(`You are in ${room}`);
  };
  await choose(ana, 'Connection');
  await choose(bo, 'Connection');
  await choose(cas, 'Worldview');
  await choose(dee, 'Mutuality');
  await choose(eli, 'Moving towards');
  await choose(fay, 'Mutuality');
  await expect(stage(fay.page).getByTestId('stage-room')).toBeInViewport();

  // 8. Harvest: rooms close, the harvest board is open to write, the floor open to hands.
  await startNext(host, 'Harvest');
  await everyone(people, async (page) => {
    await expect(roomView(page)).toHaveCount(0);
    await expect(stage(page).getByTestId('stage-board')).toContainText('Harvest');
  });
  await floorPanel(dee.page).getByRole('button', { name: 'Raise hand' }).click();
  await expect(host.page.getByTestId('counter-hands')).toContainText('1');
  await addNote(dee.page, 'Mutuality is practice');
  await expect(boardNote(ana.page, 'Mutuality is practice')).toBeVisible();

  // 9. Questions: the focus is released; the question asked earlier is still there.
  await startNext(host, 'Questions and answers');
  await everyone(people, async (page) => {
    await expect(stage(page).getByTestId('stage-board')).toHaveCount(0);
    await expect(page.getByText('Where did IPS start?')).toBeVisible();
  });

  // 10. Closing round, in joining order, with a 10-minute timer: each person's turn comes to them.
  await startNext(host, 'Closing round');
  await everyone(people, async (page) => {
    await expect(timerValue(page)).toHaveText(/^(10:00|0?9:\d\d)$/);
  });
  // The host joined first, so speaks first; Ana is next.
  await expect(stage(ana.page).getByTestId('stage-next')).toContainText('You are next');
  await host.page.getByRole('tab', { name: 'Floor' }).click();
  await floorPanel(host.page).getByRole('button', { name: "I'm done" }).click();
  for (const [i, p] of people.entries()) {
    const turn = stage(p.page).getByTestId('stage-turn');
    await expect(turn).toContainText('It is your turn');
    await expect(turn).toBeInViewport();
    const after = people[i + 1];
    if (after) await expect(stage(after.page).getByTestId('stage-next')).toContainText('You are next');
    if (i === 0) await expectNoAxeViolations(p.page, 'a participant whose turn it is');
    await floorPanel(p.page).getByRole('button', { name: "I'm done" }).click();
    await expect(turn).toHaveCount(0);
  }
  // The agenda is done: nothing is left to start.
  await expect(host.page.getByTestId('cockpit-top-bar')).toContainText('Nothing left on the agenda');
});
