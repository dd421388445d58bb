import type {
  Locale,
  SegmentBoardSetup,
  SegmentKind,
  SegmentSetup,
  SessionTemplateId,
  TemplateId,
} from '@kring/protocol';
import { type SessionTemplateText, TEMPLATE_TEXTS } from './i18n';

/**
 * Session templates (PRODUCT.md, "The run-of-show" and "Other formats"): an agenda with its boards,
 * as data. A facilitator starts from one and edits everything afterwards; nothing here is fixed
 * once the session exists. Boards name a board template of `@kring/board` by id only (core does
 * not import the board package); the server sets each board's document up from it.
 */
export interface SessionTemplateSegment {
  title: string;
  kind: SegmentKind;
  plannedMinutes: number;
  /** What people see under the segment: the question or task, in plain words. */
  prompt?: string;
  /** For facilitators only (A7). */
  notes?: string;
  /** What Start applies (A8); boards by their index in the template's `boards` (S2). Language-free (S4). */
  setup?: SessionTemplateSetup;
}

/** A segment setup in a template: the session's boards do not exist yet, so boards go by index. */
export type SessionTemplateSetup = Omit<SegmentSetup, 'board'> & {
  board?: Omit<SegmentBoardSetup, 'boardId'> & { boardIndex: number };
};

export interface SessionTemplateBoard {
  title: string;
  templateId: TemplateId;
  anonymous?: boolean;
  /** Column titles, for the `columns` board template only. */
  columns?: readonly string[];
}

export interface SessionTemplate {
  id: SessionTemplateId;
  title: string;
  description: string;
  segments: readonly SessionTemplateSegment[];
  /** In order; the first is where people land. At least one. */
  boards: readonly SessionTemplateBoard[];
}

const ipsOverview: SessionTemplate = {
  id: 'ips-overview',
  title: 'IPS overview (three hours)',
  description:
    'The three-hour Intentional Peer Support overview: check-in, history of IPS, the four tasks with private writing, breakouts, harvest, questions and a closing round.',
  segments: [
    {
      title: 'Doors open',
      kind: 'board_work',
      plannedMinutes: 10,
      setup: { board: { boardIndex: 0 } },
      prompt: 'Choose a display name and your language. On the check-in board: one word for how you arrive.',
      notes: 'Share the link and QR code in the call chat. Check that captions run.',
    },
    {
      title: 'Welcome and agreements',
      kind: 'talk',
      plannedMinutes: 10,
      prompt: 'How we want to be together today. Passing is always fine.',
    },
    {
      title: 'Check-in round in small rooms',
      kind: 'round',
      plannedMinutes: 15,
      setup: { breakout: { presetId: 'ips-check-in', minutes: 12 } },
      prompt:
        'In rooms of five: about a minute each. How do you arrive, and what brings you here? You may pass.',
      notes: 'Random rooms of 5. Everyone back after 12 minutes.',
    },
    {
      title: 'History of IPS',
      kind: 'talk',
      plannedMinutes: 25,
      setup: { floor: { mode: 'open' } },
      prompt: 'Questions are welcome any time, also anonymously. Upvote the ones you want answered.',
    },
    {
      title: 'The four IPS tasks',
      kind: 'board_work',
      plannedMinutes: 30,
      setup: { timerMinutes: 8, board: { boardIndex: 1, phase: 'private' } },
      prompt:
        'Connection, worldview, mutuality, moving towards: write privately for 8 minutes, then we reveal, cluster and react.',
      notes: 'Start private writing with an 8-minute timer; reveal; then cluster and react together.',
    },
    {
      title: 'Break',
      kind: 'break',
      plannedMinutes: 10,
      setup: { timerMinutes: 10 },
      prompt: 'Stretch, drink something. Back when the timer ends.',
    },
    {
      title: 'Breakouts: one room per task',
      kind: 'breakouts',
      plannedMinutes: 30,
      setup: { breakout: { presetId: 'ips-four-tasks', minutes: 30 } },
      prompt:
        'Choose the task that speaks to you (at most 8 per room). Reflecting-team style: some speak while others listen, then swap.',
    },
    {
      title: 'Harvest',
      kind: 'open_floor',
      plannedMinutes: 20,
      setup: { floor: { mode: 'open' }, board: { boardIndex: 2 } },
      prompt: 'What did the rooms find? Look at the boards together; raise your hand to speak.',
    },
    {
      title: 'Questions and answers',
      kind: 'qa',
      plannedMinutes: 20,
      setup: { floor: { mode: 'open' } },
      prompt: 'The most-voted questions first.',
    },
    {
      title: 'Closing round',
      kind: 'closing',
      plannedMinutes: 10,
      setup: { timerMinutes: 10, floor: { mode: 'round', orderBy: 'join' } },
      prompt: 'One word each: what do you take with you?',
      notes: 'Tell people what is exported and how long it is kept.',
    },
  ],
  boards: [
    { title: 'Check-in', templateId: 'check-in' },
    { title: 'The four IPS tasks', templateId: 'ips-four-tasks' },
    {
      title: 'Harvest',
      templateId: 'columns',
      columns: ['What we found', 'What we take with us', 'Questions'],
    },
  ],
};

const inspirationMeeting: SessionTemplate = {
  id: 'inspiration-meeting',
  title: 'Inspiration meeting',
  description:
    'An inspiring kick-off talk, three practice examples, an interactive part and a closing word (90 minutes).',
  segments: [
    {
      title: 'Welcome and check-in',
      kind: 'board_work',
      plannedMinutes: 5,
      setup: { board: { boardIndex: 0 } },
      prompt: 'One word for how you arrive.',
    },
    {
      title: 'Kick-off talk',
      kind: 'talk',
      plannedMinutes: 20,
      setup: { timerMinutes: 20, board: { boardIndex: 1 } },
      prompt: 'Write down what strikes you; questions are welcome in Q&A.',
    },
    {
      title: 'Practice example 1',
      kind: 'talk',
      plannedMinutes: 12,
      setup: { timerMinutes: 12 },
      prompt: 'What do you recognise? What would you like to try?',
    },
    {
      title: 'Practice example 2',
      kind: 'talk',
      plannedMinutes: 12,
      setup: { timerMinutes: 12 },
      prompt: 'What do you recognise? What would you like to try?',
    },
    {
      title: 'Practice example 3',
      kind: 'talk',
      plannedMinutes: 12,
      setup: { timerMinutes: 12 },
      prompt: 'What do you recognise? What would you like to try?',
    },
    {
      title: 'Interaction',
      kind: 'breakouts',
      plannedMinutes: 20,
      setup: { breakout: { presetId: 'pairs', minutes: 15 } },
      prompt: 'In small groups: what inspires you, and what would you take to your own practice?',
    },
    {
      title: 'Closing word',
      kind: 'closing',
      plannedMinutes: 9,
      setup: { floor: { mode: 'round', orderBy: 'join' } },
      prompt: 'A closing word, and one thing each of us takes home.',
    },
  ],
  boards: [
    { title: 'Check-in', templateId: 'check-in' },
    {
      title: 'Inspiration',
      templateId: 'columns',
      columns: ['What strikes me', 'What I recognise', 'What I want to try', 'Questions'],
    },
  ],
};

const intervision: SessionTemplate = {
  id: 'intervision',
  title: 'Intervision (incident method)',
  description:
    'Peer intervision by the incident method: one person brings a case, then rounds of clarifying questions, reflections and advice; the case-bringer closes.',
  segments: [
    {
      title: 'Check-in and choosing a case',
      kind: 'round',
      plannedMinutes: 10,
      setup: { floor: { mode: 'round', orderBy: 'join' }, board: { boardIndex: 0 } },
      prompt: 'How do you arrive? Who brings a situation today?',
    },
    {
      title: 'The case',
      kind: 'talk',
      plannedMinutes: 10,
      setup: { timerMinutes: 10, floor: { mode: 'piece' } },
      prompt:
        'The case-bringer describes a concrete situation and the question they have about it. Others listen.',
    },
    {
      title: 'Clarifying questions round',
      kind: 'round',
      plannedMinutes: 15,
      setup: { timerMinutes: 15, floor: { mode: 'round', orderBy: 'join' } },
      prompt: 'Only questions to understand the situation better: no advice yet, no opinions.',
    },
    {
      title: 'Reflections round',
      kind: 'round',
      plannedMinutes: 15,
      setup: { timerMinutes: 15, floor: { mode: 'round', orderBy: 'random' } },
      prompt: 'What does the case bring up in you? Speak from your own experience. The case-bringer listens.',
    },
    {
      title: 'Advice round',
      kind: 'round',
      plannedMinutes: 15,
      setup: { timerMinutes: 15, floor: { mode: 'round', orderBy: 'random' } },
      prompt:
        'If you were in this situation, what might you try? The case-bringer listens without answering.',
    },
    {
      title: 'The case-bringer closes',
      kind: 'closing',
      plannedMinutes: 10,
      setup: { floor: { mode: 'open' } },
      prompt: 'What did you hear that helps you? What do you take with you?',
    },
  ],
  boards: [{ title: 'Intervision', templateId: 'intervision-incident' }],
};

const openDialogue: SessionTemplate = {
  id: 'open-dialogue',
  title: 'Open Dialogue meeting with a reflecting team',
  description:
    'A network meeting in the Open Dialogue way: every voice heard, a reflecting team that talks while the others listen, then responses.',
  segments: [
    {
      title: 'Opening',
      kind: 'talk',
      plannedMinutes: 5,
      setup: { floor: { mode: 'open' } },
      prompt: 'Who is here, and how shall we use this time? Everyone may speak in their own words.',
    },
    {
      title: 'Every voice',
      kind: 'round',
      plannedMinutes: 25,
      setup: { floor: { mode: 'round', orderBy: 'join' } },
      prompt: 'Each person says what they think is important to talk about. Passing is fine.',
    },
    {
      title: 'Reflecting team',
      kind: 'open_floor',
      plannedMinutes: 15,
      setup: { floor: { mode: 'reflecting', teamSize: 3 } },
      prompt:
        'The team reflects aloud on what they heard, with each other, while the others listen. Tentative, respectful, no conclusions.',
      notes: 'Use the reflecting-team floor mode: name the team, then swap phases.',
    },
    {
      title: 'Responses',
      kind: 'open_floor',
      plannedMinutes: 15,
      setup: { floor: { mode: 'open', quietFirst: true }, board: { boardIndex: 0 } },
      prompt: 'What did you hear in the reflections? What stays with you?',
    },
    {
      title: 'Closing and next steps',
      kind: 'closing',
      plannedMinutes: 10,
      setup: { floor: { mode: 'round', orderBy: 'join' } },
      prompt: 'How was this meeting for you? When do we meet again?',
    },
  ],
  boards: [
    {
      title: 'What we heard',
      templateId: 'columns',
      columns: ['Voices', 'Reflections', 'Open questions', 'Next steps'],
    },
  ],
};

const recoveryWorkshop: SessionTemplate = {
  id: 'recovery-workshop',
  title: 'Recovery / WRAP workshop',
  description:
    'A recovery workshop in the spirit of WRAP: check-in, what keeps me well, early signs and what helps, in small groups, and a closing round.',
  segments: [
    {
      title: 'Check-in',
      kind: 'board_work',
      plannedMinutes: 10,
      setup: { board: { boardIndex: 0 } },
      prompt: 'One word for how you arrive.',
    },
    {
      title: 'Introduction and agreements',
      kind: 'talk',
      plannedMinutes: 10,
      setup: { floor: { mode: 'open' } },
      prompt: 'You decide what you share. Passing is always fine.',
    },
    {
      title: 'What keeps me well',
      kind: 'board_work',
      plannedMinutes: 20,
      setup: { timerMinutes: 10, board: { boardIndex: 1, phase: 'private' } },
      prompt: 'Write privately first: what do you do, every day, that helps you feel well? Then we reveal.',
    },
    {
      title: 'Early signs and what helps',
      kind: 'breakouts',
      plannedMinutes: 25,
      setup: { breakout: { presetId: 'pairs', minutes: 20 } },
      prompt: 'In small groups: how do you notice things get harder, and what helps then?',
    },
    { title: 'Break', kind: 'break', plannedMinutes: 10, setup: { timerMinutes: 10 } },
    {
      title: 'Sharing',
      kind: 'open_floor',
      plannedMinutes: 15,
      setup: { floor: { mode: 'open', quietFirst: true }, board: { boardIndex: 1 } },
      prompt: 'What did you find in your group? Raise your hand to speak.',
    },
    {
      title: 'Closing round',
      kind: 'closing',
      plannedMinutes: 10,
      setup: { floor: { mode: 'round', orderBy: 'join' } },
      prompt: 'One thing you will try this week.',
    },
  ],
  boards: [
    { title: 'Check-in', templateId: 'check-in' },
    {
      title: 'My wellness toolbox',
      templateId: 'columns',
      columns: ['What keeps me well', 'Early signs', 'What helps then', 'Who can support me'],
      anonymous: true,
    },
  ],
};

const summitPlanning: SessionTemplate = {
  id: 'summit-planning',
  title: 'Summit planning meeting',
  description:
    'A core-group meeting: check-in, agenda items with timers, decisions and actions, and a closing round. The board keeps ideas, decisions, actions and open questions between meetings.',
  segments: [
    {
      title: 'Check-in',
      kind: 'round',
      plannedMinutes: 10,
      setup: { floor: { mode: 'round', orderBy: 'join' }, board: { boardIndex: 0 } },
      prompt: 'How do you arrive? Anything the group should know today?',
    },
    {
      title: 'Agenda item 1',
      kind: 'open_floor',
      plannedMinutes: 20,
      setup: { timerMinutes: 20, floor: { mode: 'open' }, board: { boardIndex: 0 } },
      prompt: 'Rename this item. Ideas and questions go on the planning board.',
    },
    {
      title: 'Agenda item 2',
      kind: 'open_floor',
      plannedMinutes: 20,
      setup: { timerMinutes: 20, floor: { mode: 'open' }, board: { boardIndex: 0 } },
      prompt: 'Rename this item. Ideas and questions go on the planning board.',
    },
    {
      title: 'Decisions and actions',
      kind: 'board_work',
      plannedMinutes: 15,
      setup: { timerMinutes: 15, board: { boardIndex: 0 } },
      prompt: 'What did we decide? Who does what, by when?',
    },
    {
      title: 'Closing round',
      kind: 'closing',
      plannedMinutes: 5,
      setup: { timerMinutes: 5, floor: { mode: 'round', orderBy: 'join' } },
      prompt: 'One word each. When do we meet next?',
    },
  ],
  boards: [{ title: 'Summit planning', templateId: 'summit-planning' }],
};

/** In picker order. */
export const SESSION_TEMPLATES: readonly SessionTemplate[] = [
  ipsOverview,
  inspirationMeeting,
  intervision,
  openDialogue,
  recoveryWorkshop,
  summitPlanning,
];

export function findSessionTemplate(id: string): SessionTemplate | undefined {
  return SESSION_TEMPLATES.find((t) => t.id === id);
}

/**
 * S2: a template's setup with its boards named by the ids the session gave them. A board index
 * out of range is a mistake in the template data (the tests check none is).
 */
export function setupWithBoards(
  setup: SessionTemplateSetup | undefined,
  boardIds: readonly string[],
): SegmentSetup | null {
  if (!setup) return null;
  const { board, ...rest } = setup;
  if (!board) return rest;
  const { boardIndex, ...boardRest } = board;
  const boardId = boardIds[boardIndex];
  if (boardId === undefined) throw new Error(`template setup names board ${boardIndex}, which is not there`);
  return { ...rest, board: { boardId, ...boardRest } };
}

/**
 * S2: the template boards a later segment brings everyone to first: they are created locked, so
 * they stay closed until their segment's Start unlocks them (A8).
 */
export function boardsKeptClosed(template: Pick<SessionTemplate, 'segments' | 'boards'>): Set<number> {
  const firstUse = new Map<number, number>();
  template.segments.forEach((segment, index) => {
    const boardIndex = segment.setup?.board?.boardIndex;
    if (boardIndex !== undefined && !firstUse.has(boardIndex)) firstUse.set(boardIndex, index);
  });
  return new Set(
    [...firstUse].filter(([, segmentIndex]) => segmentIndex > 0).map(([boardIndex]) => boardIndex),
  );
}

/** The planned length of a template's agenda, in minutes. */
export function plannedMinutesOf(template: SessionTemplate): number {
  return template.segments.reduce((sum, s) => sum + s.plannedMinutes, 0);
}

/**
 * S4: a session template in the facilitator's language (English when left out). Only the words
 * change; kinds, minutes and board templates are the English template's, so every language runs
 * the same session. Undefined for an unknown id.
 */
export function sessionTemplateIn(id: string, locale: Locale = 'en'): SessionTemplate | undefined {
  const template = findSessionTemplate(id);
  if (!template || locale === 'en') return template;
  return localized(template, TEMPLATE_TEXTS[locale].sessions[template.id]);
}

/** S4: every session template in a language, in picker order (title and description for the picker). */
export function sessionTemplatesIn(locale: Locale = 'en'): readonly SessionTemplate[] {
  if (locale === 'en') return SESSION_TEMPLATES;
  return SESSION_TEMPLATES.map((t) => localized(t, TEMPLATE_TEXTS[locale].sessions[t.id]));
}

/**
 * The English template with the translated words put in, item by item. A word the translation
 * lacks stays English rather than leaving a gap (the tests make sure none is lacking); optional
 * words follow the English, so a translation cannot add or drop a prompt, notes or columns.
 */
function localized(template: SessionTemplate, text: SessionTemplateText): SessionTemplate {
  return {
    ...template,
    title: text.title,
    description: text.description,
    segments: template.segments.map((segment, i) => {
      const words = text.segments[i];
      return {
        ...segment,
        title: words?.title ?? segment.title,
        ...(segment.prompt !== undefined ? { prompt: words?.prompt ?? segment.prompt } : {}),
        ...(segment.notes !== undefined ? { notes: words?.notes ?? segment.notes } : {}),
      };
    }),
    boards: template.boards.map((board, i) => {
      const words = text.boards[i];
      const columns = words?.columns?.length === board.columns?.length ? words?.columns : undefined;
      return {
        ...board,
        title: words?.title ?? board.title,
        ...(board.columns !== undefined ? { columns: columns ?? board.columns } : {}),
      };
    }),
  };
}
