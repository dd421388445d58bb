import { type BoardLocale, type StringKey, boardText } from '@kring/board';
import { type SessionState, compareLines, mayReadCaptions } from '@kring/core';
import { type CaptionLine, PLENARY, type TranscriptFormat, roomBoardIdOf, roomIdOf } from '@kring/protocol';
import { type ExportFile, fileName } from '../http/exports';

/**
 * The transcript as a file (CA7): plain text with times, WebVTT (the plenary, as subtitles for a
 * recording of the call) or JSON. Times count from the first line, by each line's place in the
 * transcript (CA4: a late line sits where it belongs, so times never run backwards); no participant
 * ids, only the speaker names captioners typed.
 */

const CONTENT_TYPES: Record<TranscriptFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  vtt: 'text/vtt; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** A WebVTT cue stays this long when the next line comes later (or never). */
const CUE_MAX_MS = 6000;

/** Room id → room name, for the current breakout and every earlier one (a room's board carries its name). */
function roomNames(state: SessionState): Map<string, string> {
  const names = new Map<string, string>();
  for (const h of state.breakouts.history) {
    h.boardIds.forEach((_, i) => {
      const board = state.boards.find((b) => b.id === roomBoardIdOf(h.id, i));
      if (board) names.set(roomIdOf(h.id, i), board.title);
    });
  }
  for (const r of state.breakouts.current?.rooms ?? []) names.set(r.id, r.name);
  return names;
}

/** `h:mm:ss`, or WebVTT's `hh:mm:ss.mmm`. */
function clock(ms: number, vtt = false): string {
  const total = Math.max(0, Math.floor(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return vtt
    ? `${two(h)}:${two(m)}:${two(s)}.${String(total % 1000).padStart(3, '0')}`
    : `${h}:${two(m)}:${two(s)}`;
}

/** The lines `viewerId` may read (CA3), in transcript order (CA4). */
export function readableLines(
  state: SessionState,
  viewerId: string,
  lines: readonly CaptionLine[],
): CaptionLine[] {
  return lines.filter((l) => mayReadCaptions(state, viewerId, l.scope)).sort(compareLines);
}

/** Sections per scope: the plenary first, then rooms in the order their first line came. */
function byScope(lines: readonly CaptionLine[]): [string, CaptionLine[]][] {
  const groups = new Map<string, CaptionLine[]>([[PLENARY, []]]);
  for (const l of lines) {
    const group = groups.get(l.scope) ?? [];
    group.push(l);
    groups.set(l.scope, group);
  }
  return [...groups].filter(([, g]) => g.length > 0);
}

/** Text of a WebVTT cue: no blank lines, no `-->`, markup characters escaped. */
const cueText = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n\s*\n/g, '\n');

/** The transcript's lines as data (the JSON transcript and the session export's `transcript`). */
export function transcriptEntries(state: SessionState, lines: readonly CaptionLine[]) {
  const names = roomNames(state);
  return [...lines].sort(compareLines).map((l) => ({
    at: new Date(l.at).toISOString(),
    scope: l.scope === PLENARY ? ('plenary' as const) : ('room' as const),
    room: l.scope === PLENARY ? null : (names.get(l.scope) ?? null),
    speaker: l.speaker,
    text: l.text,
    lang: l.lang,
    source: l.by.kind === 'url' ? ('caption-url' as const) : ('console' as const),
    corrected: l.editedAt !== null,
  }));
}

/**
 * The transcript as text: a heading per scope, then `[h:mm:ss] Speaker: words` (times since the
 * first line). `heading` makes the scope headings (`== … ==` in the .txt file, Markdown in the export).
 */
export function transcriptText(
  state: SessionState,
  lines: readonly CaptionLine[],
  locale: BoardLocale,
  heading: (name: string) => string,
): string[] {
  const t = (key: StringKey, vars?: Record<string, string | number>) => boardText(key, locale, vars);
  const sorted = [...lines].sort(compareLines);
  const start = sorted.reduce((min, l) => Math.min(min, l.order), Number.POSITIVE_INFINITY);
  const names = roomNames(state);
  const scopeName = (scope: string) =>
    scope === PLENARY
      ? t('export.captions.plenary')
      : t('export.captions.room', { name: names.get(scope) ?? scope });
  const out: string[] = [];
  if (Number.isFinite(start)) out.push(t('export.captions.from', { at: new Date(start).toISOString() }), '');
  const sections = byScope(sorted);
  if (sections.length === 0) out.push(t('export.captions.none'), '');
  for (const [scope, group] of sections) {
    out.push(heading(scopeName(scope)));
    for (const l of group) {
      const who = l.speaker ? `${l.speaker}: ` : '';
      const mark = l.editedAt !== null ? ` (${t('export.captions.corrected')})` : '';
      // Continuation lines of a multi-line caption are indented under its time.
      out.push(`[${clock(l.order - start)}] ${who}${l.text.replace(/\n/g, '\n          ')}${mark}`);
    }
    out.push('');
  }
  return out;
}

export function transcriptFile(
  state: SessionState,
  lines: readonly CaptionLine[],
  format: TranscriptFormat,
  locale: BoardLocale = 'en',
): ExportFile {
  const t = (key: StringKey, vars?: Record<string, string | number>) => boardText(key, locale, vars);
  const sorted = [...lines].sort(compareLines);
  const start = sorted.reduce((min, l) => Math.min(min, l.order), Number.POSITIVE_INFINITY);
  const since = (at: number) => at - (Number.isFinite(start) ? start : at);
  const file = (body: string): ExportFile => ({
    body,
    contentType: CONTENT_TYPES[format],
    fileName: fileName([state.title, t('export.captions.title')], format),
  });

  if (format === 'json') {
    const doc = {
      format: 'kring-transcript',
      version: 1,
      title: state.title,
      startedAt: Number.isFinite(start) ? new Date(start).toISOString() : null,
      lines: transcriptEntries(state, sorted),
    };
    return file(`${JSON.stringify(doc, null, 2)}\n`);
  }

  if (format === 'vtt') {
    const plenary = sorted.filter((l) => l.scope === PLENARY);
    const cues = plenary.map((l, i) => {
      const from = since(l.order);
      const next = plenary[i + 1];
      const to = Math.max(
        from + 500,
        Math.min(from + CUE_MAX_MS, next ? since(next.order) : from + CUE_MAX_MS),
      );
      const voice = l.speaker ? `<v ${cueText(l.speaker).replace(/\n/g, ' ')}>` : '';
      return `${i + 1}\n${clock(from, true)} --> ${clock(to, true)}\n${voice}${cueText(l.text)}`;
    });
    return file(`WEBVTT\n\n${cues.join('\n\n')}${cues.length ? '\n' : ''}`);
  }

  const out = [
    `${t('export.captions.title')}: ${state.title}`,
    '',
    ...transcriptText(state, sorted, locale, (name) => `== ${name} ==`),
  ];
  return file(`${out.join('\n').trimEnd()}\n`);
}
