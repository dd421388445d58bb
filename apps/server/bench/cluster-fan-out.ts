import { performance } from 'node:perf_hooks';
import {
  type CommandAck,
  CreateSessionResponse,
  JoinSessionResponse,
  PROTOCOL_VERSION,
} from '@kring/protocol';
import { io as ioClient } from 'socket.io-client';
import { type ClientSocket, command } from './clients';
import { snapshot, until } from './crowd';
import { type Deployment, personHeaders } from './deployment';
import { pooled } from './ipc';

/**
 * The cluster benchmark's floor fan-out: `sessions` sessions of `perSession` people each (a host
 * and participants, joined over HTTP, on real socket.io clients holding their snapshot), every
 * session's people spread round-robin over the deployment's nodes, as a load balancer without
 * stickiness would. A session takes at most 1,000 people (J3) and the built server lets 600 join
 * one session in ten minutes (`joinsPerSession`), so 3,000 people are several sessions.
 *
 * Each round every host flips its floor's `quietFirst` at the same moment; per person: from their
 * host's command until they had the `floor.optionsChanged` event; per round: until all of them had
 * theirs.
 */

export interface FanOutFigures {
  /** Per person and round, ms. */
  latencies: number[];
  /** Per round: until the last person had the event, ms. */
  allMs: number[];
  /** CPU of all nodes per round, ms. */
  cpuPerRoundMs: number;
  /** Joins answered 500 and sent again while the people gathered. */
  joinRetries: number;
}

/** Person `n` with the headers a load balancer forwards for them, on a chosen node. */
function connectPerson(url: string, token: string, n: number): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(url, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    extraHeaders: personHeaders(n),
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Joins the server answered 500 and the person sent again (see `postAs`). */
let retried = 0;

/**
 * A POST as person `n` that must answer 201. A refusal to try again (429, or a 500 from before the
 * per-session lock) is sent again, up to four times, as someone presses "Join" again, and counted.
 */
async function postAs<T>(url: string, n: number, body: unknown, parse: (json: unknown) => T): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...personHeaders(n) },
      body: JSON.stringify(body),
    });
    if (res.status === 201) return parse(await res.json());
    const text = await res.text();
    if ((res.status !== 500 && res.status !== 429) || attempt >= 4)
      throw new Error(`${new URL(url).pathname}: ${res.status} ${text}`);
    retried++;
  }
}

export class FanOutAudience {
  private readonly got: Int32Array;
  private readonly t0: number[];
  private latencies: number[] = [];
  private allMs: number[] = [];
  private round = -1;
  private arrived = 0;
  private lastAt = 0;
  private quietFirst = false;
  private cpuBefore = 0;
  private rounds = 0;

  private constructor(
    readonly deployment: Deployment,
    private readonly hosts: readonly ClientSocket[],
    /** Everyone, hosts included, with their session's index. */
    private readonly people: readonly { socket: ClientSocket; session: number }[],
    private readonly joinRetries: number,
  ) {
    this.got = new Int32Array(people.length).fill(-1);
    this.t0 = hosts.map(() => 0);
    people.forEach(({ socket, session }, i) =>
      socket.on('events', (batch) => {
        if (this.round < 0 || this.got[i] === this.round) return;
        if (!batch.events.some((e) => e.type === 'floor.optionsChanged')) return;
        const now = performance.now();
        this.latencies.push(now - this.t0[session]!);
        this.got[i] = this.round;
        this.arrived++;
        this.lastAt = Math.max(this.lastAt, now);
      }),
    );
  }

  get size(): number {
    return this.people.length;
  }

  /** The sessions created, joined, connected (each with its snapshot) and their floors opened. */
  static async gather(deployment: Deployment, sessions: number, perSession: number): Promise<FanOutAudience> {
    const { urls } = deployment;
    // Member j of session s is person s * perSession + j, on node (s + j) mod nodes: every
    // session has people on every node, its host (j = 0) on node s.
    const nodeOf = (s: number, j: number) => urls[(s + j) % urls.length]!;
    const retriedBefore = retried;
    const created = await Promise.all(
      Array.from({ length: sessions }, (_, s) =>
        postAs(`${nodeOf(s, 0)}/api/sessions`, s * perSession, { title: `Fan-out ${s + 1}` }, (j) =>
          CreateSessionResponse.parse(j),
        ),
      ),
    );
    // Joins go round the sessions, so the ones in flight are spread over sessions and nodes.
    const members = Array.from({ length: (perSession - 1) * sessions }, (_, k) => ({
      s: k % sessions,
      j: 1 + Math.floor(k / sessions),
    }));
    const joined = await pooled(members, 25, ({ s, j }) =>
      postAs(
        `${nodeOf(s, j)}/api/sessions/${created[s]!.joinCode}/participants`,
        s * perSession + j,
        { displayName: `Person ${s * perSession + j}` },
        (json) => JoinSessionResponse.parse(json),
      ),
    );
    const everyone = [
      ...created.map((c, s) => ({ s, j: 0, token: c.facilitatorToken })),
      ...members.map((m, k) => ({ ...m, token: joined[k]!.token })),
    ];
    const people = await pooled(everyone, 50, async ({ s, j, token }) => {
      const socket = await connectPerson(nodeOf(s, j), token, s * perSession + j);
      await snapshot(socket);
      return { socket, session: s };
    });
    const hosts = people.slice(0, sessions).map((p) => p.socket);
    await Promise.all(
      hosts.map(async (host) =>
        assertOk('floor.start', await command(host, { type: 'floor.start', setup: { mode: 'open' } })),
      ),
    );
    return new FanOutAudience(deployment, hosts, people, retried - retriedBefore);
  }

  /** Measuring starts: figures and CPU from here on, once the nodes are quiet. */
  async start(): Promise<void> {
    await this.deployment.quiet();
    this.latencies = [];
    this.allMs = [];
    this.rounds = 0;
    this.cpuBefore = this.deployment.cpuMs();
  }

  /** Every host flips its floor's option at once; resolves once everyone has their event. */
  async send(): Promise<void> {
    this.round++;
    this.rounds++;
    this.arrived = 0;
    this.lastAt = 0;
    // Each flips the option (setting it to what it is would change nothing, and send nothing).
    const cmd = { type: 'floor.setOptions', quietFirst: (this.quietFirst = !this.quietFirst) };
    const started = performance.now();
    const acks = this.hosts.map((host, s) => {
      this.t0[s] = performance.now();
      return command(host, cmd);
    });
    await until(`round ${this.round} at all ${this.size}`, () => this.arrived === this.size);
    this.allMs.push(this.lastAt - started);
    for (const ack of await Promise.all(acks)) assertOk('floor.setOptions', ack);
  }

  figures(): FanOutFigures {
    return {
      latencies: [...this.latencies],
      allMs: [...this.allMs],
      cpuPerRoundMs: (this.deployment.cpuMs() - this.cpuBefore) / this.rounds,
      joinRetries: this.joinRetries,
    };
  }

  close(): void {
    for (const { socket } of this.people) socket.disconnect();
  }
}

function assertOk(what: string, ack: CommandAck): void {
  if (!ack.ok) throw new Error(`${what} refused: ${ack.error.code} ${ack.error.message}`);
}
