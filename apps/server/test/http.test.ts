import { describe, expect, it } from 'vitest';
import { ErrorResponse, SessionSummary } from '@kring/protocol';
import {
  command,
  connectSocket,
  createSession,
  joinSession,
  sessionSummary,
  snapshot,
  startServer,
  withToken,
} from './harness';

async function post(url: string, body: string, contentType = 'application/json') {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('HTTP API', () => {
  it('answers health', async () => {
    const server = await startServer();
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
  });

  it('creates a session and lets a participant join with a display name', async () => {
    const server = await startServer();
    const created = await createSession(server.url, 'IPS overview');
    expect(created.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(created.participantUrl).toBe(`${server.url}/j/${created.joinCode}`);
    expect(created.facilitatorUrl).toBe(
      `${server.url}/s/${created.joinCode}#token=${created.facilitatorToken}`,
    );

    const joined = await joinSession(server.url, created.joinCode.toLowerCase(), '  Ada  ');
    const summary = await sessionSummary(server.url, created.joinCode, joined.token);
    expect(summary.status).toBe(200);
    const body = SessionSummary.parse(summary.body);
    expect(body.title).toBe('IPS overview');
    expect(body.you).toEqual({ id: joined.participantId, displayName: 'Ada', role: 'participant' });
    expect(body.boards).toHaveLength(1);
    expect(body.participants.map((p) => p.role).sort()).toEqual(['host', 'participant']);
  });

  it('names the board a newcomer will be shown first, so their page can open it at once (BD18)', async () => {
    const server = await startServer();
    const created = await createSession(server.url, 'Boards');
    const host = await connectSocket(server.url, withToken(created.facilitatorToken));
    const first = (await snapshot(host)).boards[0]!.id;
    expect((await joinSession(server.url, created.joinCode, 'Ada')).boardId).toBe(first);
    const added = await command(host, { type: 'board.add', title: 'Second', templateId: 'blank' });
    if (!added.ok) throw new Error('refused');
    const second = (await snapshot(host)).boards.find((b) => b.title === 'Second')!.id;
    // Not the newest board: the first open one, unless everyone was brought elsewhere.
    expect((await joinSession(server.url, created.joinCode, 'Ben')).boardId).toBe(first);
    expect((await command(host, { type: 'board.focus', boardId: second })).ok).toBe(true);
    expect((await joinSession(server.url, created.joinCode, 'Cai')).boardId).toBe(second);
  });

  it('names the field and what it expected when a body is refused', async () => {
    const server = await startServer();
    const created = await createSession(server.url);
    const res = await post(
      `${server.url}/api/sessions/${created.joinCode}/participants`,
      '{"displayName":42}',
    );
    expect(res.status).toBe(400);
    expect(ErrorResponse.parse(res.body).error.message).toBe(
      'displayName: Invalid input: expected string, received number',
    );
  });

  it.each([
    ['not JSON', '{"title":'],
    ['wrong type', '{"title": 42}'],
    ['empty title', '{"title": "   "}'],
    ['unknown field', '{"title": "x", "admin": true}'],
    ['array', '[]'],
  ])('refuses a malformed create body (%s) with a named 400', async (_name, body) => {
    const server = await startServer();
    const res = await post(`${server.url}/api/sessions`, body);
    expect(res.status).toBe(400);
    expect(ErrorResponse.parse(res.body).error.code).toBe('bad_request');
  });

  it('refuses an oversized body with 413 and keeps serving', async () => {
    const server = await startServer();
    const res = await post(`${server.url}/api/sessions`, JSON.stringify({ title: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect(ErrorResponse.parse(res.body).error.code).toBe('too_large');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('answers 404 for an unknown join code, 401 without or with a forged token, 403 across sessions', async () => {
    const server = await startServer();
    const a = await createSession(server.url, 'A');
    const b = await createSession(server.url, 'B');

    const unknown = await post(`${server.url}/api/sessions/ZZZZZZ/participants`, '{"displayName":"x"}');
    expect(unknown.status).toBe(404);
    expect(ErrorResponse.parse(unknown.body).error.code).toBe('not_found');

    const noToken = await fetch(`${server.url}/api/sessions/${a.joinCode}`);
    expect(noToken.status).toBe(401);

    const [body, sig] = a.facilitatorToken.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, r: 'host', p: 'someoneElse1' })).toString(
      'base64url',
    );
    const forged = await sessionSummary(server.url, a.joinCode, `${forgedBody}.${sig}`);
    expect(forged.status).toBe(401);
    expect(ErrorResponse.parse(forged.body).error.code).toBe('unauthorized');

    const cross = await sessionSummary(server.url, b.joinCode, a.facilitatorToken);
    expect(cross.status).toBe(403);
    expect(ErrorResponse.parse(cross.body).error.code).toBe('forbidden');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const server = await startServer();
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(ErrorResponse.parse(await res.json()).error.code).toBe('not_found');
  });
});
