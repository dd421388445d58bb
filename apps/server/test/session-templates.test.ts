import { describe, expect, it } from 'vitest';
import { findTemplate, localizeTemplate, readBoard, readMeta } from '@kring/board';
import type * as Y from 'yjs';
import { SESSION_TEMPLATES } from '@kring/core';
import { CreateSessionResponse, SessionSummary } from '@kring/protocol';
import { fetchExport, snapshot, synced } from './boards-harness';
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
        template.boards.map((b) => [b.title, b.anonymous ?? false, false, false]),
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
