import { boardText } from '../i18n';
import type { BoardData, BoardNote } from '../read';
import { REACTIONS } from '../reactions';
import { findTemplate, localizeTemplate } from '../templates/catalog';
import { type ExportOptions, authorName } from './common';

/**
 * The board as Markdown for people to read (the harvest): title, then per column its prompt,
 * ungrouped notes and groups. Participants' words are escaped so they stay words (no headings,
 * links or HTML sneaking in). JSON is the lossless format; this one trims each line's indentation.
 */

/** Escapes the characters that could turn text into Markdown or HTML anywhere in a line. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
}

/** Escapes what only means something at the start of a line (list markers, setext underlines). */
function escapeLine(line: string): string {
  return escapeInline(line.trimStart())
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** One line of text (titles, names): whitespace runs, newlines included, become one space. */
function oneLine(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/**
 * A note's text as list-item content: lines of one paragraph are joined with hard breaks
 * (trailing backslash) so they stay lines; blank lines separate paragraphs inside the item.
 */
function noteBody(text: string): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => escapeLine(line.trimEnd()))
        .filter((line) => line.length > 0),
    )
    .filter((lines) => lines.length > 0);
  const out: string[] = [];
  paragraphs.forEach((lines, i) => {
    if (i > 0) out.push('');
    lines.forEach((line, j) => out.push(j < lines.length - 1 ? `${line}\\` : line));
  });
  return out.length > 0 ? out : [''];
}

function noteItem(board: BoardData, note: BoardNote, options: ExportOptions): string[] {
  const locale = options.locale ?? board.meta.locale;
  const details: string[] = [];
  const author = authorName(board, note, options.authorNames);
  if (author !== undefined) details.push(oneLine(author));
  for (const { id, emoji } of REACTIONS) {
    const n = note.reactions[id];
    if (n) details.push(`${emoji} ${n}`);
  }
  if (note.votes > 0) {
    details.push(
      note.votes === 1
        ? boardText('export.vote.one', locale)
        : boardText('export.vote.other', locale, { n: note.votes }),
    );
  }
  if (note.hidden) details.push(boardText('export.hidden', locale));
  const body = noteBody(note.text);
  if (details.length > 0) body[body.length - 1] += ` — _${details.join(' · ')}_`;
  return body.map((line, i) => (i === 0 ? `- ${line}` : line === '' ? '' : `  ${line}`));
}

export function toMarkdown(board: BoardData, options: ExportOptions = {}): string {
  const locale = options.locale ?? board.meta.locale;
  const out: string[] = [`# ${oneLine(board.meta.title) || '—'}`, ''];
  const about: string[] = [];
  const template = board.meta.templateId === null ? undefined : findTemplate(board.meta.templateId);
  if (template)
    about.push(
      `${boardText('export.template', locale)}: ${oneLine(localizeTemplate(template, locale).title)}`,
    );
  if (board.meta.anonymous) about.push(boardText('export.anonymous', locale));
  if (about.length > 0) out.push(`_${about.join(' · ')}_`, '');

  for (const column of board.columns) {
    out.push(`## ${oneLine(column.title)}`, '');
    if (column.prompt !== undefined) out.push(`> ${oneLine(column.prompt)}`, '');
    const count = column.notes.length + column.clusters.reduce((n, c) => n + c.notes.length, 0);
    if (count === 0 && column.clusters.length === 0) out.push(`_${boardText('export.noNotes', locale)}_`, '');
    const list = (notes: BoardNote[]) => {
      if (notes.length === 0) return;
      for (const note of notes) out.push(...noteItem(board, note, options));
      out.push('');
    };
    list(column.notes);
    for (const cluster of column.clusters) {
      out.push(`### ${oneLine(cluster.title)}`, '');
      if (cluster.notes.length === 0) out.push(`_${boardText('export.noNotes', locale)}_`, '');
      list(cluster.notes);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
