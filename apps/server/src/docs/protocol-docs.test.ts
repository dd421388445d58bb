import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Command, SessionEvent } from '@kring/protocol';
import { protocolDocs } from './protocol-docs';

const file = fileURLToPath(new URL('../../../../docs/protocol.md', import.meta.url));

describe('docs/protocol.md', () => {
  it('lists every command and event type', () => {
    const doc = protocolDocs();
    for (const option of [...Command.def.options, ...SessionEvent.def.options]) {
      expect(doc).toContain(`| \`${option.shape.type.def.values[0]}\` |`);
    }
  });

  it('is up to date with the schemas (regenerate with UPDATE_DOCS=1)', () => {
    const doc = protocolDocs();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(file, doc);
    expect(readFileSync(file, 'utf8')).toBe(doc);
  });
});
