import { expect, test } from './fixtures';
import { boardNote } from './boards-helpers';
import {
  breakoutConsole,
  countdownSeconds,
  createRandomRooms,
  gallery,
  openRooms,
  roomNameOf,
  roomView,
  startRoomRound,
} from './breakouts-helpers';
import { expectAccessible } from './clock-qa-helpers';
import {
  announced,
  expectAllPresent,
  expectNoSidewaysScroll,
  expectRoundStatuses,
  floorPanel,
} from './floor-helpers';
import { addNote, createSession, expectConnected, join, openTab, type Person } from './helpers';

const TITLE = 'IPS overview: check-in rooms';
const NOTES: Record<string, string> = {
  'Room 1': 'Arrived tired, glad to be here',
  'Room 2': 'Curious what mutuality asks of me',
};
const MESSAGE = 'Two more minutes, then we gather again';

test.describe('IPS steps 3 and 8: breakout rooms', () => {
  test('random rooms of two: a note and a round in each room, a message to all rooms, a help call, the rooms close, the gallery', async ({
    person,
  }) => {
    test.setTimeout(180_000);
    const host = await person('Facilitator');
    const participants = [
      await person('Ana', { mobile: true }),
      await person('Bo'),
      await person('Cas'),
      await person('Dee', { mobile: true }),
    ];
    const people = [host, ...participants];

    const { code, link } = await createSession(host, TITLE);
    // One after the other, so the join order (and so each room's round order) is Ana, Bo, Cas, Dee.
    for (const p of participants) await join(p, link, TITLE);
    for (const p of people) await expectConnected(p.page);
    await expectAllPresent(host, participants);

    // Two rooms, dealt at random by the server: two people each.
    await createRandomRooms(host, 2);
    const consoleRooms = breakoutConsole(host.page).getByTestId('console-room');
    await expect(consoleRooms).toHaveCount(2);
    for (const room of await consoleRooms.all()) await expect(room).toContainText('2 people');

    // Open for ten minutes: every participant's screen becomes their room, with the countdown.
    await openRooms(host, 10);
    const rooms = new Map<string, Person[]>();
    for (const p of participants) {
      const name = await roomNameOf(p);
      rooms.set(name, [...(rooms.get(name) ?? []), p]);
    }
    expect([...rooms.keys()].sort()).toEqual(['Room 1', 'Room 2']);
    for (const [name, members] of rooms) {
      expect(members, `${name} has two people`).toHaveLength(2);
      for (const member of members) {
        await expect(roomView(member.page).getByTestId('room-member')).toHaveText(
          members.map((m) => new RegExp(m.name)),
        );
      }
    }
    for (const p of participants) {
      await expect.poll(() => countdownSeconds(p.page)).toBeGreaterThan(9 * 60);
      expect(await countdownSeconds(p.page)).toBeLessThanOrEqual(10 * 60);
      await expect(roomView(p.page).getByTestId('breakout-warning')).toHaveCount(0);
    }
    const membersOf = (name: string): [Person, Person] => {
      const members = rooms.get(name) ?? [];
      return [members[0]!, members[1]!];
    };

    // In each room the first person writes a note on the room's board; the other sees it.
    for (const [name, note] of Object.entries(NOTES)) {
      const [writer, other] = membersOf(name);
      await addNote(writer.page, note);
      await expect(boardNote(other.page, note)).toBeVisible();
    }
    // Rooms are private until the gallery opens: nobody sees the other room's words, nor a gallery.
    for (const [name, note] of Object.entries(NOTES)) {
      const otherRoom = name === 'Room 1' ? 'Room 2' : 'Room 1';
      for (const member of membersOf(otherRoom)) {
        await expect(member.page.getByText(note)).toHaveCount(0);
        await expect(gallery(member.page)).toHaveCount(0);
      }
    }

    // Each room runs its own round (no host: every member runs the room's floor). Done, then pass.
    for (const name of rooms.keys()) {
      const [first, second] = membersOf(name);
      await startRoomRound(second.page);
      await expectRoundStatuses([first, second], ['speaking', 'next']);
      await floorPanel(first.page).getByRole('button', { name: "I'm done" }).click();
      await expectRoundStatuses([first, second], ['spoke', 'speaking']);
      await floorPanel(second.page).getByRole('button', { name: 'Pass', exact: true }).click();
      await expectRoundStatuses([first, second], ['spoke', 'passed']);
      for (const member of [first, second]) {
        await expect(floorPanel(member.page).getByTestId('round-progress')).toContainText(
          'The round is complete.',
        );
      }
    }
    // The plenary's floor is untouched by the rooms' rounds.
    await expect(floorPanel(host.page).getByTestId('floor-mode')).toHaveText('Open floor');

    // A room's own timer: started by a member, shown in that room only.
    const [timerStarter, timerWatcher] = membersOf('Room 1');
    await roomView(timerStarter.page).getByText('Room timer', { exact: true }).click();
    await roomView(timerStarter.page).getByRole('button', { name: '2 min', exact: true }).click();
    for (const member of [timerStarter, timerWatcher]) {
      await expect(roomView(member.page).getByTestId('room-timer').getByTestId('timer-value')).toHaveText(
        /^0[12]:\d\d$/,
      );
    }
    for (const member of membersOf('Room 2')) {
      await expect(roomView(member.page).getByTestId('room-timer')).toHaveCount(0);
    }
    await expect(host.page.getByTestId('timer-value')).toHaveCount(0); // no plenary timer either

    // A message to all rooms reaches every room.
    const panel = breakoutConsole(host.page);
    await panel.getByRole('textbox', { name: 'Message to all rooms' }).fill(MESSAGE);
    await panel.getByRole('button', { name: 'Send to all rooms' }).click();
    for (const p of participants) {
      await expect(roomView(p.page).getByTestId('room-message')).toHaveText(MESSAGE);
    }
    await expect(announced(participants[0]!.page, `Message to all rooms: ${MESSAGE}`)).toHaveCount(1);

    // Someone in Room 1 asks for help; the facilitator sees who and where, and visits.
    const [caller, roommate] = membersOf('Room 1');
    const help = roomView(caller.page).getByRole('button', { name: 'Ask for help' });
    await help.click();
    await expect(help).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByTestId('help-call')).toContainText(`${caller.name} in Room 1`);
    await expect(roomView(roommate.page).getByTestId('help-state')).not.toContainText('asked to come by');
    await panel.getByRole('button', { name: `Visit Room 1 to help ${caller.name}` }).click();
    await expect(roomView(host.page).getByTestId('room-name')).toHaveText('Visiting Room 1');
    await expect(boardNote(host.page, NOTES['Room 1']!)).toBeVisible();
    await expect(roomView(caller.page).getByTestId('room-visitors')).toContainText('Facilitator');
    await roomView(host.page).getByRole('button', { name: 'Leave the room' }).click();
    await expect(roomView(host.page)).toHaveCount(0);
    await expect(roomView(caller.page).getByTestId('room-visitors')).toHaveCount(0);

    // More time, then less: the countdown follows on every screen.
    const before = await countdownSeconds(caller.page);
    await panel.getByRole('button', { name: /^\+ 1 minute/ }).click();
    await expect.poll(() => countdownSeconds(caller.page)).toBeGreaterThan(before + 30);

    // Take time off until the last minute: every room sees the calm warning…
    const less = panel.getByRole('button', { name: /^− 1 minute/ });
    await expect(async () => {
      await less.click();
      await expect(roomView(roommate.page).getByTestId('breakout-warning')).toBeVisible({ timeout: 1500 });
    }).toPass({ timeout: 60_000 });
    for (const p of participants)
      await expect(roomView(p.page).getByTestId('breakout-warning')).toBeVisible();

    // …and once more: the countdown runs out and the server closes the rooms. Everyone is back.
    await less.click();
    await expect(panel.getByTestId('breakout-status')).toHaveText(
      'The rooms are closed; everyone is in the plenary.',
    );
    for (const p of participants) {
      await expect(roomView(p.page)).toHaveCount(0);
      await expect(floorPanel(p.page)).toHaveAttribute('data-scope', 'plenary');
      await expect(p.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
      // The plenary's board switcher never lists room boards.
      await expect(
        p.page.getByRole('navigation', { name: 'Boards' }).getByRole('button', { name: /^Room \d/ }),
      ).toHaveCount(0);
    }

    // The gallery: every participant sees both rooms' boards, with both notes.
    await panel.getByRole('button', { name: 'Open the gallery for everyone' }).click();
    for (const p of participants) {
      const boards = gallery(p.page).getByTestId('gallery-board');
      await expect(boards).toHaveCount(2);
      for (const [name, note] of Object.entries(NOTES)) {
        await expect(boards.filter({ hasText: name }).getByTestId('outline-note')).toHaveText([note]);
      }
    }
    await expectNoSidewaysScroll(participants[0]!.page);
    await expectAccessible(participants[0]!.page, 'the gallery of room boards (360px)');

    // The spotlight: Room 2's board on every screen.
    await panel.getByRole('button', { name: 'Spotlight Room 2' }).click();
    for (const p of participants) {
      await expect(
        p.page.getByTestId('board').getByRole('heading', { level: 2, name: 'Room 2' }),
      ).toBeVisible();
      await expect(boardNote(p.page, NOTES['Room 2']!)).toBeVisible();
    }
    // The projector shows the board in the spotlight, as an outline.
    const projector = await host.context.newPage();
    await projector.goto(`/s/${code}/projector`);
    await expect(projector.getByTestId('projector-spotlight').getByTestId('outline-note')).toHaveText([
      NOTES['Room 2']!,
    ]);
    await expectAccessible(projector, 'the projector with a room board in the spotlight');
    await projector.close();
  });

  test('the breakout console and a room pass axe at 360 px', async ({ person }) => {
    const host = await person('Facilitator', { mobile: true });
    const eli = await person('Eli', { mobile: true });
    const fay = await person('Fay', { mobile: true });

    const title = 'Breakout accessibility';
    const { link } = await createSession(host, title);
    for (const p of [eli, fay]) await join(p, link, title);
    await expectAllPresent(host, [eli, fay]);

    await openTab(host.page, 'rooms');
    const panel = breakoutConsole(host.page);
    await panel.getByText('Set up breakout rooms', { exact: true }).click();
    await panel.getByRole('radio', { name: 'Named rooms, each with its own prompt' }).check();
    await panel.getByLabel('Prompt for room 1').fill('What helped you arrive today?');
    await panel.getByLabel('Call link for room 1').fill('https://call.example/room-1');
    await expectAccessible(host.page, 'the breakout console, setting up rooms (360px)');
    await panel.getByRole('button', { name: 'Remove room 2' }).click();
    await panel.getByRole('radio', { name: 'At random' }).check();
    await panel.getByRole('button', { name: 'Create the rooms' }).click();
    await expect(panel.getByTestId('breakout-status')).toHaveText('1 room is ready, not open yet.');
    await expectAccessible(host.page, 'the breakout console with drafted rooms (360px)');
    await expectNoSidewaysScroll(host.page);

    await openRooms(host, 10);
    await expect(roomView(eli.page).getByTestId('room-name')).toHaveText('You are in Room 1');
    await expect(roomView(eli.page).getByTestId('room-prompt')).toHaveText('What helped you arrive today?');
    const call = roomView(eli.page).getByRole('link', { name: /^Join the call of Room 1/ });
    await expect(call).toHaveAttribute('href', 'https://call.example/room-1');
    await expect(call).toHaveAttribute('target', '_blank');
    await expect(call).toHaveAttribute('rel', /noopener/);
    await roomView(eli.page).getByRole('button', { name: 'Ask for help' }).click();
    await expect(panel.getByTestId('help-call')).toContainText('Eli in Room 1');
    await expectAccessible(eli.page, 'a participant’s room (360px)');
    await expectNoSidewaysScroll(eli.page);
    await expectAccessible(host.page, 'the breakout console with open rooms and a help call (360px)');
    await expectNoSidewaysScroll(host.page);
  });

  test('people choose their room; a full room says so; the manual select moves someone', async ({
    person,
  }) => {
    const host = await person('Facilitator');
    const gil = await person('Gil', { mobile: true });
    const hana = await person('Hana');

    const title = 'Breakouts by choice';
    const { link } = await createSession(host, title);
    for (const p of [gil, hana]) await join(p, link, title);
    await expectAllPresent(host, [gil, hana]);

    // Two named rooms of one place each; people choose.
    await openTab(host.page, 'rooms');
    const panel = breakoutConsole(host.page);
    await panel.getByText('Set up breakout rooms', { exact: true }).click();
    await panel.getByRole('radio', { name: 'Named rooms, each with its own prompt' }).check();
    await panel.getByLabel('Name of room 1').fill('Connection');
    await panel.getByLabel('Prompt for room 1').fill('What helps you connect?');
    await panel.getByLabel('Places in room 1').fill('1');
    await panel.getByLabel('Name of room 2').fill('Mutuality');
    await panel.getByRole('radio', { name: 'People choose' }).check();
    await panel.getByRole('button', { name: 'Create the rooms' }).click();
    await expect(panel.getByTestId('breakout-status')).toContainText('Participants choose their room now.');

    // Gil takes the one place in Connection; Hana sees it full and takes Mutuality.
    const choices = (p: Person) => p.page.getByTestId('room-chooser').getByTestId('room-choice');
    await expect(choices(gil)).toHaveCount(2);
    await expect(choices(gil).first()).toContainText('What helps you connect?');
    await choices(gil).first().getByRole('button', { name: 'Choose Connection' }).click();
    await expect(choices(gil).first()).toContainText('Your room');
    const full = choices(hana).first();
    await expect(full).toContainText('1 of 1 places taken — full');
    await expect(full.getByRole('button', { name: 'Full Connection' })).toBeDisabled();
    await choices(hana).nth(1).getByRole('button', { name: 'Choose Mutuality' }).click();
    await expect(choices(hana).nth(1)).toContainText('Your room');

    // Open: each is in the room they chose. The facilitator moves Hana by hand, also while open.
    await openRooms(host, 10);
    await expect(roomView(gil.page).getByTestId('room-name')).toHaveText('You are in Connection');
    await expect(roomView(hana.page).getByTestId('room-name')).toHaveText('You are in Mutuality');
    await panel.getByText(/^People and their rooms/).click();
    await panel.getByRole('combobox', { name: 'Hana' }).selectOption({ label: 'Connection' });
    await expect(roomView(hana.page).getByTestId('room-name')).toHaveText('You are in Connection');
    await expect(roomView(gil.page).getByTestId('room-member')).toHaveCount(2);
  });
});
