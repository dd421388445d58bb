import { describe, expect, it } from 'vitest';
import { CSV_HEADER, readBoard, toCsv, toJson, toMarkdown, type BoardData } from '../index';
import { expectGolden } from '../testing/golden';
import { AUTHOR_NAMES, anonymousBoard, trickyBoard } from './fixtures';

const GOLDEN = new URL('./__golden__/', import.meta.url);

/** A strict RFC 4180 reader, to prove the writer's quoting round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`stray quote at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

function allNotes(board: BoardData) {
  return board.columns.flatMap((c) => [...c.notes, ...c.clusters.flatMap((g) => g.notes)]);
}

describe('exports of a board with tricky text (golden files)', () => {
  const board = trickyBoard();
  const options = { authorNames: AUTHOR_NAMES };

  it('Markdown', () => expectGolden(GOLDEN, 'named.md.golden', toMarkdown(board, options)));
  it('CSV', () => expectGolden(GOLDEN, 'named.csv.golden', toCsv(board, options)));
  it('JSON', () => expectGolden(GOLDEN, 'named.json.golden', toJson(board, options)));

  it('CSV round-trips every note’s text through an RFC 4180 reader, one row per note', () => {
    const rows = parseCsv(toCsv(board, options));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const notes = allNotes(board);
    expect(rows).toHaveLength(notes.length + 1);
    const texts = rows.slice(1).map((r) => r[2]);
    for (const note of notes) {
      expect(texts).toContain(note.text.startsWith('=') ? `'${note.text}` : note.text);
    }
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });

  it('CSV defuses spreadsheet formulas in text and names', () => {
    const rows = parseCsv(toCsv(board, options));
    const formula = rows.find((r) => r[2]?.includes('SUM'));
    expect(formula?.[2]).toBe("'=SUM(A1:A9) and +1 and -2 and @here");
    expect(formula?.[4]).toBe('\'=HYPERLINK("http://x")');
    expect(rows.slice(1).every((r) => r.every((cell) => !/^[=+\-@]/.test(cell)))).toBe(true);
  });

  it('CSV can start with a byte order mark for spreadsheet programs', () => {
    expect(toCsv(board, { bom: true }).startsWith('\uFEFFcolumn,')).toBe(true);
    expect(toCsv(board).startsWith('column,')).toBe(true);
  });

  it('JSON parses back to the same words, in the read model’s order', () => {
    const parsed = JSON.parse(toJson(board, options)) as {
      format: string;
      version: number;
      columns: {
        notes: { id: string; text: string }[];
        clusters: { notes: { id: string; text: string }[] }[];
      }[];
    };
    expect(parsed.format).toBe('kring-board');
    expect(parsed.version).toBe(1);
    const texts = parsed.columns
      .flatMap((c) => [...c.notes, ...c.clusters.flatMap((g) => g.notes)])
      .map((n) => n.text);
    expect(texts).toEqual(
      board.columns.flatMap((c) => [...c.notes, ...c.clusters.flatMap((g) => g.notes)]).map((n) => n.text),
    );
  });

  it('the same document gives byte-identical exports every time', () => {
    expect(toJson(trickyBoard(), options)).toBe(toJson(board, options));
    expect(toMarkdown(trickyBoard(), options)).toBe(toMarkdown(board, options));
  });
});

describe('exports of an anonymous board', () => {
  const { doc, board } = anonymousBoard();
  // Everything an author could be recognised by: ids and display names.
  const identifying = ['ann', 'Anne-Marie', 'AM', 'de Vries', 'bo"', '"bo', 'salma', 'سلمى'];
  const names = { ann: 'Anne-Marie "AM" de Vries', bo: 'Bo', salma: 'سلمى' };

  it('Markdown', () =>
    expectGolden(GOLDEN, 'anonymous.md.golden', toMarkdown(board, { authorNames: names })));
  it('CSV', () => expectGolden(GOLDEN, 'anonymous.csv.golden', toCsv(board, { authorNames: names })));
  it('JSON', () => expectGolden(GOLDEN, 'anonymous.json.golden', toJson(board, { authorNames: names })));

  it('no author id or name appears in any format, even when names are passed in', () => {
    expect(allNotes(board).some((n) => 'authorId' in n)).toBe(false);
    for (const output of [
      toMarkdown(board, { authorNames: names }),
      toCsv(board, { authorNames: names }),
      toJson(board, { authorNames: names }),
    ]) {
      for (const word of identifying) expect(output).not.toContain(word);
    }
    const rows = parseCsv(toCsv(board, { authorNames: names }));
    expect(rows.slice(1).map((r) => r[4])).toEqual(['', '', '']);
  });

  it('no author leaks even if data that still has author ids is exported as anonymous', () => {
    const withIds = readBoard(doc, { anonymous: false });
    expect(allNotes(withIds).some((n) => n.authorId === 'ann')).toBe(true);
    const marked: BoardData = { ...withIds, meta: { ...withIds.meta, anonymous: true } };
    for (const output of [
      toMarkdown(marked, { authorNames: names }),
      toCsv(marked, { authorNames: names }),
      toJson(marked, { authorNames: names }),
    ]) {
      for (const name of Object.values(names)) expect(output).not.toContain(name);
    }
  });
});

describe('the dot vote’s results in the harvest (issue 15; VO7: most votes first, ties in board order)', () => {
  const board = trickyBoard();
  const resultsPart = (md: string) => md.slice(md.indexOf('## Results'), md.indexOf('\n## Ideas'));

  it('Markdown opens with the results: the top, then per column, ranks written out, hidden notes left out', () => {
    const results = resultsPart(toMarkdown(board));
    expect(results).toContain('### Most votes');
    expect(results.match(/^- \*\*(\d+)\.\*\*/gm)?.slice(0, 5)).toEqual([
      '- **1.**',
      '- **2.**',
      '- **2.**',
      '- **2.**',
      '- **5.**',
    ]);
    expect(results).not.toContain('A note a facilitator hid');
    expect(results).toContain('Groups: Venue, dates \\& "where" (6 votes)');
    expect(results).toContain('### Open questions\n\n_No votes._');
  });

  it('Markdown results speak the reader’s language', () => {
    const md = toMarkdown(board, { locale: 'nl' });
    expect(md).toContain('## Uitslag\n\n### Meeste stemmen');
    expect(md).toContain('groep: Venue, dates');
    expect(toMarkdown(board, { locale: 'fr' })).toContain('## Résultats\n\n### Le plus de votes');
  });

  it('a board nobody voted on has no Results section and empty JSON results', () => {
    const { doc } = anonymousBoard();
    const quiet = readBoard(doc, { counts: { votes: {} } });
    expect(toMarkdown(quiet)).not.toContain('## Results');
    const json = JSON.parse(toJson(quiet)) as { results: { votes: number; overall: unknown[] } };
    expect(json.results).toMatchObject({ votes: 0, overall: [] });
  });

  it('CSV ranks each note on the board and in its column; hidden and unvoted notes stay empty', () => {
    const rows = parseCsv(toCsv(board));
    const at = (text: string) => rows.find((r) => r[2]?.startsWith(text));
    const rank = CSV_HEADER.indexOf('rank');
    const columnRank = CSV_HEADER.indexOf('columnRank');
    expect([at('Venue')?.[rank], at('Venue')?.[columnRank]]).toEqual(['1', '1']);
    expect([at('مرحبا')?.[rank], at('مرحبا')?.[columnRank]]).toEqual(['2', '1']);
    expect([at('🌱')?.[rank], at('🌱')?.[columnRank]]).toEqual(['5', '1']);
    expect([at('A note a facilitator hid')?.[rank], at('A note a facilitator hid')?.[columnRank]]).toEqual([
      '',
      '',
    ]);
    expect(at('First line')?.[rank]).toBe('');
  });

  it('JSON results list every voted note by id with its rank, and the groups’ totals', () => {
    const json = JSON.parse(toJson(board)) as {
      results: {
        votes: number;
        overall: { id: string; rank: number }[];
        columns: { id: string; groups: { id: string; votes: number }[] }[];
      };
    };
    expect(json.results.votes).toBe(11);
    expect(json.results.overall.map((n) => [n.id, n.rank])).toEqual([
      ['comma', 1],
      ['markdown', 2],
      ['rtl', 2],
      ['formula', 2],
      ['emoji', 5],
    ]);
    expect(json.results.columns.find((c) => c.id === 'ideas')?.groups).toEqual([
      { id: 'venue', title: 'Venue, dates & "where"', votes: 6, rank: 1 },
    ]);
  });
});
