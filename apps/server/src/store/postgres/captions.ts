import type { Sql } from 'postgres';
import { type CaptionAuthor, type CaptionLine, CaptionScope } from '@kring/protocol';
import type { CaptionPlace, CaptionStore } from '../store';
import type { VacuumSoon } from './vacuum';

/** bigint columns arrive as strings (they may exceed 2^53 in general; ours are milliseconds). */
type Big = string;

interface Row {
  id: string;
  scope: string;
  ord: number;
  at: Big;
  author_kind: string;
  author: string;
  seq: Big | null;
  lang: string | null;
  speaker: string | null;
  text: string;
  edited_at: Big | null;
}

const num = (v: Big | null): number | null => (v === null ? null : Number(v));

function toLine(r: Row): CaptionLine {
  const by: CaptionAuthor =
    r.author_kind === 'url'
      ? { kind: 'url', sourceId: r.author, seq: num(r.seq) ?? 0 }
      : { kind: 'person', participantId: r.author };
  return {
    id: r.id,
    scope: CaptionScope.parse(r.scope),
    text: r.text,
    speaker: r.speaker,
    lang: r.lang,
    at: Number(r.at),
    order: r.ord,
    by,
    editedAt: num(r.edited_at),
  };
}

/** The caption transcript (issue 12), apart from the event log so it can be deleted whole. */
export class PgCaptions implements CaptionStore {
  constructor(
    private readonly sql: Sql,
    private readonly vacuum: VacuumSoon,
  ) {}

  async addCaptionLine(sessionId: string, line: CaptionLine): Promise<boolean> {
    const [kind, author, seq] =
      line.by.kind === 'url'
        ? ['url', line.by.sourceId, line.by.seq]
        : ['person', line.by.participantId, null];
    // CA4: a URL's `seq` is stored once (the partial unique index); a retry changes nothing.
    const res = await this.sql`
      INSERT INTO caption_lines
        (session_id, id, scope, ord, at, author_kind, author, seq, lang, speaker, text, edited_at)
      VALUES (${sessionId}, ${line.id}, ${line.scope}, ${line.order}, ${line.at}, ${kind}, ${author},
              ${seq}, ${line.lang}, ${line.speaker}, ${line.text}, ${line.editedAt})
      ON CONFLICT DO NOTHING`;
    return res.count === 1;
  }

  async captionLines(
    sessionId: string,
    options: { scope?: string; latest?: number } = {},
  ): Promise<CaptionLine[]> {
    const scope = options.scope === undefined ? this.sql`` : this.sql`AND scope = ${options.scope}`;
    if (options.latest === undefined) {
      const rows = await this.sql<Row[]>`
        SELECT * FROM caption_lines WHERE session_id = ${sessionId} ${scope}
        ORDER BY ord, COALESCE(seq, 0), id COLLATE "C"`;
      return rows.map(toLine);
    }
    const rows = await this.sql<Row[]>`
      SELECT * FROM caption_lines WHERE session_id = ${sessionId} ${scope}
      ORDER BY ord DESC, COALESCE(seq, 0) DESC, id COLLATE "C" DESC LIMIT ${options.latest}`;
    return rows.reverse().map(toLine);
  }

  async captionLine(sessionId: string, lineId: string): Promise<CaptionLine | null> {
    const [row] = await this.sql<Row[]>`
      SELECT * FROM caption_lines WHERE session_id = ${sessionId} AND id = ${lineId}`;
    return row ? toLine(row) : null;
  }

  async latestCaptionLineBy(
    sessionId: string,
    scope: string,
    participantId: string,
  ): Promise<CaptionLine | null> {
    const [row] = await this.sql<Row[]>`
      SELECT * FROM caption_lines
      WHERE session_id = ${sessionId} AND scope = ${scope} AND author_kind = 'person' AND author = ${participantId}
      ORDER BY ord DESC, id COLLATE "C" DESC LIMIT 1`;
    return row ? toLine(row) : null;
  }

  async correctCaptionLine(sessionId: string, lineId: string, text: string, at: number): Promise<void> {
    const res = await this.sql`
      UPDATE caption_lines SET text = ${text}, edited_at = ${at} WHERE session_id = ${sessionId} AND id = ${lineId}`;
    // The words corrected away stay in the old row version until VACUUM.
    if (res.count > 0) this.vacuum.touch(['caption_lines']);
  }

  async captionPlace(sessionId: string, sourceId: string, seq: number): Promise<CaptionPlace> {
    const [row] = await this.sql<{ duplicate: boolean; later: number | null }[]>`
      SELECT
        bool_or(seq = ${seq}) IS TRUE AS duplicate,
        MIN(ord) FILTER (WHERE seq > ${seq}) AS later
      FROM caption_lines WHERE session_id = ${sessionId} AND author_kind = 'url' AND author = ${sourceId}`;
    return { duplicate: row?.duplicate ?? false, laterOrder: row?.later ?? null };
  }

  async captionTail(sessionId: string): Promise<{ lastOrder: number | null; count: number }> {
    const [row] = await this.sql<{ last: number | null; count: number }[]>`
      SELECT MAX(ord) AS last, COUNT(*)::integer AS count FROM caption_lines WHERE session_id = ${sessionId}`;
    return { lastOrder: row?.last ?? null, count: row?.count ?? 0 };
  }

  async lastCaptionSeq(sessionId: string, sourceId: string): Promise<number> {
    const [row] = await this.sql<{ seq: Big | null }[]>`
      SELECT MAX(seq) AS seq FROM caption_lines
      WHERE session_id = ${sessionId} AND author_kind = 'url' AND author = ${sourceId}`;
    return num(row?.seq ?? null) ?? 0;
  }

  async deleteCaptionLines(sessionId: string): Promise<number> {
    const res = await this.sql`DELETE FROM caption_lines WHERE session_id = ${sessionId}`;
    // CA7: the rows are gone for every query now; VACUUM reclaims their dead tuples.
    if (res.count > 0) this.vacuum.touch(['caption_lines']);
    return res.count;
  }
}
