import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import type { FloorView } from '@kring/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { floorSummary } from './floor-summary';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));
const nameOf = (id: string) => ({ a: 'Ana', b: 'Bo' })[id] ?? 'Iemand';
const common = { softTurnMs: null, balance: null };

describe('floorSummary in Dutch and French', () => {
  it('tells the floor in the page’s language, with plurals', () => {
    const open: FloorView = {
      mode: 'open',
      ...common,
      speaker: { participantId: 'a', startedAt: 1 },
      hands: [{ participantId: 'b', raisedAt: 2 }],
      quietFirst: false,
      next: 'b',
    };
    overwriteGetLocale(() => 'nl');
    expect(floorSummary(open, nameOf)).toMatchObject({
      mode: 'Open gesprek',
      speakingLabel: 'Aan het woord',
      detail: '1 hand opgestoken',
    });
    overwriteGetLocale(() => 'fr');
    const bowl = floorSummary(
      { mode: 'fishbowl', ...common, speaker: null, next: null, seats: 3, inner: [] },
      nameOf,
    );
    expect(bowl).toMatchObject({ mode: 'Fishbowl', whenNobody: 'Le cercle intérieur est vide' });
    expect(bowl.detail).toBe('Places occupées\u00a0: 0 sur 3');
  });
});
