import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A phone's slow link between the browser and the server, as a TCP proxy (issue 14).
 *
 * CDP's `Network.emulateNetworkConditions` adds its latency to HTTP requests only: WebSocket frames
 * pass at once, and opening a connection costs nothing. A join that waits on a socket handshake, a
 * snapshot asked over the socket and a second socket for the board then looks several round trips
 * faster than it is on a real phone. Here every byte both ways waits: a new connection pays one
 * round trip before its first byte (the TCP handshake), each direction is one link of the given
 * rate that the connections share in turn (segment by segment, as a bottleneck interleaves
 * packets), and a segment arrives half a round trip after it left. TLS would add a round trip per
 * connection more; the server under test speaks plain HTTP, so that is not modelled.
 */
export interface LinkConditions {
  /** Round trip, ms. */
  latency: number;
  /** Each direction's rate. */
  bytesPerSecond: number;
}

export interface Link {
  /** The proxy's origin: what the browser opens instead of the server's. */
  url: string;
  close(): Promise<void>;
}

/** One segment at a time on the wire; about what a TCP packet carries. */
const SEGMENT = 1460;

interface Pending {
  to: Socket;
  /** null: the sending side ended; end the receiving side once what came before is delivered. */
  data: Buffer | null;
}

/** One direction of the link: a queue per connection, sent in turn, delivered in order. */
class Direction {
  readonly #queues = new Map<Socket, Pending[]>();
  #turn: Socket[] = [];
  #linkFreeAt = 0;
  #sending: ReturnType<typeof setTimeout> | undefined;
  readonly #arrivals: { at: number; item: Pending }[] = [];
  #delivering: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly c: LinkConditions) {}

  push(to: Socket, data: Buffer | null): void {
    let queue = this.#queues.get(to);
    if (!queue) {
      queue = [];
      this.#queues.set(to, queue);
      this.#turn.push(to);
    }
    if (data === null) queue.push({ to, data: null });
    else
      for (let i = 0; i < data.length; i += SEGMENT) queue.push({ to, data: data.subarray(i, i + SEGMENT) });
    this.#send();
  }

  forget(to: Socket): void {
    this.#queues.delete(to);
    this.#turn = this.#turn.filter((s) => s !== to);
  }

  /** Puts the next connection's next segment on the wire once the link is free. */
  #send(): void {
    if (this.#sending) return;
    const now = performance.now();
    if (this.#linkFreeAt > now) {
      this.#sending = setTimeout(() => {
        this.#sending = undefined;
        this.#send();
      }, this.#linkFreeAt - now);
      return;
    }
    const to = this.#turn.find((s) => (this.#queues.get(s)?.length ?? 0) > 0);
    if (!to) return;
    // Round robin: this connection goes to the back of the line.
    this.#turn = [...this.#turn.filter((s) => s !== to), to];
    const item = this.#queues.get(to)!.shift()!;
    const bytes = item.data?.length ?? 0;
    this.#linkFreeAt = now + (bytes * 1000) / this.c.bytesPerSecond;
    this.#arrivals.push({ at: this.#linkFreeAt + this.c.latency / 2, item });
    this.#deliver();
    this.#send();
  }

  /** Hands over, in the order sent, what has crossed the link. */
  #deliver(): void {
    if (this.#delivering) return;
    const now = performance.now();
    while (this.#arrivals.length > 0 && this.#arrivals[0]!.at <= now) {
      const { item } = this.#arrivals.shift()!;
      if (item.to.destroyed) continue;
      if (item.data === null) item.to.end();
      else item.to.write(item.data);
    }
    const next = this.#arrivals[0];
    if (next) {
      this.#delivering = setTimeout(() => {
        this.#delivering = undefined;
        this.#deliver();
      }, next.at - now);
    }
  }
}

/** Starts the proxy on a free port of 127.0.0.1 in front of `target` (an http:// origin). */
export async function startLink(target: string, conditions: LinkConditions): Promise<Link> {
  const { hostname, port } = new URL(target);
  const up = new Direction(conditions);
  const down = new Direction(conditions);
  const open = new Set<Socket>();

  const server = createServer((phone) => {
    const origin = connect(Number(port), hostname);
    open.add(phone).add(origin);
    phone.setNoDelay(true);
    origin.setNoDelay(true);
    // The handshake's round trip: nothing the phone sends leaves before it.
    phone.pause();
    const handshake = setTimeout(() => phone.resume(), conditions.latency);
    phone.on('data', (chunk: Buffer) => up.push(origin, chunk));
    origin.on('data', (chunk: Buffer) => down.push(phone, chunk));
    phone.on('end', () => up.push(origin, null));
    origin.on('end', () => down.push(phone, null));
    const drop = () => {
      clearTimeout(handshake);
      for (const s of [phone, origin]) {
        s.destroy();
        open.delete(s);
      }
      up.forget(origin);
      down.forget(phone);
    };
    phone.on('error', drop).on('close', drop);
    // The server's end travels to the phone behind the data before it (the `end` above); only a
    // failure cuts the phone off at once.
    origin.on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${own}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
