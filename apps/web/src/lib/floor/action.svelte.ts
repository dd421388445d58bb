import type { Command, CommandAck } from '@kring/protocol';
import { CommandRunner } from '$lib/commands/runner.svelte';
import { refusalText } from './refusals';

/** The floor's commands, their refusals worded the floor's way (a full fishbowl, a floor that changed mode). */
export class FloorAction extends CommandRunner {
  constructor(send: (command: Command) => Promise<CommandAck>) {
    super(send, refusalText);
  }
}
