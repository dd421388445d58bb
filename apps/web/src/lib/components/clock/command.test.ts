import type { Command, CommandAck } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { CommandRunner, refusalText } from './command.svelte';

describe('refusalText', () => {
  it('says what failed and why', () => {
    expect(
      refusalText('Could not pause the timer', { code: 'not_found', message: 'there is no timer to change' }),
    ).toBe('Could not pause the timer: there is no timer to change.');
    expect(refusalText('Could not remove Bo', { code: 'conflict', message: '' })).toBe(
      'Could not remove Bo: conflict.',
    );
  });
});

describe('CommandRunner', () => {
  it('keeps the refusal until the next try, and is not busy afterwards', async () => {
    let answer: CommandAck = {
      ok: false,
      error: { code: 'forbidden', message: 'only facilitators can do this' },
    };
    const sent: Command[] = [];
    const runner = new CommandRunner(async (c) => {
      sent.push(c);
      return answer;
    });
    expect(await runner.run({ type: 'agenda.next' }, 'Could not move on')).toBe(false);
    expect(runner.error).toBe('Could not move on: only facilitators can do this.');
    expect(runner.busy).toBe(false);
    answer = { ok: true, version: 2, serverTime: 0 };
    expect(await runner.run({ type: 'agenda.next' }, 'Could not move on')).toBe(true);
    expect(runner.error).toBeNull();
    expect(sent).toHaveLength(2);
  });
});
