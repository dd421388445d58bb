import { describe, expect, it } from 'vitest';
import { findTemplate, localizeTemplate, readBoard, readMeta } from '@kring/board';
import type * as Y from 'yjs';
import { SESSION_TEMPLATES, boardsKeptClosed, breakoutPresetIn, sessionTemplateIn } from '@kring/core';
import { CreateSessionResponse, SessionSummary } from '@kring/protocol';
import { addBoard, command, fetchExport, scene, snapshot, synced } from './boards-harness';
import { breakoutOf, ok } from './breakouts-harness';
import { connectSocket, sessionSummary, startServer, withToken } from './harness';

const columnTitles = (doc: Y.Doc) =>
  readBoard(doc)
    .columns.filter((c) => !c.implicit)
    .map((c) => c.title);

async function post(base: string, body: unknown) {
  const res = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('S2: sessions from a session template (POST /api/sessions with templateId)', () => {
  it.each(SESSION_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s: the agenda and the boards are there, each board document set up from its template',
    async (templateId, template) => {
      const server = await startServer();
      const created = await post(server.url, { title: `From ${templateId}`, templateId });
      expect(created.status).toBe(201);
      const { joinCode, facilitatorToken } = CreateSessionResponse.parse(created.body);

      const summary = await sessionSummary(server.url, joinCode, facilitatorToken);
      const boards = SessionSummary.parse(summary.body).boards;
      expect(boards.map((b) => [b.title, b.anonymous, b.locked, b.archived])).toEqual(
        // S2: a board a later segment opens with stays closed until then.
        template.boards.map((b, i) => [
          b.title,
          b.anonymous ?? false,
          boardsKeptClosed(template).has(i),
          false,
        ]),
      );

      const socket = await connectSocket(server.url, withToken(facilitatorToken));
      const state = await snapshot(socket);
      expect(state.agenda.segments.map((s) => [s.title, s.kind, s.plannedMinutes, s.prompt])).toEqual(
        template.segments.map((s) => [s.title, s.kind, s.plannedMinutes, s.prompt ?? null]),
      );
      expect(state.agenda.currentId).toBeNull();
      expect(state.boards.map((b) => b.templateId)).toEqual(template.boards.map((b) => b.templateId));

      for (const [i, spec] of template.boards.entries()) {
        const board = boards[i]!;
        const { doc } = await synced(server.url, board.id, facilitatorToken);
        await expect.poll(() => readMeta(doc).templateId).toBe(spec.templateId);
        const expected =
          spec.columns ?? localizeTemplate(findTemplate(spec.templateId)!).columns.map((c) => c.title);
        expect(columnTitles(doc)).toEqual(expected);
        expect(readMeta(doc)).toMatchObject({ title: spec.title, templateId: spec.templateId });
      }

      // The session export carries the agenda and every board.
      const exported = await fetchExport(
        `${server.url}/api/sessions/${joinCode}/export?format=md`,
        facilitatorToken,
      );
      expect(exported.status).toBe(200);
      for (const s of template.segments) expect(exported.body).toContain(s.title);
    },
  );

  it('the IPS overview: the four tasks board has its four columns', async () => {
    const server = await startServer();
    const created = await post(server.url, { title: 'IPS overview', templateId: 'ips-overview' });
    const { joinCode, facilitatorToken } = CreateSessionResponse.parse(created.body);
    const { boards } = SessionSummary.parse(
      (await sessionSummary(server.url, joinCode, facilitatorToken)).body,
    );
    const tasks = boards.find((b) => b.title === 'The four IPS tasks')!;
    const { doc } = await synced(server.url, tasks.id, facilitatorToken);
    await expect
      .poll(() => columnTitles(doc))
      .toEqual(['Connection', 'Worldview', 'Mutuality', 'Moving towards']);
  });

  it('without a template: the blank session (one board, no agenda)', async () => {
    const server = await startServer();
    const created = await post(server.url, { title: 'Blank' });
    expect(created.status).toBe(201);
    const { joinCode, facilitatorToken } = CreateSessionResponse.parse(created.body);
    const { boards } = SessionSummary.parse(
      (await sessionSummary(server.url, joinCode, facilitatorToken)).body,
    );
    expect(boards.map((b) => b.title)).toEqual(['Board']);
  });

  it('an unknown templateId, a wrong type or an extra field is a 400 and creates nothing', async () => {
    const server = await startServer();
    for (const body of [
      { title: 'X', templateId: 'no-such-template' },
      { title: 'X', templateId: 42 },
      { title: 'X', templateId: 'ips-overview', extra: true },
    ]) {
      const res = await post(server.url, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'bad_request' } });
    }
  });
});

describe("S4: a session template in the facilitator's language (POST /api/sessions with locale)", () => {
  /** The IPS overview created in `locale` (or without one): its summary, state and board documents. */
  async function ipsOverview(locale?: string) {
    const server = await startServer();
    const created = await post(server.url, {
      title: 'IPS',
      templateId: 'ips-overview',
      ...(locale ? { locale } : {}),
    });
    expect(created.status).toBe(201);
    const { joinCode, facilitatorToken } = CreateSessionResponse.parse(created.body);
    const { boards } = SessionSummary.parse(
      (await sessionSummary(server.url, joinCode, facilitatorToken)).body,
    );
    const state = await snapshot(await connectSocket(server.url, withToken(facilitatorToken)));
    const docs = await Promise.all(
      boards.map(async (b) => (await synced(server.url, b.id, facilitatorToken)).doc),
    );
    // As above: wait until each synced copy holds its template.
    for (const doc of docs) await expect.poll(() => readMeta(doc).templateId).not.toBeNull();
    return { boards, state, docs };
  }

  it.each([
    ['nl', 'Inloop', 'De vier IPS-taken', ['Verbinding', 'Wereldbeeld', 'Wederkerigheid'], 'Oogst'],
    ['fr', 'Arrivée', 'Les quatre tâches IPS', ['Connexion', 'Vision du monde', 'Mutualité'], 'Récolte'],
  ] as const)(
    "%s: agenda, board titles, the four tasks' columns and meta.locale in that language",
    async (locale, firstSegment, tasksTitle, firstTasks, harvestTitle) => {
      const template = sessionTemplateIn('ips-overview', locale)!;
      const { boards, state, docs } = await ipsOverview(locale);

      expect(state.agenda.segments[0]?.title).toBe(firstSegment);
      expect(
        state.agenda.segments.map((s) => [s.title, s.kind, s.plannedMinutes, s.prompt, s.notes]),
      ).toEqual(
        template.segments.map((s) => [s.title, s.kind, s.plannedMinutes, s.prompt ?? null, s.notes ?? null]),
      );
      expect(boards.map((b) => b.title)).toEqual(template.boards.map((b) => b.title));
      expect(boards.map((b) => b.title)).toContain(tasksTitle);
      expect(boards.map((b) => b.title)).toContain(harvestTitle);

      for (const [i, doc] of docs.entries()) {
        const spec = template.boards[i]!;
        expect(readMeta(doc)).toMatchObject({ title: spec.title, templateId: spec.templateId, locale });
        const expected =
          spec.columns ??
          localizeTemplate(findTemplate(spec.templateId)!, locale).columns.map((c) => c.title);
        expect(columnTitles(doc)).toEqual(expected);
      }
      const tasks = docs[boards.findIndex((b) => b.title === tasksTitle)]!;
      expect(columnTitles(tasks).slice(0, 3)).toEqual(firstTasks);
      expect(columnTitles(tasks)).toHaveLength(4);
      // The board template's prompts are in the language too, not only the titles.
      const prompts = readBoard(tasks)
        .columns.filter((c) => !c.implicit)
        .map((c) => c.prompt);
      expect(prompts).toEqual(
        localizeTemplate(findTemplate('ips-four-tasks')!, locale).columns.map((c) => c.prompt),
      );
      expect(prompts).not.toEqual(
        localizeTemplate(findTemplate('ips-four-tasks')!).columns.map((c) => c.prompt),
      );
    },
  );

  it('without a locale: English, as before', async () => {
    const { boards, state, docs } = await ipsOverview();
    expect(state.agenda.segments[0]?.title).toBe('Doors open');
    expect(boards.map((b) => b.title)).toEqual(['Check-in', 'The four IPS tasks', 'Harvest']);
    for (const doc of docs) expect(readMeta(doc).locale).toBe('en');
    expect(columnTitles(docs[1]!)).toEqual(['Connection', 'Worldview', 'Mutuality', 'Moving towards']);
  });

  it('an unknown locale, a wrong type or a blank session with a bad one is a 400', async () => {
    const server = await startServer();
    for (const body of [
      { title: 'X', templateId: 'ips-overview', locale: 'de' },
      { title: 'X', templateId: 'ips-overview', locale: 'NL' },
      { title: 'X', templateId: 'ips-overview', locale: 42 },
      { title: 'X', locale: 'xx' },
    ]) {
      const res = await post(server.url, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: { code: 'bad_request', message: expect.stringMatching(/^locale/) },
      });
    }
  });

  it('S4: a blank session created in Dutch gets "Bord" and, without a name, a "Begeleider"', async () => {
    const server = await startServer();
    const created = await post(server.url, { title: 'Inloop', locale: 'nl' });
    expect(created.status).toBe(201);
    const { joinCode, facilitatorToken } = CreateSessionResponse.parse(created.body);
    const summary = SessionSummary.parse((await sessionSummary(server.url, joinCode, facilitatorToken)).body);
    expect(summary.boards.map((b) => b.title)).toEqual(['Bord']);
    expect(summary.you.displayName).toBe('Begeleider');
    await server.close();
  });

  it('board.add with a locale sets the board up in it; without, in English', async () => {
    const { url, host, hostToken } = await scene([]);
    const dutch = await addBoard(host, { title: 'Taken', templateId: 'ips-four-tasks', locale: 'nl' });
    const english = await addBoard(host, { title: 'Tasks', templateId: 'ips-four-tasks' });
    const nlDoc = (await synced(url, dutch, hostToken)).doc;
    const enDoc = (await synced(url, english, hostToken)).doc;
    await expect.poll(() => readMeta(nlDoc).locale).toBe('nl');
    expect(columnTitles(nlDoc)).toEqual(
      localizeTemplate(findTemplate('ips-four-tasks')!, 'nl').columns.map((c) => c.title),
    );
    expect(columnTitles(nlDoc)[0]).toBe('Verbinding');
    await expect.poll(() => readMeta(enDoc).templateId).toBe('ips-four-tasks');
    expect(readMeta(enDoc).locale).toBe('en');
    expect(columnTitles(enDoc)[0]).toBe('Connection');
    const refused = await command(host, { type: 'board.add', title: 'X', templateId: 'blank', locale: 'de' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('breakout.create from a French preset with a locale: French rooms, room boards in French', async () => {
    const { url, host, hostToken } = await scene([]);
    const preset = breakoutPresetIn('ips-check-in', 'fr')!;
    await ok(host, { ...preset.create, locale: 'fr' });
    const breakout = await breakoutOf(host);
    expect(breakout.rooms.length).toBeGreaterThan(0);
    const { doc } = await synced(url, breakout.rooms[0]!.boardId, hostToken);
    await expect.poll(() => readMeta(doc).locale).toBe('fr');
    expect(readMeta(doc).templateId).toBe('check-in');
    expect(columnTitles(doc)).toEqual(
      localizeTemplate(findTemplate('check-in')!, 'fr').columns.map((c) => c.title),
    );

    const tasks = breakoutPresetIn('ips-four-tasks', 'nl')!.create.rooms;
    expect(tasks.by === 'names' && tasks.rooms.map((r) => r.name)).toEqual([
      'Verbinding',
      'Wereldbeeld',
      'Wederkerigheid',
      'Bewegen naar',
    ]);
  });
});
