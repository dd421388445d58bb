import { LIMITS } from '@kring/protocol';
import * as Y from 'yjs';

/**
 * The board document: one root map `notes`, note id → Y.Map with `text`, `color`, `authorId`,
 * `createdAt`. Text is a plain string (last writer wins): notes are short and written by one person.
 */
export const NOTES_KEY = 'notes';

export const NOTE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const DEFAULT_NOTE_COLOR: NoteColor = 'yellow';

export interface Note {
  id: string;
  text: string;
  color: NoteColor;
  authorId: string;
  createdAt: number;
}

export interface NewNote {
  text: string;
  color: NoteColor;
  authorId: string;
  /** Defaults to `Date.now()`. */
  createdAt?: number;
  /** Defaults to a fresh random id. */
  id?: string;
}

/** Thrown for input that must never reach the shared document (empty or too long text, unknown colour). */
export class NoteInputError extends Error {
  constructor(
    readonly reason: 'empty' | 'too_long' | 'bad_color' | 'bad_id',
    message: string,
  ) {
    super(message);
    this.name = 'NoteInputError';
  }
}

type NoteMap = Y.Map<unknown>;

export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value);
}

function notesMap(doc: Y.Doc): Y.Map<NoteMap> {
  return doc.getMap<NoteMap>(NOTES_KEY);
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

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** 16 url-safe characters from `crypto.getRandomValues` (which, unlike randomUUID, works on plain http). */
export function newNoteId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b & 63];
  return id;
}

/** Adds a note in one transaction and returns it as stored. */
export function addNote(doc: Y.Doc, input: NewNote): Note {
  const note: Note = {
    id: input.id ?? newNoteId(),
    text: validateNoteText(input.text),
    color: validateColor(input.color),
    authorId: input.authorId,
    createdAt: input.createdAt ?? Date.now(),
  };
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(note.id)) throw new NoteInputError('bad_id', 'Not a valid note id.');
  const notes = notesMap(doc);
  doc.transact(() => {
    const map: NoteMap = new Y.Map<unknown>();
    notes.set(note.id, map);
    map.set('text', note.text);
    map.set('color', note.color);
    map.set('authorId', note.authorId);
    map.set('createdAt', note.createdAt);
  });
  return note;
}

function noteMap(doc: Y.Doc, id: string): NoteMap | undefined {
  const map = notesMap(doc).get(id);
  return map instanceof Y.Map ? map : undefined;
}

/** Replaces a note's text. Returns false when there is no such note. */
export function editNoteText(doc: Y.Doc, id: string, text: string): boolean {
  const map = noteMap(doc, id);
  if (!map) return false;
  const valid = validateNoteText(text);
  if (map.get('text') !== valid) doc.transact(() => map.set('text', valid));
  return true;
}

/** Changes a note's colour. Returns false when there is no such note. */
export function setNoteColor(doc: Y.Doc, id: string, color: NoteColor): boolean {
  const map = noteMap(doc, id);
  if (!map) return false;
  const valid = validateColor(color);
  if (map.get('color') !== valid) doc.transact(() => map.set('color', valid));
  return true;
}

/** Removes a note. Returns false when there was no such note. */
export function deleteNote(doc: Y.Doc, id: string): boolean {
  const notes = notesMap(doc);
  if (!notes.has(id)) return false;
  doc.transact(() => notes.delete(id));
  return true;
}

/**
 * Reads one stored note defensively: a document can hold whatever a (buggy or hostile) peer
 * wrote, so entries without text or author are skipped and unknown colours fall back.
 */
function toNote(id: string, value: unknown): Note | null {
  if (!(value instanceof Y.Map)) return null;
  const text = value.get('text');
  const authorId = value.get('authorId');
  const createdAt = value.get('createdAt');
  const color = value.get('color');
  if (typeof text !== 'string' || typeof authorId !== 'string') return null;
  return {
    id,
    text,
    authorId,
    color: isNoteColor(color) ? color : DEFAULT_NOTE_COLOR,
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
  };
}

function byCreatedAtThenId(a: Note, b: Note): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** All notes, oldest first (ties broken by id so every replica shows the same order). */
export function readNotes(doc: Y.Doc): Note[] {
  const out: Note[] = [];
  notesMap(doc).forEach((value, id) => {
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
  const notes = notesMap(doc);
  const handler = () => cb(readNotes(doc));
  notes.observeDeep(handler);
  return () => notes.unobserveDeep(handler);
}
