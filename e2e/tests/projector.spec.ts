import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  FacilitatorApi,
  createSessionViaApi,
  draftsArea,
  expectNoAxeViolations,
  writeDraft,
} from './boards-helpers';
import { addNote, expectConnected, join, participantIdOf } from './helpers';

/** The page does not scroll at all: everything fits the window (a projector has nobody to scroll). */
async function expectNoPageScroll(page: Page, where: string): Promise<void> {
  const sizes = await page.evaluate(() => ({
    height: document.scrollingElement!.scrollHeight,
    width: document.scrollingElement!.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  expect(sizes.height, `the projector scrolls down (${where})`).toBeLessThanOrEqual(sizes.innerHeight + 1);
  expect(sizes.width, `the projector scrolls sideways (${where})`).toBeLessThanOrEqual(sizes.innerWidth + 1);
}

test.describe('the projector at 1920×1080', () => {
  let api: FacilitatorApi | null = null;

  test.afterEach(() => {
    api?.close();
    api = null;
  });

  test('fills the screen without scrolling: the revealed board, how to join, the timer and the floor; in rooms, no plenary floor', async ({
    person,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const title = 'Projector at the back of the room';
    const session = await createSessionViaApi(baseURL!, title);
    api = new FacilitatorApi(baseURL!, session.facilitatorToken);
    await api.send({ type: 'board.rename', boardId: session.boardId, title: 'What helps us' });
    const ana = await person('Ana');
    await join(ana, session.participantUrl, title);
    await expectConnected(ana.page);

    // Private writing: Ana is told to write privately, never that her role does not write.
    await api.send({ type: 'board.setPhase', boardId: session.boardId, phase: 'private' });
    await expect(draftsArea(ana.page)).toBeVisible();
    await expect(ana.page.getByTestId('board-readonly')).toHaveCount(0);
    await expect(ana.page.getByText('your role does not write')).toHaveCount(0);
    await writeDraft(ana.page, 'Shared meals on Fridays');

    // The reveal, and everyone is brought to the board.
    await api.send({ type: 'board.setPhase', boardId: session.boardId, phase: 'open' });
    // Many notes: more than fit at full size, so the projector has to fit them.
    const notes = Array.from(
      { length: 14 },
      (_, i) => `Note ${i + 1}: someone to call when the evening gets long and quiet`,
    );
    for (const text of notes) await addNote(ana.page, text);
    await api.send({ type: 'board.focus', boardId: session.boardId });
    await api.send({ type: 'timer.start', durationMs: 5 * 60_000, label: 'Writing' });
    const anaId = await participantIdOf(baseURL!, session.code, session.facilitatorToken, 'Ana');
    await api.send({ type: 'floor.give', participantId: anaId });

    // The projector: its own device holding the facilitator's token, on a 1920×1080 screen.
    const projector = await person('Projector');
    await projector.page.setViewportSize({ width: 1920, height: 1080 });
    await projector.page.goto(session.facilitatorUrl);
    await expect(projector.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await projector.page.goto(`/s/${session.code}/projector`);
    const page = projector.page;

    const board = page.getByTestId('projector-board');
    await expect(board.getByRole('heading', { level: 2, name: 'What helps us' })).toBeVisible();
    await expect(board.getByTestId('outline-note')).toHaveCount(notes.length + 1);
    await expect(board.getByTestId('outline-note').last()).toBeInViewport();
    await expect(page.getByTestId('projector-join-code')).toHaveText(session.code);
    await expect(page.getByTestId('projector-join-code')).toBeInViewport();
    const qr = page.getByRole('img', { name: 'QR code of the join link' });
    await expect(qr).toBeInViewport();
    await expect(page.getByTestId('projector-join')).toContainText(`/j/${session.code}`);
    await expect(page.getByTestId('timer-value')).toHaveText(/^0[45]:\d\d$/);
    await expect(page.getByTestId('timer-value')).toBeInViewport();
    const floor = page.getByTestId('projector-floor');
    await expect(floor).toContainText('Speaking');
    await expect(floor).toContainText('Ana');
    await expect(floor).toBeInViewport();
    // The segment still says where we are, small beside the board.
    await expect(page.getByTestId('projector-segment')).toBeInViewport();
    await expect(page.getByRole('button')).toHaveCount(0);
    // Fitting settles on the next frame after the last note arrived.
    await expect
      .poll(() => page.evaluate(() => document.scrollingElement!.scrollHeight))
      .toBeLessThanOrEqual(1081);
    await expectNoPageScroll(page, 'the revealed board');
    await expectNoAxeViolations(page, 'the projector with the revealed board at 1920×1080');

    // The rooms open: no plenary floor (nobody is in the plenary), "In rooms" with the countdown.
    await api.send({
      type: 'breakout.create',
      rooms: { by: 'names', rooms: [{ name: 'Garden', prompt: 'What helped you arrive today?' }] },
    });
    await api.send({ type: 'breakout.assign', assign: { mode: 'random', groups: [] } }); // the server deals
    await api.send({ type: 'breakout.open', durationMs: 10 * 60_000 });
    const inRooms = page.getByTestId('projector-in-rooms');
    await expect(inRooms.getByRole('heading', { name: 'In rooms' })).toBeInViewport();
    await expect(inRooms.getByTestId('breakout-remaining')).toHaveText(/^(10:00|09:\d\d)$/);
    await expect(page.getByTestId('projector-floor')).toHaveCount(0);
    // The board left in focus is stale while everyone is away: the rooms take the main area.
    await expect(page.getByTestId('projector-board')).toHaveCount(0);
    const rooms = page.getByTestId('projector-rooms');
    await expect(rooms).toContainText('Garden');
    await expect(rooms).toContainText('What helped you arrive today?');
    await expectNoPageScroll(page, 'the rooms open');
    await expectNoAxeViolations(page, 'the projector while the rooms are open');

    // Back together, the gallery fits the screen too.
    await api.send({ type: 'breakout.close' });
    await api.send({ type: 'breakout.gallery', open: true });
    await expect(page.getByTestId('projector-gallery').getByTestId('gallery-board')).toHaveCount(1);
    await expect(page.getByTestId('projector-in-rooms')).toHaveCount(0);
    await expect(page.getByTestId('projector-floor')).toBeInViewport();
    await expectNoPageScroll(page, 'the gallery');
  });
});
