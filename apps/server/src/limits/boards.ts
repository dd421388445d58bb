import type { BoardRateLimits } from '../boards';
import { clientAddress } from './address';
import type { Limits } from './index';

/** The board sync's rate limits from the limits table (per address, per person, per connection). */
export function boardRateLimits(limits: Limits, trustProxy: boolean): BoardRateLimits {
  return {
    async upgrade(req) {
      const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy);
      return (await limits.boardUpgradesPerAddress.consume(address)).ok;
    },
    async person(participantId) {
      return (await limits.boardMessagesPerParticipant.check(participantId)).ok;
    },
    async message(connectionId, participantId) {
      // Both are counted, so a person's window fills even while one connection's is refused.
      const [connection, person] = await Promise.all([
        limits.boardMessagesPerConnection.consume(String(connectionId)),
        limits.boardMessagesPerParticipant.consume(participantId),
      ]);
      return connection.ok && person.ok;
    },
  };
}
