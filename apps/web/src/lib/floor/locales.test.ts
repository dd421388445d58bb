import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { floorAnnouncements } from './announcements';
import { fishbowl, hand, ids, open, people, piece, round, speaking } from './fixtures';
import { floorSummary, MODE_LABEL, queuePlace, yourPlace } from './labels';
import { labelFor, listNames, nameOf } from './people';
import { refusalText } from './refusals';
import { roundProgress, ROUND_STATUS_LABEL } from './round';
import { describeDuration, minutesText, parseCount, parseSoftMinutes, softTimeText } from './time';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('the floor in Dutch and French', () => {
  it('names modes, people and lists in the page’s language, and follows a switch', () => {
    overwriteGetLocale(() => 'nl');
    expect(MODE_LABEL.piece).toBe('Praatstok');
    expect(Object.values(MODE_LABEL)).toContain('Reflecterend team');
    expect(listNames(['Ana', 'Bo', 'Cas'])).toBe('Ana, Bo en Cas');
    expect(labelFor(people, ids.ana, ids.ana)).toBe('Ana (jij)');
    expect(nameOf(people, 'gone-0001')).toBe('Iemand die vertrokken is');
    expect(ROUND_STATUS_LABEL.passed).toBe('heeft gepast');
    overwriteGetLocale(() => 'fr');
    expect(MODE_LABEL.piece).toBe('Bâton de parole');
    expect(listNames(['Ana', 'Bo'])).toBe('Ana et Bo');
  });

  it('says who speaks and where you stand', () => {
    const floor = open({ speaker: speaking(ids.ana), hands: [hand(ids.bo)] });
    overwriteGetLocale(() => 'nl');
    expect(floorSummary(floor, people, ids.bo)).toEqual({
      speakingLabel: 'Aan het woord',
      speaking: 'Ana',
      next: 'Jij',
    });
    expect(yourPlace(floor, ids.bo, people, true).text).toBe('Jij bent hierna aan de beurt. Ana spreekt nu.');
    overwriteGetLocale(() => 'fr');
    expect(yourPlace(floor, ids.cas, people, true).text).toBe('Ana a la parole. Merci d’écouter.');
    expect(floorSummary(piece(null), people, ids.ana).speaking).toBe(
      'Personne\u00a0: le bâton est au centre',
    );
  });

  it('announces turns to screen readers in the page’s language', () => {
    const before = open({ hands: [hand(ids.ana), hand(ids.bo)] });
    const after = open({ speaker: speaking(ids.ana), hands: [hand(ids.bo)] });
    overwriteGetLocale(() => 'nl');
    expect(floorAnnouncements(before, after, ids.ana, people)).toEqual(['Het is jouw beurt.']);
    expect(floorAnnouncements(before, after, ids.bo, people)).toEqual([
      'Jij bent hierna aan de beurt.',
      'Ana spreekt nu.',
    ]);
    overwriteGetLocale(() => 'fr');
    expect(floorAnnouncements(open(), round([ids.ana, ids.bo]), ids.bo, people)).toEqual([
      'Le mode de parole est maintenant\u00a0: Tour de table.',
      'Vous êtes la prochaine personne.',
      'Ana parle maintenant.',
    ]);
    expect(floorAnnouncements(fishbowl([ids.ana]), fishbowl([]), ids.ana, people)).toEqual([
      'Vous êtes de retour dans le cercle extérieur.',
    ]);
  });

  it('counts, times and numbers the way each language writes them', () => {
    overwriteGetLocale(() => 'nl');
    expect(roundProgress(round([ids.ana, ids.bo]))).toBe('Beurten voorbij: 0 van 2.');
    expect(describeDuration(60_000)).toBe('1 minuut');
    expect(describeDuration(45_000)).toBe('45 seconden');
    expect(softTimeText(61_500)).toBe('Nog 1:02 van de voorgestelde tijd');
    expect(minutesText(90_000)).toBe('1,5');
    expect(queuePlace(2)).toBe('2');
    const soft = parseSoftMinutes('61');
    expect(soft.ok || soft.error()).toBe('Vul een aantal minuten in tussen 0,1 en 60, of laat het leeg.');
    const seats = parseCount('0', 1, 50, () => 'plaatsen');
    expect(seats.ok || seats.error()).toBe('Vul een heel aantal plaatsen in, van 1 tot 50.');
    overwriteGetLocale(() => 'fr');
    expect(describeDuration(1_000)).toBe('1 seconde');
    expect(describeDuration(150_000)).toBe('2 min 30 s');
    overwriteGetLocale(() => 'en');
    expect(queuePlace(2)).toBe('2nd');
  });

  it('words a refusal from its code, never with the server’s English', () => {
    overwriteGetLocale(() => 'nl');
    expect(refusalText('Passen lukte niet', { code: 'conflict', message: 'the round is over' })).toBe(
      'Passen lukte niet: dat kan nu niet.',
    );
    expect(
      refusalText('Passen lukte niet', { code: 'conflict', message: 'the floor is in open mode, not round' }),
    ).toBe('Passen lukte niet: de werkvorm is intussen veranderd. Kijk opnieuw hoe het nu loopt.');
    overwriteGetLocale(() => 'fr');
    expect(
      refusalText('Impossible de donner la parole', {
        code: 'internal',
        message: 'Not connected. Try again in a moment.',
      }),
    ).toBe(
      'Impossible de donner la parole\u00a0: pas de connexion avec le serveur pour l’instant. Réessayez dans un moment.',
    );
    expect(
      refusalText('Impossible d’entrer dans le cercle', { code: 'full', message: 'all 3 seats are taken' }),
    ).toBe(
      'Impossible d’entrer dans le cercle\u00a0: le cercle intérieur est complet. Attendez qu’une personne en sorte, puis réessayez.',
    );
  });
});
