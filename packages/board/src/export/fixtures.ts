import * as Y from 'yjs';
import {
  addNote,
  applyReactionCounts,
  applyTemplate,
  applyVoteCounts,
  createCluster,
  readBoard,
  renameColumn,
  hideNote,
  readHiddenWords,
  type BoardData,
} from '../index';

/**
 * Test support: boards with text that breaks naive exporters (commas, quotes, line breaks,
 * Markdown syntax, HTML, formulas, emoji, right-to-left scripts). Fixed ids and times so the
 * golden files are stable.
 */
const T0 = Date.UTC(2025, 9, 5, 16, 0, 0); // 5 October 2025, a summit Sunday

export const AUTHOR_NAMES = {
  ann: 'Anne-Marie "AM" de Vries, Gent',
  bo: 'Bo',
  salma: 'سلمى',
  '=evil': '=HYPERLINK("http://x")',
};

/** The tricky board and its moderation document (the hidden note's words wait there, BD14). */
export function trickyDocs(): { doc: Y.Doc; moderation: Y.Doc } {
  const doc = new Y.Doc();
  const moderation = new Y.Doc();
  applyTemplate(doc, 'summit-planning', { title: 'Summit 2025: "core group" #3 <planning>' });
  renameColumn(doc, 'ideas', 'Ideas & dreams | now');
  const note = (id: string, text: string, authorId: string, minute: number, extra: object = {}) =>
    addNote(doc, { id, text, color: 'yellow', authorId, createdAt: T0 + minute * 60_000, ...extra });

  note('comma', 'Venue in Gent, or online; "hybrid" if we can', 'ann', 1, {
    columnId: 'ideas',
    color: 'green',
  });
  note('lines', 'First line\nsecond line\r\n\r\nNew paragraph after a blank line', 'bo', 2, {
    columnId: 'ideas',
  });
  note(
    'markdown',
    '# not a heading *not bold* _nor this_ [not](a link) <b>no html</b> `code` & | ~x~',
    'bo',
    3,
    { columnId: 'ideas' },
  );
  note('list', '1. not a list\n- nor this\n---\n> not a quote', 'salma', 4, { columnId: 'decisions' });
  note('emoji', '🌱 Groei 💚 — één woord: verbonden', 'salma', 5, { columnId: 'decisions', color: 'pink' });
  note('rtl', 'مرحبا بالجميع — שלום לכולם', 'salma', 6, { columnId: 'actions', color: 'blue' });
  note('formula', '=SUM(A1:A9) and +1 and -2 and @here', '=evil', 7, { columnId: 'actions' });
  note('hidden', 'A note a facilitator hid', 'bo', 8, { columnId: 'actions', color: 'purple' });
  note('unknown-author', 'Written by someone who left', 'gone', 9, { columnId: 'open-questions' });
  note(
    'orphan',
    'In a column that was removed', // its column id points nowhere: it shows under Notes
    'ann',
    10,
    { columnId: 'scrapped' },
  );

  createCluster(doc, {
    id: 'venue',
    title: 'Venue, dates & "where"',
    columnId: 'ideas',
    noteIds: ['comma', 'markdown'],
    createdAt: T0 + 20 * 60_000,
  });
  hideNote(doc, moderation, 'hidden');
  applyReactionCounts(doc, 'comma', { heart: 3, 'me-too': 1 });
  applyReactionCounts(doc, 'emoji', { thanks: 1, idea: 2, question: 1 });
  // A dot vote's results: a three-way tie for second place, and votes on the hidden note that no
  // ranking may count.
  applyVoteCounts(doc, { comma: 4, markdown: 2, rtl: 2, formula: 2, hidden: 5, emoji: 1 });
  return { doc, moderation };
}

/** As a facilitator exports it: hidden notes with their words, marked hidden. */
export function trickyBoard(): BoardData {
  const { doc, moderation } = trickyDocs();
  return readBoard(doc, { hiddenWords: readHiddenWords(moderation) });
}

/** The same words on an anonymous board: the document still has author ids (written before the switch). */
export function anonymousBoard(): { doc: Y.Doc; board: BoardData } {
  const doc = new Y.Doc();
  applyTemplate(doc, 'ips-four-tasks', { anonymous: true, title: 'IPS overview — room 3' });
  addNote(doc, {
    id: 'a1',
    text: 'Feeling heard, without advice',
    color: 'green',
    authorId: 'ann',
    columnId: 'connection',
    createdAt: T0,
  });
  addNote(doc, {
    id: 'a2',
    text: 'My "normal" is not yours, and that\'s ok',
    color: 'blue',
    columnId: 'worldview',
    createdAt: T0 + 60_000,
  });
  addNote(doc, {
    id: 'a3',
    text: 'Learning both ways: giving and receiving',
    color: 'pink',
    authorId: 'bo',
    columnId: 'mutuality',
    createdAt: T0 + 120_000,
  });
  applyReactionCounts(doc, 'a1', { 'me-too': 5 });
  applyVoteCounts(doc, { a1: 2 });
  return { doc, board: readBoard(doc) };
}
