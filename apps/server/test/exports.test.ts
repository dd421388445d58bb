import { describe, expect, it } from 'vitest';
import { addNote } from '@kring/board';
import { addBoard, barrier, command, fetchExport, scene, snapshot, synced } from './boards-harness';
import { createSession } from './harness';

describe('exports over HTTP', () => {
  it('board exports in md, csv and json carry the notes, cut for the role asking', async () => {
    const ADA = 'Adelheid-Export-Tester-4417';
    const { server, url, joinCode, host, hostToken, people, firstBoard: board } = await scene([ADA]);
    const [ada] = people as [(typeof people)[0]];
    await command(host, { type: 'board.rename', boardId: board, title: 'Harvest: “what now?”' });
    const hostBoard = await synced(url, board, hostToken);
    const adaBoard = await synced(url, board, ada.token);
    addNote(adaBoard.doc, { id: 'shown1', text: 'Peer respite first', color: 'green', authorId: ada.id });
    addNote(adaBoard.doc, { id: 'hidden1', text: 'Something to hide', color: 'pink', authorId: ada.id });
    await barrier(adaBoard, hostBoard);
    await command(host, { type: 'note.hide', boardId: board, noteId: 'hidden1', hidden: true });
    await command(host, { type: 'vote.open', boardId: board, budget: 2, capPerNote: 2, hidden: true });
    await command(ada.socket, { type: 'vote.cast', boardId: board, noteId: 'shown1', delta: 1 });

    const base = `${url}/api/sessions/${joinCode}/boards/${board}/export`;
    for (const format of ['md', 'csv', 'json'] as const) {
      const asHost = await fetchExport(`${base}?format=${format}`, hostToken);
      expect(asHost.status).toBe(200);
      expect(asHost.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="kring-reflection-harvest-what-now\\.${format}"$`),
      );
      expect(asHost.headers.get('cache-control')).toBe('no-store');
      expect(asHost.body).toContain('Peer respite first');
      expect(asHost.body).toContain('Something to hide');
      expect(asHost.body).toContain(ADA); // a named board: authors by display name
      const asAda = await fetchExport(`${base}?format=${format}`, ada.token);
      expect(asAda.status).toBe(200);
      expect(asAda.body).toContain('Peer respite first');
      expect(asAda.body).not.toContain('Something to hide');
    }
    expect((await fetchExport(`${base}?format=csv`, hostToken)).headers.get('content-type')).toBe(
      'text/csv; charset=utf-8',
    );
    // A hidden vote's totals reach only facilitators while it is open (VO6).
    const votes = async (token: string) => {
      const json = JSON.parse((await fetchExport(`${base}?format=json`, token)).body) as {
        columns: { notes: { id: string; votes: number }[] }[];
      };
      return json.columns.flatMap((c) => c.notes).find((n) => n.id === 'shown1')?.votes;
    };
    expect([await votes(hostToken), await votes(ada.token)]).toEqual([1, 0]);
    await command(host, { type: 'vote.close', boardId: board });
    expect([await votes(hostToken), await votes(ada.token)]).toEqual([1, 1]);

    // Refusals: no token, another session's token, a bad format, an unknown board.
    expect((await fetchExport(`${base}?format=md`, null)).status).toBe(401);
    const other = await createSession(server.url, 'Another');
    expect((await fetchExport(`${base}?format=md`, other.facilitatorToken)).status).toBe(403);
    expect((await fetchExport(`${base}?format=pdf`, hostToken)).status).toBe(400);
    expect(
      (await fetchExport(`${url}/api/sessions/${joinCode}/boards/nosuchboard1/export`, hostToken)).status,
    ).toBe(404);

    // The export's own words in the reader's language (`?lang=`); people's words as written.
    const dutch = await fetchExport(`${base}?format=md&lang=nl`, hostToken);
    expect(dutch.body).toContain('verborgen');
    expect(dutch.body).toContain('1 stem');
    expect(dutch.body).toContain('Peer respite first');
    expect((await fetchExport(`${base}?format=md`, hostToken)).body).toContain('hidden');
    expect((await fetchExport(`${base}?format=md&lang=de`, hostToken)).status).toBe(400);
    const french = await fetchExport(`${url}/api/sessions/${joinCode}/export?format=md&lang=fr`, ada.token);
    expect(french.status).toBe(200);
    expect(french.body).toContain('## Questions répondues');
    expect(french.body).toContain('_Exporté le ');
    expect(french.body).not.toContain('Answered questions');
  });

  it('an anonymous board exports without authors, for everyone', async () => {
    const ADA = 'Anonyma-Export-Tester-9902';
    const { url, joinCode, host, hostToken, people } = await scene([ADA]);
    const [ada] = people as [(typeof people)[0]];
    const anon = await addBoard(host, { title: 'Worries', templateId: 'blank', anonymous: true });
    await command(ada.socket, { type: 'note.add', boardId: anon, text: 'An unsigned worry', color: 'pink' });
    for (const token of [hostToken, ada.token]) {
      for (const format of ['md', 'csv', 'json']) {
        const file = await fetchExport(
          `${url}/api/sessions/${joinCode}/boards/${anon}/export?format=${format}`,
          token,
        );
        expect(file.body).toContain('An unsigned worry');
        expect(file.body).not.toContain(ADA);
        expect(file.body).not.toContain(ada.id);
      }
    }
  });

  it('the whole session exports its agenda, every board and the answered questions', async () => {
    const ADA = 'Adeline-Session-Export-3310';
    const { url, joinCode, host, hostToken, people, firstBoard } = await scene([ADA]);
    const [ada] = people as [(typeof people)[0]];
    await command(host, {
      type: 'agenda.add',
      segment: { title: 'Opening round', kind: 'round', plannedMinutes: 10, notes: 'Facilitator-only note' },
    });
    const second = await addBoard(host, { title: 'Actions', templateId: 'summit-planning' });
    await command(ada.socket, {
      type: 'note.add',
      boardId: firstBoard,
      text: 'First board note',
      color: 'green',
    });
    await command(ada.socket, {
      type: 'note.add',
      boardId: second,
      text: 'Second board note',
      color: 'blue',
    });
    await command(ada.socket, { type: 'qa.ask', text: 'When do we meet again?' });
    await command(ada.socket, { type: 'qa.ask', text: 'An unanswered one' });
    const state = await snapshot(host);
    const asked = Object.values(state.questions).find((q) => q.text === 'When do we meet again?')!;
    await command(host, { type: 'qa.mark', questionId: asked.id, flag: 'answered', on: true });

    const md = await fetchExport(`${url}/api/sessions/${joinCode}/export?format=md`, hostToken);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="kring-reflection.md"');
    for (const text of ['# Reflection', 'Opening round', 'Facilitator-only note', '## Board', '## Actions']) {
      expect(md.body).toContain(text);
    }
    for (const text of ['First board note', 'Second board note', 'When do we meet again?', ADA]) {
      expect(md.body).toContain(text);
    }
    // Not answered yet: under "Open questions", after the answered ones.
    expect(md.body.search(/^## Open questions$/m)).toBeGreaterThan(md.body.indexOf('When do we meet again?'));
    expect(md.body.indexOf('An unanswered one')).toBeGreaterThan(md.body.search(/^## Open questions$/m));
    const asAda = await fetchExport(`${url}/api/sessions/${joinCode}/export?format=md`, ada.token);
    expect(asAda.body).not.toContain('Facilitator-only note');

    const json = await fetchExport(`${url}/api/sessions/${joinCode}/export?format=json`, ada.token);
    const doc = JSON.parse(json.body) as {
      format: string;
      boards: { id: string; board: { meta: { title: string } } }[];
      answeredQuestions: { text: string }[];
      openQuestions: { text: string }[];
      agenda: { title: string; notes?: string }[];
    };
    expect(doc.format).toBe('kring-session');
    expect(doc.boards.map((b) => b.board.meta.title)).toEqual(['Board', 'Actions']);
    expect(doc.answeredQuestions.map((q) => q.text)).toEqual(['When do we meet again?']);
    expect(doc.openQuestions.map((q) => q.text)).toEqual(['An unanswered one']);
    expect(doc.agenda).toEqual([expect.objectContaining({ title: 'Opening round' })]);
    expect(doc.agenda[0]).not.toHaveProperty('notes');
    expect((await fetchExport(`${url}/api/sessions/${joinCode}/export?format=csv`, hostToken)).status).toBe(
      400,
    );
  });

  it('the session export lists the open questions: pinned first, then by votes; hidden ones for facilitators', async () => {
    const ADA = 'Adriana-Open-Questions-5521';
    const BEN = 'Benedikt-Open-Questions-7730';
    const { url, joinCode, host, hostToken, people } = await scene([ADA, BEN]);
    const [ada, ben] = people as [(typeof people)[0], (typeof people)[0]];
    await command(ada.socket, { type: 'qa.ask', text: 'Few votes, pinned' });
    await command(ada.socket, { type: 'qa.ask', text: 'Two votes, asked anonymously', anonymous: true });
    await command(ben.socket, { type: 'qa.ask', text: 'No votes yet' });
    await command(ben.socket, { type: 'qa.ask', text: 'A question to hide' });
    await command(ben.socket, { type: 'qa.ask', text: 'Already answered' });
    const state = await snapshot(host);
    const id = (text: string) => Object.values(state.questions).find((q) => q.text === text)!.id;
    for (const voter of [ada, ben]) {
      await command(voter.socket, {
        type: 'qa.vote',
        questionId: id('Two votes, asked anonymously'),
        voted: true,
      });
    }
    await command(ben.socket, { type: 'qa.vote', questionId: id('A question to hide'), voted: true });
    await command(host, { type: 'qa.mark', questionId: id('Few votes, pinned'), flag: 'pinned', on: true });
    await command(host, { type: 'qa.mark', questionId: id('A question to hide'), flag: 'hidden', on: true });
    await command(host, { type: 'qa.mark', questionId: id('Already answered'), flag: 'answered', on: true });
    const exportUrl = (format: string, lang = 'en') =>
      `${url}/api/sessions/${joinCode}/export?format=${format}&lang=${lang}`;

    type Exported = { text: string; author: string | null; votes: number; pinned: boolean; hidden?: boolean };
    const json = async (token: string) =>
      JSON.parse((await fetchExport(exportUrl('json'), token)).body) as {
        version: number;
        answeredQuestions: Exported[];
        openQuestions: Exported[];
      };
    // Q3 order, Q6 cut (hidden only for facilitators), Q7 (no author for an anonymous question).
    const asHost = await json(hostToken);
    expect(asHost.version).toBe(4);
    expect(asHost.answeredQuestions.map((q) => q.text)).toEqual(['Already answered']);
    expect(asHost.openQuestions).toEqual([
      expect.objectContaining({
        text: 'Few votes, pinned',
        author: ADA,
        votes: 0,
        pinned: true,
        hidden: false,
      }),
      expect.objectContaining({
        text: 'Two votes, asked anonymously',
        author: null,
        votes: 2,
        pinned: false,
      }),
      expect.objectContaining({ text: 'A question to hide', author: BEN, votes: 1, hidden: true }),
      expect.objectContaining({ text: 'No votes yet', author: BEN, votes: 0 }),
    ]);
    const asAda = await json(ada.token);
    expect(asAda.openQuestions.map((q) => q.text)).toEqual([
      'Few votes, pinned',
      'Two votes, asked anonymously',
      'No votes yet',
    ]);
    expect(asAda.openQuestions[0]).not.toHaveProperty('hidden');

    const hostMd = (await fetchExport(exportUrl('md'), hostToken)).body;
    const open = hostMd.slice(hostMd.search(/^## Open questions$/m));
    expect(open.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      `- Few votes, pinned — ${ADA} (0 votes, pinned)`,
      '- Two votes, asked anonymously (2 votes)',
      `- A question to hide — ${BEN} (1 vote, hidden)`,
      `- No votes yet — ${BEN} (0 votes)`,
    ]);
    // Not even the author's own export names her on the anonymous question.
    expect(asAda.openQuestions[1]).toEqual(expect.objectContaining({ author: null }));
    for (const token of [ada.token, ben.token]) {
      expect((await fetchExport(exportUrl('md'), token)).body).not.toContain('A question to hide');
    }
    // The section's own words follow `?lang=`.
    const dutch = (await fetchExport(exportUrl('md', 'nl'), hostToken)).body;
    expect(dutch).toContain('## Open vragen');
    expect(dutch).toContain('(0 stemmen, vastgezet)');
    expect(dutch).toContain('(1 stem, verborgen)');
    const french = (await fetchExport(exportUrl('md', 'fr'), ada.token)).body;
    expect(french).toContain('## Questions ouvertes');
    expect(french).toContain('(0 votes, épinglée)');
  });
});
