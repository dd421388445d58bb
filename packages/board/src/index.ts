// The board document on Yjs: schema helpers, templates, read model and exports. The rules
// (votes, reactions, who may write what) live in @kring/core; the server writes their effects here.
// Named exports only; see `doc.ts` for the document schema.

export {
  NOTES_KEY,
  COLUMNS_KEY,
  CLUSTERS_KEY,
  META_KEY,
  NOTE_AUTHOR_KEY,
  NOTE_OWNER_KEY,
  NOTE_CONTENT_KEYS,
  NOTE_PLACEMENT_KEYS,
  NOTE_SERVER_KEYS,
  type NoteContentKey,
  type NoteWords,
} from './doc';
export { BoardInputError, NoteInputError, type BoardInputReason, type NoteInputReason } from './errors';
export { newId, isValidId } from './ids';
export { BOARD_LIMITS } from './limits';

export {
  NOTE_COLORS,
  DEFAULT_NOTE_COLOR,
  isNoteColor,
  isOwnerKey,
  validateNoteText,
  newNoteId,
  addNote,
  editNoteText,
  setNoteColor,
  deleteNote,
  readNotes,
  observeNotes,
  type Note,
  type NoteColor,
  type NewNote,
} from './notes/notes';
export {
  moveNote,
  moveNoteToColumn,
  moveNoteToCluster,
  type NotePlace,
  type MoveNoteOptions,
} from './notes/placement';
export {
  noteWordsOf,
  hasWords,
  takeWordsOffNote,
  putWordsBackOnNote,
  hideNote,
  showNote,
  removeNoteForGood,
} from './notes/moderation';
export {
  HIDDEN_NOTES_KEY,
  keepHiddenWords,
  hiddenWordsOf,
  forgetHiddenWords,
  readHiddenWords,
  type HiddenWords,
} from './moderation-doc';
export { applyReactionCounts, applyVoteCounts } from './notes/counts';

export {
  IMPLICIT_COLUMN_ID,
  addColumn,
  renameColumn,
  setColumnPrompt,
  moveColumn,
  removeColumn,
  type NewColumn,
} from './columns';
export {
  createCluster,
  renameCluster,
  moveClusterToColumn,
  removeCluster,
  type NewCluster,
} from './clusters';
export { readMeta, setBoardMeta, type BoardMeta, type BoardMetaPatch } from './meta';

export {
  REACTIONS,
  REACTION_IDS,
  isReactionId,
  toggleReaction,
  tallyReactions,
  type ReactionId,
  type ReactionCounts,
} from './reactions';

export {
  BOARD_LOCALES,
  DEFAULT_LOCALE,
  BOARD_STRINGS,
  isBoardLocale,
  boardText,
  type BoardLocale,
  type StringKey,
} from './i18n';
export {
  TEMPLATE_IDS,
  BOARD_TEMPLATES,
  isTemplateId,
  findTemplate,
  localizeTemplate,
  listTemplates,
  type TemplateId,
  type BoardTemplate,
  type TemplateColumn,
  type LocalizedTemplate,
} from './templates/catalog';
export { applyTemplate, type ApplyTemplateOptions } from './templates/apply';

export {
  readBoard,
  withoutHiddenNotes,
  observeBoard,
  type BoardData,
  type BoardColumn,
  type BoardCluster,
  type BoardNote,
  type ReadBoardOptions,
} from './read';
export {
  voteResults,
  hasResults,
  type VoteResults,
  type VoteResultsOptions,
  type RankedNote,
  type RankedGroup,
  type ColumnResults,
} from './results';
export { toMarkdown } from './export/markdown';
export { toCsv, CSV_HEADER, type CsvOptions } from './export/csv';
export { toJson, JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION } from './export/json';
export type { AuthorNames, ExportOptions } from './export/common';
