/**
 * What only a node of several needs (issue 17). `startKring` loads this module only then, so a
 * single node never loads the Redis client and the socket.io adapter (issue 14: they were a
 * quarter of the server bundle, parsed at every start; a restart waits for the start).
 */
export { redisBoardRelay } from '../boards/cluster-relay';
export { ClusterPresence } from './presence';
export { connectRedis } from './redis';
export { redisSessionLock } from './session-lock';
export { startSessionPlane } from './session-plane';
export { socketAdapter } from './socket-adapter';
