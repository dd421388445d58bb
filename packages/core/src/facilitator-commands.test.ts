import { describe, expect, it } from 'vitest';
import { FACILITATOR_COMMANDS } from './permissions';
import {
  ADA,
  CAPTIONER,
  COFAC,
  FACILITATOR_COMMAND_SAMPLES as SAMPLES,
  HOST,
  OBSERVER,
  TestSession,
} from './testing';

describe('facilitator commands', () => {
  it('C2: every facilitator command from a participant, observer or captioner is forbidden', () => {
    const s = new TestSession();
    for (const type of FACILITATOR_COMMANDS) {
      for (const who of [ADA, OBSERVER, CAPTIONER]) {
        // CA2: a captioner goes to the room they caption as facilitators visit (captions.test.ts).
        if (type === 'breakout.visit' && who === CAPTIONER) continue;
        expect({ type, who, code: s.refused(who, SAMPLES[type]) }).toEqual({ type, who, code: 'forbidden' });
      }
    }
  });

  it('C2: hosts and co-facilitators are never refused as `forbidden` for them', () => {
    for (const who of [HOST, COFAC]) {
      for (const type of FACILITATOR_COMMANDS) {
        const decision = new TestSession().run(who, SAMPLES[type]);
        expect({ type, code: decision.ok ? 'ok' : decision.error.code }).not.toEqual({
          type,
          code: 'forbidden',
        });
      }
    }
  });
});
