import { LIMITS, NOTE_COLORS, OwnerKey } from '@kring/protocol';
import * as Y from 'yjs';
import { type Entry, NOTE_OWNER_KEY, entryOf, notesRoot, readNumber, readString } from '../doc';
import { NoteInputError } from '../errors';
import { assertValidId, newId } from '../ids';

/**
 * Notes: root map `notes`, note id → Y.Map. Text is a plain string (last writer wins): notes are
 * short and written by one person. This file is the note's own life (add, edit, recolour, delete,
 * read); placement, moderation and counts live next to it.
 */
// Colours are part of the wire protocol (`note.add` names one), so they are defined there.
export { NOTE_COLORS };
export type NoteColor = (typeof NOTE_COLORS)[number];
export const DEFAULT_NOTE_COLOR: NoteColor = 'yellow';

export interface Note {
  id: string;
  text: string;
  color: NoteColor;
  /** '' when the note has no author in the document (anonymous boards). */
  authorId: string;
  createdAt: number;
  columnId?: string;
  clusterId?: string;
  /** Its place in its column or group, once someone placed it (`moveNote`). */
  order?: number;
  hidden?: true;
  /** BD15: on an anonymous board, the hash of a secret its writer's device keeps. */
  ownerKey?: string;
}

export interface NewNote {
  text: string;
  color: NoteColor;
  /** Leave out on anonymous boards: nothing in the document may link a note to its author. */
  authorId?: string;
  columnId?: string;
  clusterId?: string;
  /** Its place in its column or group (left out: by when it was written, see `notePlaceKey`). */
  order?: number;
  /** Defaults to `Date.now()`. */
  createdAt?: number;
  /** Defaults to a fresh random id. */
  id?: string;
  /** BD15: on anonymous boards, what makes the note its writer's (see `NOTE_OWNER_KEY`). */
  ownerKey?: string;
  /**
   * BD17: the note lands hidden, as a facilitator's hiding leaves it (BD11): marked `hidden`, its
   * words (text, colour) not written here at all. Keep them in the board's moderation document
   * first (`keepHiddenWords`); showing the note (`putWordsBackOnNote`) brings them.
   */
  hidden?: boolean;
}

export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value);
}

/** Trims and checks note text against `LIMITS.noteTextMax`; returns the text to store. */
export function validateNoteText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new NoteInputError('empty', 'A note needs some text.');
  if (trimmed.length > LIMITS.noteTextMax) {
    throw new NoteInputError('too_long', `A note can have at most ${LIMITS.noteTextMax} characters.`);
  }
  return trimmed;
}

function validateColor(color: unknown): NoteColor {
  if (!isNoteColor(color)) throw new NoteInputError('bad_color', `Unknown note colour: ${String(color)}`);
  return color;
}

export const newNoteId = newId;

/** BD15: an owner key as the protocol writes it (base64url SHA-256, 43 characters). */
export function isOwnerKey(value: unknown): value is string {
  return typeof value === 'string' && OwnerKey.safeParse(value).success;
}

function assertOwnerKey(value: string): string {
  if (!isOwnerKey(value)) throw new NoteInputError('bad_owner_key', 'Not a valid owner key.');
  return value;
}

function assertOrder(value: number): number {
  if (!Number.isFinite(value)) throw new NoteInputError('bad_order', 'A note’s order is a finite number.');
  return value;
}

export function noteEntry(doc: Y.Doc, id: string): Entry | undefined {
  return entryOf(notesRoot(doc), id);
}

/** Adds a note in one transaction and returns it as stored. */
export function addNote(doc: Y.Doc, input: NewNote): Note {
  const note: Note = {
    id: input.id ?? newNoteId(),
    text: validateNoteText(input.text),
    color: validateColor(input.color),
    authorId: input.authorId ?? '',
    createdAt: input.createdAt ?? Date.now(),
  };
  assertValidId(note.id);
  if (input.columnId !== undefined) note.columnId = assertValidId(input.columnId);
  if (input.clusterId !== undefined) note.clusterId = assertValidId(input.clusterId);
  if (input.ownerKey !== undefined) note.ownerKey = assertOwnerKey(input.ownerKey);
  if (input.order !== undefined) note.order = assertOrder(input.order);
  if (input.hidden) note.hidden = true;
  doc.transact(() => {
    const map: Entry = new Y.Map<unknown>();
    notesRoot(doc).set(note.id, map);
    if (note.hidden) {
      map.set('hidden', true);
    } else {
      map.set('text', note.text);
      map.set('color', note.color);
    }
    if (note.authorId !== '') map.set('authorId', note.authorId);
    map.set('createdAt', note.createdAt);
    if (note.columnId !== undefined) map.set('columnId', note.columnId);
    if (note.clusterId !== undefined) map.set('clusterId', note.clusterId);
    if (note.order !== undefined) map.set('order', note.order);
    if (note.ownerKey !== undefined) map.set(NOTE_OWNER_KEY, note.ownerKey);
  });
  return note;
}

/** Replaces a note's text. Returns false when there is no such note. */
export function editNoteText(doc: Y.Doc, id: string, text: string): boolean {
  const map = noteEntry(doc, id);
  if (!map) return false;
  const valid = validateNoteText(text);
  if (map.get('text') !== valid) doc.transact(() => map.set('text', valid));
  return true;
}

/** Changes a note's colour. Returns false when there is no such note. */
export function setNoteColor(doc: Y.Doc, id: string, color: NoteColor): boolean {
  const map = noteEntry(doc, id);
  if (!map) return false;
  const valid = validateColor(color);
  if (map.get('color') !== valid) doc.transact(() => map.set('color', valid));
  return true;
}

/**
 * Removes a note (its author deleting their own words). The note's Y.Map goes with it, so on a
 * document with `gc: true` its text leaves the encoded state (see `removeNoteForGood`).
 * Returns false when there was no such note.
 */
export function deleteNote(doc: Y.Doc, id: string): boolean {
  const notes = notesRoot(doc);
  if (!notes.has(id)) return false;
  doc.transact(() => notes.delete(id));
  return true;
}

/**
 * Reads one stored note defensively: a document can hold whatever a (buggy or hostile) peer
 * wrote, so entries without text are skipped and unknown colours fall back. A hidden note has no
 * words on the board (they are in the moderation document): it reads with text ''.
 */
function toNote(id: string, value: unknown): Note | null {
  if (!(value instanceof Y.Map)) return null;
  const map = value as Entry;
  const hidden = map.get('hidden') === true;
  const text = readString(map, 'text') ?? (hidden ? '' : undefined);
  if (text === undefined) return null;
  const color = map.get('color');
  const note: Note = {
    id,
    text,
    authorId: readString(map, 'authorId') ?? '',
    color: isNoteColor(color) ? color : DEFAULT_NOTE_COLOR,
    createdAt: readNumber(map, 'createdAt') ?? 0,
  };
  const columnId = readString(map, 'columnId');
  const clusterId = readString(map, 'clusterId');
  if (columnId !== undefined) note.columnId = columnId;
  if (clusterId !== undefined) note.clusterId = clusterId;
  const order = readNumber(map, 'order');
  if (order !== undefined) note.order = order;
  if (hidden) note.hidden = true;
  const ownerKey = readString(map, NOTE_OWNER_KEY);
  if (ownerKey !== undefined && isOwnerKey(ownerKey)) note.ownerKey = ownerKey;
  return note;
}

function byCreatedAtThenId(a: Note, b: Note): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * All notes as a flat list, oldest first (ties broken by id so every replica shows the same
 * order). Includes hidden notes (`hidden: true`, text '' once their words are off the board), so
 * counts, votes and placement still see them. For columns and clusters use `readBoard`.
 */
export function readNotes(doc: Y.Doc): Note[] {
  const out: Note[] = [];
  notesRoot(doc).forEach((value, id) => {
    const note = toNote(id, value);
    if (note) out.push(note);
  });
  return out.sort(byCreatedAtThenId);
}

/**
 * Calls `cb` with all notes after every change to them (local or remote, once per transaction).
 * Not called initially; read `readNotes(doc)` for the current state. Returns an unsubscribe function.
 */
export function observeNotes(doc: Y.Doc, cb: (notes: Note[]) => void): () => void {
  const notes = notesRoot(doc);
  const handler = () => cb(readNotes(doc));
  notes.observeDeep(handler);
  return () => notes.unobserveDeep(handler);
}
