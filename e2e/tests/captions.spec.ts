import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FacilitatorApi, createSessionViaApi, expectNoAxeViolations } from './boards-helpers';
import { expectConnected, join, openTab, participantIdOf } from './helpers';

// Issue 12: live captions, as a captioner, participants on phones, the projector and a caption
// service (CART) would use them.

const band = (page: Page) => page.getByTestId('caption-band');
const lastLine = (page: Page) => page.getByTestId('caption-line').last();

test.describe('live captions', () => {
  let api: FacilitatorApi | null = null;

  test.afterEach(() => {
    api?.close();
    api = null;
  });

  test('a captioner types and every screen reads it: phones at 390 px, the projector, a room, a caption service; size, hide, correct, transcript', async ({
    person,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const title = 'IPS overview with captions';
    const session = await createSessionViaApi(baseURL!, title);
    api = new FacilitatorApi(baseURL!, session.facilitatorToken);

    const phone = { width: 390, height: 844 };
    const ana = await person('Ana');
    await ana.page.setViewportSize(phone);
    await join(ana, session.participantUrl, title);
    const ben = await person('Ben');
    await ben.page.setViewportSize(phone);
    await join(ben, session.participantUrl, title);
    const cleo = await person('Cleo');
    await join(cleo, session.participantUrl, title);
    const cleoId = await participantIdOf(baseURL!, session.code, session.facilitatorToken, 'Cleo');
    await api.send({ type: 'participant.setRole', participantId: cleoId, role: 'captioner' });

    // The captioner's screen is their console; nothing shows on the phones yet.
    const console = cleo.page.getByTestId('caption-console');
    await expect(console).toBeVisible();
    await expect(cleo.page.getByTestId('caption-scope')).toContainText('Plenary');
    await expect(band(ana.page)).toHaveCount(0);

    // Partials stream while Cleo types: Ana reads them before Enter.
    await cleo.page.getByTestId('caption-speaker').fill('Maria');
    const input = cleo.page.getByTestId('caption-input');
    await input.click();
    await input.pressSequentially('Welcome to the IPS overview', { delay: 15 });
    await expect(ana.page.getByTestId('caption-partial')).toContainText('Welcome to the IPS overview');
    await input.press('Enter');
    await expect(input).toHaveValue('');
    await expect(input).toBeFocused();
    for (const page of [ana.page, ben.page]) {
      await expect(lastLine(page)).toHaveText('Maria: Welcome to the IPS overview');
      await expect(page.getByTestId('caption-partial')).toHaveCount(0);
    }

    // The projector shows the plenary's captions, large, along the bottom.
    const projector = await person('Projector');
    await projector.page.setViewportSize({ width: 1920, height: 1080 });
    await projector.page.goto(session.facilitatorUrl);
    await expect(projector.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await projector.page.goto(`/s/${session.code}/projector`);
    const onProjector = projector.page.getByTestId('projector-captions');
    await expect(onProjector.getByTestId('caption-line').last()).toHaveText(
      'Maria: Welcome to the IPS overview',
    );
    await expect(onProjector).toBeInViewport();

    // A correction of the last line (ArrowUp in the empty field), keyboard only.
    await input.press('ArrowUp');
    await expect(input).toHaveValue('Welcome to the IPS overview');
    await input.fill('Welcome to the IPS overview, everyone');
    await input.press('Enter');
    await expect(lastLine(ana.page)).toHaveText('Maria: Welcome to the IPS overview, everyone');
    await expect(onProjector.getByTestId('caption-line').last()).toContainText('everyone');

    // At 390 px the band never covers controls: at the bottom of the page, the last control is above it.
    const page = ana.page;
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
    const bandBox = await band(page).boundingBox();
    const lastControl = await page.evaluate(() => {
      const all = Array.from(
        document.querySelectorAll('main button, main input, main select, main textarea, main a'),
      );
      const outside = all.filter((el) => !el.closest('[data-testid="caption-band"]'));
      const rects = outside.map((el) => el.getBoundingClientRect()).filter((r) => r.height > 0);
      return Math.max(...rects.map((r) => r.bottom));
    });
    expect(lastControl, 'the last control sits above the caption band').toBeLessThanOrEqual(bandBox!.y + 1);
    await expectNoAxeViolations(page, 'a phone with the caption band');

    // Size: Ana chooses "Very large"; the text grows, and the choice stays after a reload.
    const fontSize = () =>
      page
        .getByTestId('caption-line')
        .last()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await fontSize();
    await page.getByTestId('caption-settings').click();
    await page.getByTestId('caption-size').selectOption('huge');
    await expect.poll(fontSize).toBeGreaterThan(before * 1.3);
    await page.reload();
    await expectConnected(page);
    await expect(band(page)).toHaveAttribute('data-size', 'huge');
    await expect(lastLine(page)).toContainText('everyone');

    // Ben hides them; Ben gets them back with one button.
    await ben.page.getByTestId('caption-hide').click();
    await expect(band(ben.page)).toHaveCount(0);
    await input.fill('Let us begin with a check-in round.');
    await input.press('Enter');
    await expect(lastLine(ana.page)).toHaveText('Maria: Let us begin with a check-in round.');
    await ben.page.getByTestId('caption-show').click();
    await expect(lastLine(ben.page)).toHaveText('Maria: Let us begin with a check-in round.');

    // Rooms: Cleo captions Ana's room; Ana reads it, Ben in the other room does not.
    await api.send({
      type: 'breakout.create',
      rooms: { by: 'names', rooms: [{ name: 'Garden' }, { name: 'Harbour' }] },
    });
    await api.send({ type: 'breakout.assign', assign: { mode: 'random', groups: [] } }); // the server deals
    await api.send({ type: 'breakout.open', durationMs: 10 * 60_000 });
    const anaRoomId = (await ana.page.getByTestId('room-view').getAttribute('data-room'))!;
    await expect(ben.page.getByTestId('room-view')).not.toHaveAttribute('data-room', anaRoomId);
    const roomSelect = cleo.page.getByTestId('caption-room');
    await roomSelect.selectOption(anaRoomId);
    const anaRoom = (await roomSelect.locator('option:checked').textContent())!.trim();
    expect(['Garden', 'Harbour']).toContain(anaRoom);
    await expect(cleo.page.getByTestId('caption-scope')).toContainText(anaRoom);
    await input.fill('In this room we start with names.');
    await input.press('Enter');
    await expect(lastLine(ana.page)).toHaveText('Maria: In this room we start with names.');
    await expect(ben.page.getByText('In this room we start with names.')).toHaveCount(0);
    await expect(onProjector.getByText('In this room we start with names.')).toHaveCount(0);
    await api.send({ type: 'breakout.close' });

    // A caption service: the host makes a caption URL in the Captions tab; CART software posts to it.
    const host = await person('Hanna');
    await host.page.goto(session.facilitatorUrl);
    await openTab(host.page, 'captions');
    const sources = host.page.getByTestId('caption-sources');
    await sources.getByTestId('caption-source-label').fill('CART provider');
    await sources.getByTestId('caption-source-create').click();
    const source = sources.getByTestId('caption-source').filter({ hasText: 'CART provider' });
    await source.getByTestId('caption-source-show').click();
    const url = await source.getByTestId('caption-source-url').getByRole('textbox').inputValue();
    expect(url).toMatch(/\/api\/captions\/[^/]+\/[^/?]+\?sig=/);
    for (const [seq, text] of [
      [1, 'From the caption service.'],
      [1, 'From the caption service.'], // a retry: shown once
      [2, 'Second line from the service.'],
    ] as const) {
      const res = await fetch(`${url}&seq=${seq}&lang=en-US`, { method: 'POST', body: text });
      expect(res.status).toBe(200);
    }
    await expect(lastLine(ana.page)).toHaveText('Second line from the service.');
    await expect(
      ana.page.getByTestId('caption-line').filter({ hasText: 'From the caption service.' }),
    ).toHaveCount(1);
    await expect(onProjector.getByTestId('caption-line').last()).toHaveText('Second line from the service.');
    await expectNoAxeViolations(host.page, 'the facilitator’s Captions tab');
    await expectNoAxeViolations(cleo.page, 'the captioner’s console');
    await expectNoAxeViolations(projector.page, 'the projector with captions');

    // The transcript: downloaded with times, then deleted, and every band empties.
    const download = host.page.waitForEvent('download');
    await host.page.getByTestId('caption-download-txt').click();
    const file = readFileSync((await (await download).path())!, 'utf8');
    expect(file).toMatch(/\[0:00:\d\d\] Maria: Welcome to the IPS overview, everyone/);
    expect(file).toContain(`Room: ${anaRoom}`);
    expect(file).toContain('Second line from the service.');
    await host.page.getByTestId('caption-delete').click();
    await host.page.getByTestId('caption-delete-confirm').click();
    await expect(host.page.getByTestId('caption-deleted')).toBeVisible();
    await expect(band(ana.page)).toHaveCount(0);
    await expect(onProjector.getByTestId('caption-line')).toHaveCount(0);
  });
});
