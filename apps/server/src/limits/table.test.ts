import { describe, expect, it } from 'vitest';
import { LIMIT_TABLE } from './table';

const perMinute = (rule: { points: number; seconds: number }) => (rule.points * 60) / rule.seconds;

describe('LIMIT_TABLE', () => {
  it('every rule allows at least one in a positive window', () => {
    for (const rule of Object.values(LIMIT_TABLE)) {
      expect(rule.points).toBeGreaterThanOrEqual(1);
      expect(rule.seconds).toBeGreaterThan(0);
    }
  });

  it('leaves room for the real use its comments name', () => {
    // 300 people joining within a minute from one venue's address, into one session.
    expect(LIMIT_TABLE.joinsPerAddress.points).toBeGreaterThanOrEqual(300);
    expect(LIMIT_TABLE.joinsPerSession.points).toBeGreaterThanOrEqual(300);
    expect(LIMIT_TABLE.handshakesPerAddress.points).toBeGreaterThanOrEqual(600);
    // Twenty dot votes in one burst, a facilitator clicking fast.
    expect(LIMIT_TABLE.commandsPerParticipant.points).toBeGreaterThanOrEqual(20);
    // 300 people casting five votes and five reactions in one minute.
    expect(perMinute(LIMIT_TABLE.eventsPerSession)).toBeGreaterThanOrEqual(3000);
  });

  it('keeps guessing join codes infeasible: under 15,000 misses a day per address', () => {
    const perDay =
      (LIMIT_TABLE.lookupMissesPerAddress.points * 86_400) / LIMIT_TABLE.lookupMissesPerAddress.seconds;
    expect(perDay).toBeLessThanOrEqual(15_000);
    // Against 2^30 codes and 1000 live sessions: less than a 2 % chance of one hit a day.
    expect((perDay * 1000) / 2 ** 30).toBeLessThan(0.02);
  });

  it('stops the measured floods within a second (3000 commands/s, 1700 board updates/s)', () => {
    expect(LIMIT_TABLE.commandsPerParticipant.points).toBeLessThan(3000);
    expect(LIMIT_TABLE.boardMessagesPerConnection.points).toBeLessThan(1700);
  });
});
