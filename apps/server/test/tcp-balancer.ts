import net from 'node:net';

export interface TcpBalancer {
  url: string;
  port: number;
  /** Takes an upstream out, as a health check would: new connections no longer go there. */
  down(port: number): void;
  /** Stops listening and cuts every connection through it. */
  close(): Promise<void>;
}

/**
 * A load balancer for tests, plain TCP (upgrades are HTTP, so WebSockets pass through untouched,
 * and nothing is sticky). Each new connection goes to an upstream still up: the next in turn
 * (`round-robin`), or always the first (`first`: a node and its stand-by).
 */
export async function tcpBalancer(
  upstreams: readonly number[],
  { port = 0, pick = 'round-robin' }: { port?: number; pick?: 'round-robin' | 'first' } = {},
): Promise<TcpBalancer> {
  const up = [...upstreams];
  let turn = 0;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const target = pick === 'first' ? up[0] : up[turn++ % up.length];
    if (target === undefined) return void client.destroy();
    const upstream = net.connect(target, '127.0.0.1');
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      open.add(socket);
      socket.on('close', () => {
        open.delete(socket);
        other.destroy();
      });
      socket.on('error', () => other.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    down(at) {
      const i = up.indexOf(at);
      if (i >= 0) up.splice(i, 1);
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
