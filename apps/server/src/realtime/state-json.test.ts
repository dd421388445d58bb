import { describe, expect, it } from 'vitest';
import { TestSession, HOST, ADA } from '@kring/core/testing';
import { redactState } from '@kring/core';
import { StateJson } from './state-json';

const text = (bytes: Buffer) => bytes.toString('utf8');

describe('a snapshot state as JSON bytes (issue 14)', () => {
  it('reads back exactly as the cut, for every viewer, and writes the shared people once per version', () => {
    const s = new TestSession();
    const json = new StateJson();
    for (const viewer of [HOST, ADA]) {
      const cut = redactState(s.state, viewer);
      expect(JSON.parse(text(json.of(cut)))).toEqual(JSON.parse(JSON.stringify(cut)));
    }
    // The same people object (one version, two cuts) is written once: a spy on its serialisation.
    let written = 0;
    const people = s.state.participants;
    const counting = new Proxy(people, {
      ownKeys(target) {
        written++;
        return Reflect.ownKeys(target);
      },
    });
    const state = { ...s.state, participants: counting };
    json.of(redactState(state, HOST));
    json.of(redactState(state, ADA));
    expect(written).toBe(1);
    // A new version (a rename) is written anew.
    s.ok(ADA, { type: 'participant.rename', participantId: ADA, displayName: 'Ada L.' });
    expect(JSON.parse(text(json.of(redactState(s.state, HOST)))).participants[ADA].displayName).toBe(
      'Ada L.',
    );
  });
});
