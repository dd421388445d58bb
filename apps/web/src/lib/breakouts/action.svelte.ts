import type { Command, CommandAck } from '@kring/protocol';
import { CommandRunner } from '$lib/commands/runner.svelte';
import { refusalText } from './refusals';

/** Breakout commands, their refusals worded the way of breakouts. */
export class BreakoutAction extends CommandRunner {
  constructor(send: (command: Command) => Promise<CommandAck>) {
    super(send, refusalText);
  }
}
