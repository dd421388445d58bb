import { afterEach, describe, expect, it } from 'vitest';
import {
  adoptRegistrationToken,
  clearRegistrationToken,
  loadCircleToken,
  loadRegistrationToken,
  saveRegistrationToken,
} from './storage';

/**
 * A registrant's token on this device (CI23): kept per meeting and per circle, never mixed with
 * the circle's member token. Without localStorage (as here, in node) the in-memory copy serves.
 */
const meeting = { seriesId: 'series-1', key: '2027-10-03' };

afterEach(() => {
  clearRegistrationToken('ABCD2345', 'tok-a', meeting);
  clearRegistrationToken('ABCD2345', 'tok-b', meeting);
});

describe('registration tokens on this device', () => {
  it('keeps a token for its meeting and its circle, apart from the member token', () => {
    saveRegistrationToken('abcd2345', 'tok-a', meeting);
    expect(loadRegistrationToken('ABCD2345', meeting)).toBe('tok-a');
    expect(loadRegistrationToken('ABCD2345')).toBe('tok-a');
    expect(loadRegistrationToken('ABCD2345', { ...meeting, key: '2027-10-10' })).toBeNull();
    expect(loadCircleToken('ABCD2345')).toBeNull();
  });

  it('takes the personal link’s token, else the one kept', () => {
    saveRegistrationToken('ABCD2345', 'tok-a', meeting);
    expect(adoptRegistrationToken('ABCD2345', '')).toBe('tok-a');
    expect(adoptRegistrationToken('ABCD2345', '#token=tok-b')).toBe('tok-b');
    expect(loadRegistrationToken('ABCD2345')).toBe('tok-b');
  });

  it('forgets only the token it is told about (another registration stays)', () => {
    saveRegistrationToken('ABCD2345', 'tok-a', meeting);
    saveRegistrationToken('ABCD2345', 'tok-b');
    clearRegistrationToken('ABCD2345', 'tok-a', meeting);
    expect(loadRegistrationToken('ABCD2345', meeting)).toBeNull();
    expect(loadRegistrationToken('ABCD2345')).toBe('tok-b');
  });
});
