import type { Socket } from 'socket.io';
import type { ErrorBody } from '@kring/protocol';
import type { Log } from '../log';
import { clientAddress } from './address';
import type { Limits } from './index';

/** Handshake middleware's view of a socket: where it comes from. */
type HandshakeSocket = Pick<Socket, 'handshake'>;

/** The socket a guard watches: its packets, who it is, and a way to end it. */
type GuardedSocket = Pick<Socket, 'use' | 'disconnect' | 'id'> & {
  data: { participantId: string };
};

const SLOW_DOWN: ErrorBody = {
  code: 'rate_limited',
  message: 'That was a lot at once. Please wait a moment, then try again.',
};
const CLOSING: ErrorBody = {
  code: 'rate_limited',
  message:
    'Too many requests in a short time: this connection is closed. Please wait a little before reconnecting.',
};

/** Events that read (cheap, but a loop of them still costs); anything else counts as a command. */
const READS = new Set(['snapshot', 'clock', 'captions']);

/** Handshakes per address, before the token is even looked at. */
export function handshakeAllowed(limits: Limits, socket: HandshakeSocket, trustProxy: boolean) {
  const { address, headers } = socket.handshake;
  return limits.handshakesPerAddress.consume(clientAddress(address, headers['x-forwarded-for'], trustProxy));
}

/** Whether this person was disconnected for flooding a moment ago (their handshakes wait it out). */
export function coolingDown(limits: Limits, participantId: string) {
  return limits.floodCooldown.check(participantId);
}

/**
 * Counts every packet a socket sends before any handler (and before zod) sees it: commands per
 * person over all their sockets, reads per person. Over the limit the packet is answered
 * `rate_limited` (when it asks for an answer) and goes no further. A socket that keeps on after
 * that is disconnected, and the person's next handshakes are refused for a cooldown.
 */
export function guardSocket(socket: GuardedSocket, limits: Limits, log: Log): void {
  const { participantId } = socket.data;
  let closed = false;
  socket.use((packet, next) => {
    const [event] = packet;
    const limiter = READS.has(String(event))
      ? limits.readsPerParticipant
      : event === 'caption'
        ? limits.captionsPerParticipant
        : limits.commandsPerParticipant;
    void limiter.consume(participantId).then(async (verdict) => {
      if (verdict.ok) return next();
      if (closed) return;
      const strike = await limits.refusalsPerSocket.consume(socket.id);
      if (closed) return; // another refusal closed it meanwhile
      const ack = packet.at(-1);
      // `clock` answers carry no error shape: a refused one is simply not answered.
      const answer = typeof ack === 'function' && event !== 'clock' ? (ack as (r: unknown) => void) : null;
      if (strike.ok) {
        answer?.({ ok: false, error: SLOW_DOWN });
        return;
      }
      closed = true;
      answer?.({ ok: false, error: CLOSING });
      await limits.floodCooldown.block(participantId, limits.floodCooldown.rule.seconds);
      log('warn', 'socket disconnected', { participantId, reason: 'rate_limited' });
      socket.disconnect(true);
    });
  });
}
