import { createClient } from 'redis';

/**
 * What nodes share (issue 17), selected by REDIS_URL: one Redis for the socket.io adapter, session
 * notifications, presence, board updates, locks and rate limits. Every key and channel this
 * server uses starts with `prefix` (default `kring:`), so tests — and two Kring installations on
 * one Redis — never see each other's.
 */
export interface ClusterSettings {
  url: string;
  /** Key and channel prefix; tests give each run its own. */
  prefix?: string;
}

/** A connected client with the default modules (what `createClient({ url })` gives). */
const makeClient = (url: string) => createClient({ url });
export type RedisClient = ReturnType<typeof makeClient>;

export interface RedisLink {
  /** Commands (and publishing). */
  client: RedisClient;
  /** A second connection in subscriber mode (a subscribed connection runs no other command). */
  subscriber: RedisClient;
  prefix: string;
  close(): Promise<void>;
}

/** Connects both clients; errors are reported through `onError` (the clients reconnect by themselves). */
export async function connectRedis(
  settings: ClusterSettings,
  onError: (err: unknown) => void = () => {},
): Promise<RedisLink> {
  const client = makeClient(settings.url);
  client.on('error', onError);
  await client.connect();
  const subscriber = client.duplicate();
  subscriber.on('error', onError);
  await subscriber.connect();
  return {
    client,
    subscriber,
    prefix: settings.prefix ?? 'kring:',
    async close() {
      await Promise.allSettled([closeClient(subscriber), closeClient(client)]);
    },
  };
}

/**
 * Waits for `work` at most `ms`. A command sent while Redis is away waits for the reconnection,
 * and shutting down (or leaving the cluster) must not wait for that without end.
 */
export async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([work.then(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lets pending commands finish for a moment, then drops the connection (Redis may be away). */
async function closeClient(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  await within(2_000, client.close()).catch(() => {});
  if (client.isOpen) client.destroy();
}
