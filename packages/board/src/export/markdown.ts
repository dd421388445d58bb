import { boardText } from '../i18n';
import type { BoardData, BoardNote } from '../read';
import { REACTIONS } from '../reactions';
import { type RankedNote, hasResults, voteResults } from '../results';
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

function votesText(votes: number, locale: ExportOptions['locale']): string {
  return votes === 1
    ? boardText('export.vote.one', locale)
    : boardText('export.vote.other', locale, { n: votes });
}

/**
 * The dot vote's results (issue 15), before the notes so a harvest opens with them: the board's top
 * five, then per column every note with votes and its groups' totals. Ranks are written out
 * ("**2.**") because a Markdown ordered list renumbers 1, 2, 2, 4 as 1, 2, 3, 4. Only when
 * someone voted; hidden notes never count (`voteResults`).
 */
function resultsSection(board: BoardData, options: ExportOptions): string[] {
  const locale = options.locale ?? board.meta.locale;
  const results = voteResults(board, { top: 5, perColumn: Number.POSITIVE_INFINITY });
  if (!hasResults(results)) return [];
  const item = (note: RankedNote, withColumn: boolean) => {
    const details = [votesText(note.votes, locale)];
    if (withColumn) details.push(oneLine(note.columnTitle));
    if (note.cluster)
      details.push(boardText('export.results.inGroup', locale, { title: oneLine(note.cluster.title) }));
    return `- **${note.rank}.** ${oneLine(note.text) || '—'} — _${details.join(' · ')}_`;
  };
  const out = [`## ${boardText('export.results', locale)}`, ''];
  out.push(`### ${boardText('export.results.top', locale)}`, '');
  for (const note of results.overall) out.push(item(note, true));
  out.push('');
  for (const column of results.columns) {
    out.push(`### ${oneLine(column.title)}`, '');
    if (column.notes.length === 0) {
      out.push(`_${boardText('export.results.none', locale)}_`, '');
      continue;
    }
    for (const note of column.notes) out.push(item(note, false));
    out.push('');
    if (column.groups.length > 0) {
      const groups = column.groups.map((g) => `${oneLine(g.title)} (${votesText(g.votes, locale)})`);
      out.push(`${boardText('export.results.groups', locale)}: ${groups.join(' · ')}`, '');
    }
  }
  return out;
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
  if (note.votes > 0) details.push(votesText(note.votes, locale));
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
  out.push(...resultsSection(board, options));

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
