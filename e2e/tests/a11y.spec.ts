import { expect, test } from './fixtures';
import { expectAccessible as expectNoViolations } from './axe';
import { addNote, createSession, expectConnected, join } from './helpers';

test.describe('accessibility (axe, WCAG 2.2 AA)', () => {
  test('start, join and session pages, for a facilitator and a participant on a locked board', async ({
    person,
  }) => {
    const host = await person('Facilitator');
    const dana = await person('Dana', { mobile: true });

    await host.page.goto('/');
    await expectNoViolations(host.page, 'the start page');

    const { link } = await createSession(host, 'Accessibility check');
    await dana.page.goto(link);
    await expectNoViolations(dana.page, 'the join page');
    await join(dana, link, 'Accessibility check');

    await addNote(host.page, 'A note from the facilitator', 'Purple');
    await addNote(dana.page, 'A note from Dana');
    await expectConnected(host.page);
    await expectNoViolations(host.page, 'the facilitator view');

    await host.page.getByRole('button', { name: 'Lock board' }).click();
    await expect(dana.page.getByTestId('board-locked')).toBeVisible();
    await expectNoViolations(dana.page, 'the participant view of a locked board (360px)');
  });
});
