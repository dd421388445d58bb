import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { RedisLink } from './redis';

/**
 * The socket.io adapter several nodes share (issue 17): cluster-wide broadcasts, and the sessions
 * of connection state recovery, in one Redis stream; everything under the installation's prefix,
 * pub/sub channels too, so two installations (or test runs) on one Redis never mix.
 */
export function socketAdapter(link: RedisLink) {
  return createAdapter(link.client, {
    streamName: `${link.prefix}socket.io`,
    channelPrefix: `${link.prefix}socket.io`,
    sessionKeyPrefix: `${link.prefix}sio:session:`,
  });
}
