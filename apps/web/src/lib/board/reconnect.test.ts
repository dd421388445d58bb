import { describe, expect, it } from 'vitest';
import { WS_CLOSE } from '@kring/protocol';
import { reconnectsAfter } from './reconnect';

describe('reconnectsAfter', () => {
  it('reconnects after a rate limit (4429), as after a network drop or a restart', () => {
    expect(reconnectsAfter(WS_CLOSE.rateLimited)).toBe(true);
    expect(reconnectsAfter(1006)).toBe(true);
    expect(reconnectsAfter(1001)).toBe(true);
    expect(reconnectsAfter(1011)).toBe(true);
  });

  it('stays closed when reconnecting cannot help (no access, no board, too large, bad message)', () => {
    for (const code of [WS_CLOSE.unauthorized, WS_CLOSE.forbidden, WS_CLOSE.notFound, WS_CLOSE.tooLarge])
      expect(reconnectsAfter(code)).toBe(false);
    expect(reconnectsAfter(WS_CLOSE.badMessage)).toBe(false);
  });
});
