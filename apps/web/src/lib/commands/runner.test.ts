import type { Command, CommandAck } from '@kring/protocol';
import { describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { refusalText } from './refusal';
import { CommandRunner } from './runner.svelte';

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

describe('CommandRunner: words are chosen when shown', () => {
  it('a refusal follows a switch of language; a problem the control found itself is shown until the next run', async () => {
    const original = getLocale;
    const locale = { current: 'en' as 'en' | 'nl' };
    overwriteGetLocale(() => locale.current);
    try {
      const runner = new CommandRunner(async () => ({
        ok: false,
        error: { code: 'not_found', message: 'there is no timer to change' },
      }));
      expect(await runner.run({} as Command, 'Could not pause the timer')).toBe(false);
      expect(runner.error).toBe('Could not pause the timer: there is no timer to change.');
      locale.current = 'nl';
      expect(runner.error).not.toMatch(/there is no timer/);
      runner.problem(() => 'Give the board a title.');
      expect(runner.error).toBe('Give the board a title.');
      runner.clear();
      expect(runner.error).toBeNull();
    } finally {
      overwriteGetLocale(original);
    }
  });
});
