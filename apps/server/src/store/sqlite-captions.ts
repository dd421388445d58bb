import type Database from 'better-sqlite3';
import { type CaptionAuthor, type CaptionLine, CaptionScope } from '@kring/protocol';
import type { CaptionPlace, CaptionStore } from './store';

interface Row {
  id: string;
  scope: string;
  ord: number;
  at: number;
  author_kind: string;
  author: string;
  seq: number | null;
  lang: string | null;
  speaker: string | null;
  text: string;
  edited_at: number | null;
}

const COLUMNS = 'id, scope, ord, at, author_kind, author, seq, lang, speaker, text, edited_at';
/** CA4: `order`, then a URL's `seq` (a person's lines have none: 0), then id. */
const ORDER = 'ord, COALESCE(seq, 0), id';

function toLine(r: Row): CaptionLine {
  const by: CaptionAuthor =
    r.author_kind === 'url'
      ? { kind: 'url', sourceId: r.author, seq: r.seq ?? 0 }
      : { kind: 'person', participantId: r.author };
  return {
    id: r.id,
    scope: CaptionScope.parse(r.scope),
    text: r.text,
    speaker: r.speaker,
    lang: r.lang,
    at: r.at,
    order: r.ord,
    by,
    editedAt: r.edited_at,
  };
}

/** The transcript in the SQLite file (migration 4). Statements are prepared once. */
export class SqliteCaptions implements CaptionStore {
  private readonly insert;
  private readonly byId;
  private readonly latestBy;
  private readonly correct;
  private readonly duplicate;
  private readonly later;
  private readonly tail;
  private readonly lastSeq;
  private readonly remove;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO caption_lines (session_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM caption_lines WHERE session_id = ? AND id = ?`);
    this.latestBy = db.prepare(
      `SELECT ${COLUMNS} FROM caption_lines
       WHERE session_id = ? AND scope = ? AND author_kind = 'person' AND author = ?
       ORDER BY ord DESC, id DESC LIMIT 1`,
    );
    this.correct = db.prepare(
      'UPDATE caption_lines SET text = ?, edited_at = ? WHERE session_id = ? AND id = ?',
    );
    this.duplicate = db.prepare(
      "SELECT 1 FROM caption_lines WHERE session_id = ? AND author_kind = 'url' AND author = ? AND seq = ?",
    );
    this.later = db.prepare(
      "SELECT MIN(ord) AS ord FROM caption_lines WHERE session_id = ? AND author_kind = 'url' AND author = ? AND seq > ?",
    );
    this.tail = db.prepare(
      'SELECT MAX(ord) AS last, COUNT(*) AS count FROM caption_lines WHERE session_id = ?',
    );
    this.lastSeq = db.prepare(
      "SELECT MAX(seq) AS seq FROM caption_lines WHERE session_id = ? AND author_kind = 'url' AND author = ?",
    );
    this.remove = db.prepare('DELETE FROM caption_lines WHERE session_id = ?');
  }

  async addCaptionLine(sessionId: string, line: CaptionLine): Promise<boolean> {
    const [kind, author, seq] =
      line.by.kind === 'url'
        ? ['url', line.by.sourceId, line.by.seq]
        : ['person', line.by.participantId, null];
    const res = this.insert.run(
      sessionId,
      line.id,
      line.scope,
      line.order,
      line.at,
      kind,
      author,
      seq,
      line.lang,
      line.speaker,
      line.text,
      line.editedAt,
    );
    return res.changes === 1;
  }

  async captionLines(
    sessionId: string,
    options: { scope?: string; latest?: number } = {},
  ): Promise<CaptionLine[]> {
    const where = options.scope === undefined ? 'session_id = ?' : 'session_id = ? AND scope = ?';
    const args = options.scope === undefined ? [sessionId] : [sessionId, options.scope];
    if (options.latest === undefined) {
      const rows = this.db
        .prepare(`SELECT ${COLUMNS} FROM caption_lines WHERE ${where} ORDER BY ${ORDER}`)
        .all(...args) as Row[];
      return rows.map(toLine);
    }
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM caption_lines WHERE ${where}
         ORDER BY ord DESC, COALESCE(seq, 0) DESC, id DESC LIMIT ?`,
      )
      .all(...args, options.latest) as Row[];
    return rows.reverse().map(toLine);
  }

  async captionLine(sessionId: string, lineId: string): Promise<CaptionLine | null> {
    const row = this.byId.get(sessionId, lineId) as Row | undefined;
    return row ? toLine(row) : null;
  }

  async latestCaptionLineBy(
    sessionId: string,
    scope: string,
    participantId: string,
  ): Promise<CaptionLine | null> {
    const row = this.latestBy.get(sessionId, scope, participantId) as Row | undefined;
    return row ? toLine(row) : null;
  }

  async correctCaptionLine(sessionId: string, lineId: string, text: string, at: number): Promise<void> {
    this.correct.run(text, at, sessionId, lineId);
  }

  async captionPlace(sessionId: string, sourceId: string, seq: number): Promise<CaptionPlace> {
    const duplicate = this.duplicate.get(sessionId, sourceId, seq) !== undefined;
    const later = this.later.get(sessionId, sourceId, seq) as { ord: number | null };
    return { duplicate, laterOrder: later.ord };
  }

  async captionTail(sessionId: string): Promise<{ lastOrder: number | null; count: number }> {
    const row = this.tail.get(sessionId) as { last: number | null; count: number };
    return { lastOrder: row.last, count: row.count };
  }

  async lastCaptionSeq(sessionId: string, sourceId: string): Promise<number> {
    const row = this.lastSeq.get(sessionId, sourceId) as { seq: number | null };
    return row.seq ?? 0;
  }

  async deleteCaptionLines(sessionId: string): Promise<number> {
    const { changes } = this.remove.run(sessionId);
    // secure_delete zeroed the pages in the WAL; copying them back and truncating the WAL leaves
    // no older copy of the words in either file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return changes;
  }
}
