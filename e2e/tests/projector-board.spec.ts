import { expect, test } from './fixtures';
import {
  FacilitatorApi,
  boardNote,
  createSessionViaApi,
  expectNoAxeViolations,
  openNoteMenu,
} from './boards-helpers';
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
    await openNoteMenu(noteCard(host.page, 'A word only facilitators may read'));
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

    // Issue 15: a dot vote closes and the projector shows its results, ranked per column, instead
    // of the whole board; hidden notes never count.
    await api.send({ type: 'vote.open', boardId: session.boardId, budget: 3, capPerNote: 2, hidden: false });
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 3 of 3 votes left/);
    const voteFor = (text: string) =>
      boardNote(ana.page, text).getByRole('button', { name: 'Vote for this note' }).click();
    await voteFor('Walks after the session');
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 2 of 3 votes left/);
    await voteFor('Shared meals on Fridays');
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 1 of 3 votes left/);
    await voteFor('Shared meals on Fridays');
    await expect(ana.page.getByTestId('votes-left')).toHaveText(/you have 0 of 3 votes left/);
    await expect(board.getByTestId('projector-results')).toHaveCount(0);
    await api.send({ type: 'vote.close', boardId: session.boardId });

    const results = board.getByTestId('projector-results');
    await expect(results.getByRole('heading', { level: 3, name: 'Dot vote results' })).toBeVisible();
    await expect(results).toContainText('3 votes in all');
    const column = results.getByTestId('projector-results-column');
    await expect(column).toHaveCount(1);
    await expect(column.getByRole('heading', { level: 4, name: 'Notes' })).toBeVisible();
    await expect(column.getByTestId('projector-result')).toHaveText([
      /^\s*Shared meals on Fridays\s*2 votes\s*$/,
      /^\s*Walks after the session\s*1 vote\s*$/,
    ]);
    await expect(board.getByTestId('outline-note')).toHaveCount(0);
    await expect(projector.page.getByText('A word only facilitators may read')).toHaveCount(0);
    const resultSize = await column
      .getByTestId('projector-result')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(resultSize).toBeGreaterThanOrEqual(24);
    // The participant's vote panel ranks the same notes.
    const ranked = ana.page.getByTestId('vote-ranked').getByRole('listitem');
    await expect(ranked).toHaveText([/2 votes: Shared meals on Fridays/, /1 vote: Walks after the session/]);
    await expectNoAxeViolations(projector.page, 'the projector with a dot vote’s results');

    // Released: the projector shows what it showed before, the segment (questions only in a Q&A one).
    await api.send({ type: 'board.focus', boardId: null });
    await expect(board).toHaveCount(0);
    await expect(projector.page.getByTestId('projector-segment')).toBeVisible();
  });
});
