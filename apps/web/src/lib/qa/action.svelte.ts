import type { Command, CommandAck } from '@kring/protocol';
import { CommandRunner } from '$lib/commands/runner.svelte';
import { qaRefusalText } from './refusals';

/** Q&A commands, their refusals worded the way of Q&A. */
export class QaAction extends CommandRunner {
  constructor(send: (command: Command) => Promise<CommandAck>) {
    super(send, qaRefusalText);
  }
}
