import { describe, expect, it } from 'vitest';
import { Command, LIMITS, LOCALES, type Locale, SESSION_TEMPLATE_IDS, SessionEvent } from '@kring/protocol';
import { createSession } from '../decide';
import { replay } from '../reducer';
import { withVersions } from '../versions';
import {
  BREAKOUT_PRESETS,
  type BreakoutPreset,
  breakoutPresetIn,
  breakoutPresetsIn,
  findBreakoutPreset,
} from './breakouts';
import { HOST, TestSession } from '../testing';
import { BREAKOUT_PRESET_IDS, TEMPLATE_TEXTS, defaultHostName, defaultRoomName } from './i18n';
import {
  SESSION_TEMPLATES,
  type SessionTemplate,
  findSessionTemplate,
  plannedMinutesOf,
  sessionTemplateIn,
  sessionTemplatesIn,
} from './sessions';

const OTHER_LOCALES = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');

/** Everything a session template does, without its words. */
function sessionShape(t: SessionTemplate) {
  return {
    id: t.id,
    segments: t.segments.map((s) => ({
      kind: s.kind,
      plannedMinutes: s.plannedMinutes,
      prompt: s.prompt !== undefined,
      notes: s.notes !== undefined,
      // S4/A8: setups are language-free data, the same in every language.
      setup: s.setup,
    })),
    boards: t.boards.map((b) => ({
      templateId: b.templateId,
      anonymous: b.anonymous,
      columns: b.columns?.length,
    })),
  };
}

/** Everything a preset does, without its words. */
function presetShape(p: BreakoutPreset) {
  const rooms = p.create.rooms;
  return {
    id: p.id,
    assign: p.assign,
    durationMinutes: p.durationMinutes,
    suggestedFloor: p.suggestedFloor,
    selfSelect: p.create.selfSelect,
    boardTemplateId: p.create.boardTemplateId,
    rooms:
      rooms.by === 'names'
        ? rooms.rooms.map((r) => ({
            capacity: r.capacity,
            prompt: r.prompt !== undefined,
            callUrl: r.callUrl,
          }))
        : rooms,
  };
}

/** Every word of a template, with where it is (to name the empty one). */
function wordsOf(t: SessionTemplate): [string, string][] {
  return [
    ['title', t.title],
    ['description', t.description],
    ...t.segments.flatMap((s, i) => [
      [`segment ${i} title`, s.title] as [string, string],
      ...(s.prompt !== undefined ? [[`segment ${i} prompt`, s.prompt] as [string, string]] : []),
      ...(s.notes !== undefined ? [[`segment ${i} notes`, s.notes] as [string, string]] : []),
    ]),
    ...t.boards.flatMap((b, i) => [
      [`board ${i} title`, b.title] as [string, string],
      ...(b.columns ?? []).map((c, j) => [`board ${i} column ${j}`, c] as [string, string]),
    ]),
  ];
}

describe('S4: session templates speak the facilitator’s language', () => {
  it('English is the data as it was, and the default', () => {
    expect(sessionTemplatesIn('en')).toBe(SESSION_TEMPLATES);
    expect(sessionTemplatesIn()).toBe(SESSION_TEMPLATES);
    for (const t of SESSION_TEMPLATES) {
      expect(sessionTemplateIn(t.id, 'en')).toBe(t);
      expect(sessionTemplateIn(t.id)).toBe(t);
    }
    // A few of the exact English words the e2e tests and the web app rely on.
    const ips = findSessionTemplate('ips-overview')!;
    expect(ips.title).toBe('IPS overview (three hours)');
    expect(ips.segments[0]?.title).toBe('Doors open');
    expect(ips.boards.map((b) => b.title)).toEqual(['Check-in', 'The four IPS tasks', 'Harvest']);
  });

  it('every language has every template, and no more', () => {
    for (const locale of OTHER_LOCALES) {
      expect(Object.keys(TEMPLATE_TEXTS[locale].sessions).sort()).toEqual([...SESSION_TEMPLATE_IDS].sort());
      expect(sessionTemplatesIn(locale).map((t) => t.id)).toEqual([...SESSION_TEMPLATE_IDS]);
    }
    expect(sessionTemplateIn('nope', 'nl')).toBeUndefined();
  });

  describe.each(OTHER_LOCALES)('%s', (locale) => {
    it.each(SESSION_TEMPLATE_IDS.map((id) => [id] as const))(
      '%s: the translation covers every word, item by item',
      (id) => {
        // Checked on the raw table, since the merge would quietly fill a gap with English.
        const english = findSessionTemplate(id)!;
        const text = TEMPLATE_TEXTS[locale].sessions[id];
        expect(text.segments).toHaveLength(english.segments.length);
        expect(text.boards).toHaveLength(english.boards.length);
        text.segments.forEach((s, i) => {
          const en = english.segments[i]!;
          expect(s.prompt !== undefined, `segment ${i} prompt`).toBe(en.prompt !== undefined);
          expect(s.notes !== undefined, `segment ${i} notes`).toBe(en.notes !== undefined);
        });
        text.boards.forEach((b, i) => {
          expect(b.columns?.length, `board ${i} columns`).toBe(english.boards[i]!.columns?.length);
        });
      },
    );

    it.each(SESSION_TEMPLATE_IDS.map((id) => [id] as const))(
      '%s: the same session in other words (kinds, minutes, board templates, setups), within the limits',
      (id) => {
        const english = findSessionTemplate(id)!;
        const t = sessionTemplateIn(id, locale)!;
        expect(sessionShape(t)).toEqual(sessionShape(english));
        expect(plannedMinutesOf(t)).toBe(plannedMinutesOf(english));
        for (const [where, text] of wordsOf(t)) {
          expect(text.trim(), where).not.toBe('');
        }
        for (const s of t.segments) {
          expect(s.title.length).toBeLessThanOrEqual(LIMITS.segmentTitleMax);
          expect((s.prompt ?? '').length).toBeLessThanOrEqual(LIMITS.segmentPromptMax);
          expect((s.notes ?? '').length).toBeLessThanOrEqual(LIMITS.segmentNotesMax);
        }
        for (const b of t.boards) {
          expect(b.title.length).toBeLessThanOrEqual(LIMITS.titleMax);
          for (const c of b.columns ?? []) expect(c.length).toBeLessThanOrEqual(LIMITS.titleMax);
        }
        // Translated: the title and description differ from the English.
        expect(t.title).not.toBe(english.title);
        expect(t.description).not.toBe(english.description);
        // The English data is left as it was.
        expect(findSessionTemplate(id)).toBe(english);
      },
    );
  });

  it.each(OTHER_LOCALES.map((l) => [l] as const))(
    'S2 with S4 (%s): a session from a translated template starts with its words, all valid events',
    (locale) => {
      for (const template of sessionTemplatesIn(locale)) {
        const events = withVersions(
          0,
          createSession({
            sessionId: 'session1',
            title: 'T',
            joinCode: 'ABCDEF',
            hostId: 'host01',
            hostName: 'Host',
            boardId: 'board00',
            now: 1000,
            template: {
              template,
              segmentIds: template.segments.map((_, i) => `segment${i}`),
              boardIds: template.boards.map((_, i) => `board${i}`),
            },
          }),
        );
        for (const e of events) expect(SessionEvent.safeParse(e).success).toBe(true);
        const state = replay(events);
        expect(state.agenda.segments.map((s) => [s.title, s.prompt, s.notes])).toEqual(
          template.segments.map((s) => [s.title, s.prompt ?? null, s.notes ?? null]),
        );
        expect(state.boards.map((b) => [b.title, b.templateId])).toEqual(
          template.boards.map((b) => [b.title, b.templateId]),
        );
      }
    },
  );

  it('the IPS overview names the four tasks in the field’s words', () => {
    const nl = sessionTemplateIn('ips-overview', 'nl')!;
    expect(nl.segments.map((s) => s.title)).toContain('De vier IPS-taken');
    expect(nl.segments.find((s) => s.kind === 'board_work' && s.plannedMinutes === 30)?.prompt).toMatch(
      /verbinding, wereldbeeld, wederkerigheid, bewegen naar/i,
    );
    expect(nl.boards.map((b) => b.title)).toEqual(['Check-in', 'De vier IPS-taken', 'Oogst']);
    const fr = sessionTemplateIn('ips-overview', 'fr')!;
    expect(fr.segments.find((s) => s.kind === 'board_work' && s.plannedMinutes === 30)?.prompt).toMatch(
      /connexion, vision du monde, mutualité, aller vers/i,
    );
    expect(fr.boards.map((b) => b.title)).toEqual(["Tour d'inclusion", 'Les quatre tâches IPS', 'Récolte']);
  });

  it('French puts a no-break space before ? ! : ; so no line starts with one', () => {
    for (const t of sessionTemplatesIn('fr')) {
      for (const [where, text] of wordsOf(t)) expect(text, where).not.toMatch(/ [?!:;»]/);
    }
    for (const p of breakoutPresetsIn('fr')) {
      expect(`${p.title} ${p.description}`).not.toMatch(/ [?!:;»]/);
    }
    expect(sessionTemplateIn('ips-overview', 'fr')!.segments[9]?.prompt).toBe(
      "Un mot chacun\u00a0: qu'est-ce que vous emportez\u00a0?",
    );
  });
});

describe('S4: breakout presets speak the facilitator’s language', () => {
  it('English is the data as it was, and the default', () => {
    expect(breakoutPresetsIn('en')).toBe(BREAKOUT_PRESETS);
    expect(breakoutPresetsIn()).toBe(BREAKOUT_PRESETS);
    expect(breakoutPresetIn('ips-four-tasks')).toBe(findBreakoutPreset('ips-four-tasks'));
    expect(BREAKOUT_PRESETS.map((p) => p.id)).toEqual([...BREAKOUT_PRESET_IDS]);
  });

  describe.each(OTHER_LOCALES)('%s', (locale) => {
    it('has every preset, each the same setup in other words and a valid breakout.create', () => {
      const presets = breakoutPresetsIn(locale);
      expect(Object.keys(TEMPLATE_TEXTS[locale].breakouts).sort()).toEqual([...BREAKOUT_PRESET_IDS].sort());
      expect(presets.map(presetShape)).toEqual(BREAKOUT_PRESETS.map(presetShape));
      presets.forEach((p, i) => {
        const english = BREAKOUT_PRESETS[i]!;
        expect(Command.safeParse(p.create).success).toBe(true);
        expect(p.title.trim()).not.toBe('');
        expect(p.description.trim()).not.toBe('');
        expect(p.title).not.toBe(english.title);
        const text = TEMPLATE_TEXTS[locale].breakouts[p.id];
        const rooms = english.create.rooms;
        expect(text.rooms?.length).toBe(rooms.by === 'names' ? rooms.rooms.length : undefined);
        if (p.create.rooms.by !== 'names') return;
        for (const room of p.create.rooms.rooms) {
          expect(room.name.trim()).not.toBe('');
          expect(room.name.length).toBeLessThanOrEqual(LIMITS.roomNameMax);
          if (room.prompt !== undefined) expect(room.prompt.trim()).not.toBe('');
        }
      });
      expect(breakoutPresetIn('nope', locale)).toBeUndefined();
    });
  });

  it('S3 in every language: the IPS task rooms are the four tasks, at most eight each', () => {
    const names = (locale: Locale) => {
      const rooms = breakoutPresetIn('ips-four-tasks', locale)?.create.rooms;
      return rooms?.by === 'names' ? rooms.rooms.map((r) => [r.name, r.capacity]) : [];
    };
    expect(names('en')).toEqual([
      ['Connection', 8],
      ['Worldview', 8],
      ['Mutuality', 8],
      ['Moving towards', 8],
    ]);
    expect(names('nl')).toEqual([
      ['Verbinding', 8],
      ['Wereldbeeld', 8],
      ['Wederkerigheid', 8],
      ['Bewegen naar', 8],
    ]);
    expect(names('fr')).toEqual([
      ['Connexion', 8],
      ['Vision du monde', 8],
      ['Mutualité', 8],
      ['Aller vers', 8],
    ]);
  });
});

describe('S4: the names the server gives follow the facilitator’s language', () => {
  const blank = (locale?: Locale) =>
    replay(
      withVersions(
        0,
        createSession({
          sessionId: 'session1',
          title: 'Inloop',
          joinCode: 'ABCDEF',
          hostId: 'host01',
          hostName: 'Hanna',
          boardId: 'board1',
          now: 1,
          ...(locale ? { locale } : {}),
        }),
      ),
    );

  it('the blank session’s board: "Board", "Bord", "Tableau"', () => {
    expect(blank().boards[0]?.title).toBe('Board');
    expect(blank('nl').boards[0]?.title).toBe('Bord');
    expect(blank('fr').boards[0]?.title).toBe('Tableau');
  });

  it('rooms made by number or size are numbered in the facilitator’s language; named rooms keep their names', () => {
    for (const [locale, first] of [
      [undefined, 'Room 1'],
      ['nl', 'Deelgroep 1'],
      ['fr', 'Salle 1'],
    ] as const) {
      const s = new TestSession();
      s.ok(HOST, {
        type: 'breakout.create',
        rooms: { by: 'count', count: 2 },
        ...(locale ? { locale } : {}),
      });
      expect(s.state.breakouts.current?.rooms.map((r) => r.name)).toEqual([first, first.replace('1', '2')]);
    }
    expect(defaultHostName('nl')).toBe('Begeleider');
    expect(defaultRoomName(3, 'fr')).toBe('Salle 3');
  });
});
