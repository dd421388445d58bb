import * as z from 'zod';
import { FACILITATOR_COMMANDS } from '@kring/core';
import {
  CaptionInput,
  CaptionUpdate,
  Command,
  ERROR_CODES,
  PROTOCOL_VERSION,
  SessionEvent,
  httpStatusFor,
} from '@kring/protocol';

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Json[];
  oneOf?: Json[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: Json | boolean;
};

/** A one-line, human-readable rendering of a JSON Schema node. */
function describe(node: Json | undefined): string {
  if (!node) return 'any';
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const alts = node.anyOf ?? node.oneOf;
  if (alts) return alts.map(describe).join(' \\| ');
  const bounds = (lo?: number, hi?: number, unit = '') =>
    lo !== undefined || hi !== undefined ? ` (${lo ?? ''}…${hi ?? ''}${unit})` : '';
  switch (node.type) {
    case 'string':
      return `string${bounds(node.minLength, node.maxLength, ' chars')}`;
    case 'number':
    case 'integer':
      return `${node.type}${bounds(node.minimum, node.maximum)}`;
    case 'array':
      return `${describe(node.items)}[]`;
    case 'object':
      if (node.properties) return `{ ${fields(node).join(', ')} }`;
      return 'object';
    default:
      return Array.isArray(node.type) ? node.type.join(' \\| ') : (node.type ?? 'any');
  }
}

function fields(node: Json, skip: readonly string[] = []): string[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {})
    .filter(([name]) => !skip.includes(name))
    .map(([name, schema]) => `${name}${required.has(name) ? '' : '?'}: ${describe(schema)}`);
}

function rows(union: z.core.$ZodUnion, skip: readonly string[], extra: (type: string) => string) {
  return union._zod.def.options.map((option) => {
    const schema = z.toJSONSchema(option, { unrepresentable: 'any', io: 'input' }) as Json;
    const type = String((schema.properties?.type ?? schema.properties?.kind)?.const);
    const shown = fields(schema, ['type', 'kind', ...skip]).join('<br>') || '—';
    return `| \`${type}\` | ${shown} |${extra(type)}`;
  });
}

/**
 * The socket protocol reference, generated from the zod schemas in packages/protocol so the
 * document cannot drift from what the server accepts (a test compares it with docs/protocol.md).
 */
export function protocolDocs(): string {
  const facilitatorOnly = new Set<string>(FACILITATOR_COMMANDS);
  const whoMay = (type: string) =>
    // CA2: captioners go to the room they caption the way facilitators visit one.
    type === 'breakout.visit'
      ? 'facilitators and captioners'
      : facilitatorOnly.has(type)
        ? 'facilitators'
        : 'members';
  return [
    '# Kring socket protocol',
    '',
    '<!-- Generated from packages/protocol by apps/server/src/docs/protocol-docs.ts; do not edit by hand.',
    '     Regenerate: cd apps/server && UPDATE_DOCS=1 pnpm exec vitest run src/docs -->',
    '',
    `Protocol version: **${PROTOCOL_VERSION}** (sent as \`auth.protocolVersion\` in the socket.io handshake; another`,
    'version is refused with `protocol_mismatch`). Transport, handshake and the HTTP API: see [api.md](api.md).',
    'A client coming back after a drop also sends `auth.since`, the state version it holds.',
    '',
    '## Client → server',
    '',
    '| event | payload | ack |',
    '|---|---|---|',
    '| `command` | one of the commands below | `{ ok: true, version, serverTime }` or `{ ok: false, error: { code, message } }` |',
    '| `snapshot` | — | `{ ok: true, state, you, online, serverTime }`: the whole state again, as in a `welcome` of kind `snapshot`; `readSnapshot` parses it. For a gap in the events or a welcome that did not come |',
    '| `clock` | — | `{ serverTime }`, for clock-offset estimation |',
    '| `caption` | one of the caption inputs below (captioners and facilitators, CA1) | `{ ok: true, line }` (`null` for a partial) or `{ ok: false, error }` |',
    '| `captions` | — | `{ ok: true, scope, lines, partials }`: the latest lines and live partials of your caption scope (CA2/CA3) |',
    '',
    '## Server → client',
    '',
    '| event | payload |',
    '|---|---|',
    '| `welcome` | sent once as soon as the socket is connected, unasked, before anything else about the session. Kind `snapshot` (a first connect, or the server no longer has all you missed: it restarted, more than 500 events or 2 minutes went by, or something was erased meanwhile): `{ ok: true, kind, state, you, online, serverTime }`, `state` the session cut for you (core `redactState`) as UTF-8 JSON bytes (a binary attachment), `readWelcome` parses it. Kind `resume` (you sent `auth.since`): `{ ok: true, kind, events, online, serverTime }`, the events after `since` cut for you as they went out live. `events` that arrive before it are in it already |',
    '| `events` | `{ events: SessionEvent[] }`, numbered by `v`, already cut for you; apply with core `evolve`. A gap or a change of your own audience (`needsSnapshot`) means: take a new `snapshot` |',
    "| `presence` | `{ online: string[], offline: string[] }`: who came and went, gathered per session (the first change after a quiet 100 ms at once, later ones at the window's end), each person once in their latest state |",
    '| `caption` | one caption update below, for your own caption scope only; at most ten partials a second per captioner (the latest text always follows) |',
    '',
    '## Caption inputs and updates',
    '',
    'Caption lines are not session events: they are kept in the transcript and reach the screens of their',
    'scope. A line: `{ id, scope, text, speaker, lang, at, order, by, editedAt }` (`by`: `{ kind: "person",',
    'participantId }` or `{ kind: "url", sourceId, seq }`). Caption software posts to a caption URL instead',
    '(see [api.md](api.md)).',
    '',
    '| kind | fields |',
    '|---|---|',
    ...rows(CaptionInput, [], () => '').map((r) => r.replace(/^\| `(\w+)`/, '| input `$1`')),
    ...rows(CaptionUpdate, [], () => '').map((r) => r.replace(/^\| `(\w+)`/, '| update `$1`')),
    '',
    '## Commands',
    '',
    'Floor and timer commands take an optional `scope` (default `"plenary"`). "Facilitators" means hosts and',
    'co-facilitators; anyone else gets `forbidden`. Ids of created things are assigned by the server.',
    '',
    '| type | fields | who |',
    '|---|---|---|',
    ...rows(Command, [], (type) => ` ${whoMay(type)} |`),
    '',
    '## Events',
    '',
    'Every event also carries `v` (its version) and `at` (server time, ms).',
    '',
    '| type | fields |',
    '|---|---|',
    ...rows(SessionEvent, ['v', 'at'], () => ''),
    '',
    '## Error codes',
    '',
    '| code | HTTP status |',
    '|---|---|',
    ...ERROR_CODES.map((code) => `| \`${code}\` | ${httpStatusFor(code)} |`),
    '',
  ].join('\n');
}
