import { describe, expect, it } from 'vitest';
import { refusalText } from './refusals';

describe('refusals in plain words', () => {
  it('a full fishbowl says so and what to do', () => {
    expect(refusalText('Could not step in', { code: 'full', message: 'all 3 seats are taken' })).toBe(
      'Could not step in: the inner circle is full. Wait until someone steps out, then try again.',
    );
  });

  it('a command for a mode the floor just left', () => {
    expect(
      refusalText('Could not pass', { code: 'conflict', message: 'the floor is in open mode, not round' }),
    ).toBe('Could not pass: the floor changed in the meantime. Look again at what it is now.');
  });

  it("the server's reason as the second half of the sentence", () => {
    expect(
      refusalText('Could not take the piece', {
        code: 'conflict',
        message: 'someone holds the piece; wait until it comes back to the centre',
      }),
    ).toBe('Could not take the piece: someone holds the piece; wait until it comes back to the centre.');
    expect(
      refusalText('Could not give the floor', {
        code: 'internal',
        message: 'Not connected. Try again in a moment.',
      }),
    ).toBe('Could not give the floor: not connected. Try again in a moment.');
  });
});
