import type { Command } from '@kring/protocol';
import { m } from '$lib/paraglide/messages';
import { isOne } from '$lib/timer/plural';

/** The names a step mentions, looked up in the facilitator's view. */
export interface StepNames {
  segment(id: string): string | null;
  board(id: string): string | null;
}

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));

/**
 * One short sentence per command "Start" would run (core A8), in the page's language, so the
 * facilitator sees what a segment does before they start it. The preview knows no random draw, so
 * a random round or a dealt room never names people.
 */
export function stepText(command: Command, names: StepNames): string[] {
  const board = (id: string) => names.board(id) ?? m.cockpit_a_board();
  switch (command.type) {
    case 'agenda.jump':
      return command.segmentId === null
        ? []
        : [m.cockpit_step_jump({ title: names.segment(command.segmentId) ?? m.cockpit_a_segment() })];
    case 'timer.start': {
      const count = minutes(command.durationMs);
      return [isOne(count) ? m.cockpit_step_timer_one({ count }) : m.cockpit_step_timer_other({ count })];
    }
    case 'timer.clear':
      return [m.cockpit_step_timer_clear()];
    case 'floor.start':
      return [floorText(command.setup)];
    case 'board.focus':
      return [
        command.boardId === null
          ? m.cockpit_step_unfocus()
          : m.cockpit_step_focus({ title: board(command.boardId) }),
      ];
    case 'board.setPhase': {
      const title = board(command.boardId);
      return [
        command.phase === 'private' ? m.cockpit_step_private({ title }) : m.cockpit_step_reveal({ title }),
      ];
    }
    case 'board.setLock': {
      const title = board(command.boardId);
      return [command.locked ? m.cockpit_step_lock({ title }) : m.cockpit_step_unlock({ title })];
    }
    case 'vote.open': {
      const title = board(command.boardId);
      const count = command.budget;
      return [
        isOne(count)
          ? m.cockpit_step_vote_one({ title, count })
          : m.cockpit_step_vote_other({ title, count }),
      ];
    }
    case 'breakout.create': {
      const rooms = command.rooms;
      const made =
        rooms.by === 'names'
          ? m.cockpit_step_rooms_named({ names: rooms.rooms.map((r) => r.name).join(', ') })
          : rooms.by === 'count'
            ? isOne(rooms.count)
              ? m.cockpit_step_rooms_count_one({ count: rooms.count })
              : m.cockpit_step_rooms_count_other({ count: rooms.count })
            : m.cockpit_step_rooms_size({ count: rooms.size });
      return command.selfSelect ? [made, m.cockpit_step_rooms_choose()] : [made];
    }
    case 'breakout.assign':
      return command.assign.mode === 'random'
        ? [m.cockpit_step_deal()]
        : [m.cockpit_step_other({ type: command.type })];
    case 'breakout.open': {
      const count = minutes(command.durationMs);
      return [
        isOne(count) ? m.cockpit_step_open_rooms_one({ count }) : m.cockpit_step_open_rooms_other({ count }),
      ];
    }
    default:
      return [m.cockpit_step_other({ type: command.type })];
  }
}

type FloorStart = Extract<Command, { type: 'floor.start' }>['setup'];

function floorText(setup: FloorStart): string {
  switch (setup.mode) {
    case 'open':
      return setup.quietFirst ? m.cockpit_step_floor_open_quiet() : m.cockpit_step_floor_open();
    case 'round':
      return setup.orderBy === 'random'
        ? m.cockpit_step_round_random()
        : setup.orderBy === 'manual'
          ? m.cockpit_step_round_manual()
          : m.cockpit_step_round_join();
    case 'piece':
      return m.cockpit_step_piece();
    case 'fishbowl':
      return isOne(setup.seats)
        ? m.cockpit_step_fishbowl_one({ count: setup.seats })
        : m.cockpit_step_fishbowl_other({ count: setup.seats });
    case 'reflecting':
      return m.cockpit_step_reflecting();
  }
}

/** Every step of a Start, in order, as sentences. */
export function stepsText(commands: readonly Command[], names: StepNames): string[] {
  return commands.flatMap((c) => stepText(c, names));
}
