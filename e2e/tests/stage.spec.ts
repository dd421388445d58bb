import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { roomView } from './breakouts-helpers';
import { expectAccessible, expectNoSidewaysScroll } from './clock-qa-helpers';
import { floorPanel } from './floor-helpers';
import { type ApiSession, FacilitatorApi, createSessionViaApi } from './boards-helpers';
import { expectConnected, join } from './helpers';

const TITLE = 'Stage on a phone';

/** The participant's "what concerns you now" bar. */
const stage = (page: Page) => page.getByTestId('stage');

/** SETUP: a participant's id, read with the facilitator's token. */
async function participantId(baseURL: string, session: ApiSession, name: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/sessions/${session.code}`, {
    headers: { authorization: `Bearer ${session.facilitatorToken}` },
  });
  const body = (await res.json()) as { participants: { id: string; displayName: string }[] };
  const id = body.participants.find((p) => p.displayName === name)?.id;
  expect(id, `${name} is in the session`).toBeTruthy();
  return id!;
}

/**
 * Scrolls the page to its very bottom, as a participant reading the board would. Again on each
 * poll: a room that just opened moves focus (and the page) to its heading, and the page grows
 * while its board loads.
 */
async function scrollToBottom(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      }),
    )
    .toBe(true);
}

test.describe('the participant’s stage', () => {
  let api: FacilitatorApi | null = null;

  test.afterEach(() => {
    api?.close();
    api = null;
  });

  test('a participant scrolled down on a 390 px phone still sees their turn, their room and an announcement', async ({
    person,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    // SETUP through the API: the facilitator's side is not under test here, only what Ana sees.
    const session = await createSessionViaApi(baseURL!, TITLE);
    api = new FacilitatorApi(baseURL!, session.facilitatorToken);
    const bo = await person('Bo');
    const ana = await person('Ana', { mobile: true });
    // A common phone: 390×844.
    await ana.page.setViewportSize({ width: 390, height: 844 });
    await join(bo, session.participantUrl, TITLE);
    await join(ana, session.participantUrl, TITLE);
    await expectConnected(ana.page);
    await expect(ana.page).toHaveTitle(`${TITLE} · Kring`);
    await expect(stage(ana.page)).toHaveCount(0);

    // Ana reads on, far down the page.
    await scrollToBottom(ana.page);
    expect(await ana.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // A round, Bo first and Ana next: Ana sees it without scrolling back up.
    const boId = await participantId(baseURL!, session, 'Bo');
    const anaId = await participantId(baseURL!, session, 'Ana');
    await api.send({
      type: 'floor.start',
      setup: { mode: 'round', orderBy: 'manual', participantIds: [boId, anaId] },
    });
    const next = stage(ana.page).getByTestId('stage-next');
    await expect(next).toContainText('You are next');
    await expect(next).toBeInViewport();

    // Bo is done: it is Ana's turn, in view, and the tab says so.
    await api.send({ type: 'round.done' });
    const turn = stage(ana.page).getByTestId('stage-turn');
    await expect(turn).toContainText('It is your turn');
    await expect(turn).toBeInViewport();
    await expect(stage(ana.page).getByTestId('stage-next')).toHaveCount(0);
    await expect(ana.page).toHaveTitle(`● Your turn · ${TITLE} · Kring`);
    // Not read out twice: the live region says it once (the floor's own announcement).
    await expect(ana.page.getByRole('status').filter({ hasText: 'It is your turn' })).toHaveCount(1);
    await expectNoSidewaysScroll(ana.page);
    await expectAccessible(ana.page, 'the stage with your turn (390px)');

    // "Go to the floor" brings the floor into view and focus.
    await turn.getByRole('button', { name: 'Go to the floor' }).click();
    await expect(floorPanel(ana.page).getByRole('heading', { level: 2 })).toBeFocused();
    await expect(floorPanel(ana.page).getByRole('heading', { level: 2 })).toBeInViewport();

    // Ana is done; the title is plain again.
    await floorPanel(ana.page).getByRole('button', { name: "I'm done" }).click();
    await expect(stage(ana.page).getByTestId('stage-turn')).toHaveCount(0);
    await expect(ana.page).toHaveTitle(`${TITLE} · Kring`);

    // One named room with a prompt and a call link opens: the page becomes the room; Ana, scrolled
    // down, sees its name, prompt, call link and time left at the top.
    await api.send({
      type: 'breakout.create',
      rooms: {
        by: 'names',
        rooms: [
          { name: 'Room 1', prompt: 'What helped you arrive today?', callUrl: 'https://call.example/room-1' },
        ],
      },
    });
    await api.send({ type: 'breakout.assign', assign: { mode: 'random', groups: [] } }); // the server deals
    await api.send({ type: 'breakout.open', durationMs: 10 * 60_000 });
    await expect(roomView(ana.page)).toBeVisible();
    await scrollToBottom(ana.page);
    const room = stage(ana.page).getByTestId('stage-room');
    await expect(room).toContainText('You are in Room 1');
    await expect(room).toContainText('What helped you arrive today?');
    await expect(room).toContainText(/\d\d:\d\d left/);
    await expect(room).toBeInViewport();
    const call = room.getByRole('link', { name: /^Join the call/ });
    await expect(call).toHaveAttribute('href', 'https://call.example/room-1');
    await expect(call).toHaveAttribute('target', '_blank');
    await expect(call).toBeInViewport();
    await expect(ana.page).toHaveTitle(`● Rooms open · ${TITLE} · Kring`);

    // An announcement: in view at the top until Ana dismisses it.
    const text = 'We gather again at a quarter past.';
    await api.send({ type: 'announcement.post', text });
    const news = stage(ana.page).getByTestId('stage-announcement');
    await expect(news).toContainText(text);
    await expect(news).toBeInViewport();
    await expectNoSidewaysScroll(ana.page);
    await expectAccessible(ana.page, 'the stage with a room and an announcement (390px)');
    await news.getByRole('button', { name: 'Read the announcement' }).click();
    const banner = ana.page.getByTestId('announcement').filter({ hasText: text });
    await expect(banner).toBeInViewport();
    await banner.getByRole('button', { name: /^Dismiss/ }).click();
    await expect(stage(ana.page).getByTestId('stage-announcement')).toHaveCount(0);
  });
});

test.describe('the way in: clear before a name is asked', () => {
  test('a link with an unknown code says so, without a name field, and offers to type another code', async ({
    person,
    baseURL,
  }) => {
    const { code } = await createSessionViaApi(baseURL!, 'A real session');
    const eli = await person('Eli', { mobile: true });
    await eli.page.setViewportSize({ width: 390, height: 844 });

    // A code no session has (the real one with its letters turned around, unless that is the same).
    const unknown = code === [...code].reverse().join('') ? 'QQQQQ2' : [...code].reverse().join('');
    await eli.page.goto(`/j/${unknown}`);
    await expect(eli.page.getByRole('heading', { level: 1, name: 'Session not found' })).toBeVisible();
    await expect(eli.page.getByTestId('join-unknown')).toContainText(
      `There is no session with the code ${unknown}`,
    );
    await expect(eli.page.getByLabel('Your display name')).toHaveCount(0);
    await expectAccessible(eli.page, 'an unknown join code (390px)');

    // Another code, typed right there: the real one asks for a name.
    await eli.page.getByRole('textbox', { name: 'Join code' }).fill(code.toLowerCase());
    await eli.page.getByRole('button', { name: 'Continue' }).click();
    await expect(eli.page).toHaveURL(new RegExp(`/j/${code}$`));
    await expect(eli.page.getByLabel('Your display name')).toBeVisible();
    await expect(eli.page.getByTestId('join-unknown')).toHaveCount(0);
  });

  test('a removed person is told so, on the session page and at the join link, with no name field', async ({
    person,
    baseURL,
  }) => {
    const title = 'Removal check';
    const session = await createSessionViaApi(baseURL!, title);
    const bo = await person('Bo', { mobile: true });
    await bo.page.setViewportSize({ width: 390, height: 844 });
    const link = session.participantUrl;
    await join(bo, link, title);
    await expectConnected(bo.page);

    // SETUP: the facilitator removes Bo (the people controls are tested in clock-qa.spec.ts).
    const boId = await participantId(baseURL!, session, 'Bo');
    const remover = new FacilitatorApi(baseURL!, session.facilitatorToken);
    try {
      await remover.send({ type: 'participant.remove', participantId: boId });
    } finally {
      remover.close();
    }

    // On the session page: what happened, and no "Join again".
    const notice = bo.page.getByTestId('refused-removed');
    await expect(notice).toContainText('You were removed from this session by a facilitator');
    await expect(bo.page.getByRole('button', { name: 'Join again' })).toHaveCount(0);

    // At the join link, on this device: the same, instead of the name form.
    await bo.page.goto(link);
    await expect(
      bo.page.getByRole('heading', { level: 1, name: 'You were removed from this session' }),
    ).toBeVisible();
    await expect(bo.page.getByTestId('join-removed')).toContainText(
      'You were removed from this session by a facilitator',
    );
    await expect(bo.page.getByLabel('Your display name')).toHaveCount(0);
    await bo.page.reload();
    await expect(bo.page.getByTestId('join-removed')).toBeVisible();
    await expect(bo.page.getByLabel('Your display name')).toHaveCount(0);
    await expectAccessible(bo.page, 'the join page after a removal (390px)');
  });
});
