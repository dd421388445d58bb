import { expect, test } from './fixtures';
import { FacilitatorApi, createSessionViaApi, expectNoAxeViolations } from './boards-helpers';
import { addNote, expectConnected, join, noteCard, openTab } from './helpers';

test.describe('the projector shows the board everyone was brought to', () => {
  let api: FacilitatorApi | null = null;

  test.afterEach(() => {
    api?.close();
    api = null;
  });

  test('large, live, without hidden notes, no horizontal scroll at 1920×1080', async ({
    person,
    baseURL,
  }) => {
    const title = 'Projector board';
    const session = await createSessionViaApi(baseURL!, title);
    api = new FacilitatorApi(baseURL!, session.facilitatorToken);
    // SETUP: a recognisable board title.
    await api.send({ type: 'board.rename', boardId: session.boardId, title: 'What helps us' });
    const host = await person('Facilitator');
    const ana = await person('Ana');
    await host.page.goto(session.facilitatorUrl);
    await join(ana, session.participantUrl, title);
    await expectConnected(ana.page);

    await addNote(ana.page, 'Shared meals on Fridays');
    await addNote(ana.page, 'A word only facilitators may read');
    // The facilitator hides one note, then brings everyone to the board.
    await openTab(host.page, 'boards');
    await noteCard(host.page, 'A word only facilitators may read')
      .getByRole('button', { name: 'Hide note' })
      .click();
    await expect(noteCard(host.page, 'A word only facilitators may read')).toContainText(
      'Hidden: participants do not see this note.',
    );
    await api.send({ type: 'board.focus', boardId: session.boardId });

    // The projector: its own device, holding the facilitator's token, on a 1920×1080 screen.
    const projector = await person('Projector');
    await projector.page.setViewportSize({ width: 1920, height: 1080 });
    await projector.page.goto(session.facilitatorUrl);
    await expect(projector.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await projector.page.goto(`/s/${session.code}/projector`);

    const board = projector.page.getByTestId('projector-board');
    await expect(board.getByRole('heading', { level: 2, name: 'What helps us' })).toBeVisible();
    await expect(board.getByTestId('outline-note')).toHaveText(['Shared meals on Fridays']);
    await expect(projector.page.getByText('A word only facilitators may read')).toHaveCount(0);
    await expect(projector.page.getByText('Ana', { exact: true })).toHaveCount(0);
    await expect(projector.page.getByRole('button')).toHaveCount(0);
    const overflow = await projector.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'the projector scrolls sideways').toBeLessThanOrEqual(0);
    // Big enough to read from the back of the room.
    const noteSize = await board
      .getByTestId('outline-note')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(noteSize).toBeGreaterThanOrEqual(24);

    // Live: a note written after appears on the projector.
    await addNote(ana.page, 'Walks after the session');
    await expect(board.getByTestId('outline-note')).toHaveText([
      'Shared meals on Fridays',
      'Walks after the session',
    ]);
    await expect(projector.page.getByText('A word only facilitators may read')).toHaveCount(0);
    await expectNoAxeViolations(projector.page, 'the projector with a board in focus');

    // Released: the projector shows what it showed before, the segment (questions only in a Q&A one).
    await api.send({ type: 'board.focus', boardId: null });
    await expect(board).toHaveCount(0);
    await expect(projector.page.getByTestId('projector-segment')).toBeVisible();
  });
});
