import * as z from 'zod';
import { Presence, type PresenceListener, type PresenceTracker } from '../realtime/presence';
import { type RedisLink, within } from './redis';

/** How often a node says it is alive, and how long that holds: a dead node stops counting within ~15 s. */
export interface PresenceTiming {
  beatMs: number;
  ttlMs: number;
}
const TIMING: PresenceTiming = { beatMs: 3_000, ttlMs: 10_000 };

const Change = z.union([
  z.object({ node: z.string(), sessionId: z.string(), participantId: z.string(), online: z.boolean() }),
  z.object({ node: z.string(), gone: z.literal(true) }),
]);
type Change = z.infer<typeof Change>;

/**
 * Presence across nodes (issue 17). Each node counts its own connections (`Presence`) and writes
 * who is connected to it into one Redis hash per session (field `<node>:<participant>`), telling
 * the other nodes on a channel. Every node keeps a mirror of the cluster's answer, so `online`
 * stays synchronous for the session service (rounds, `floor.give`); a session's mirror is read
 * from the hash once, when this node first serves it, and the channel keeps it current. A node
 * whose heartbeat key expired (it died) no longer counts anywhere.
 */
export class ClusterPresence implements PresenceTracker {
  private readonly here = new Presence();
  /** session → participant → the nodes they are connected to. */
  private readonly mirror = new Map<string, Map<string, Set<string>>>();
  /** Sessions whose hash was read (or is being read), with the fields changed while reading. */
  private readonly seeded = new Map<string, Set<string> | null>();
  private readonly listeners: PresenceListener[] = [];
  private readonly listener = (message: string) => this.received(message);
  private timer: NodeJS.Timeout | undefined;
  /** Other nodes whose heartbeat was missing at the last look (see `tick`). */
  private readonly missing = new Set<string>();

  private constructor(
    private readonly link: RedisLink,
    private readonly nodeId: string,
    private readonly onError: (err: unknown) => void,
    private readonly timing: PresenceTiming,
  ) {}

  static async start(
    link: RedisLink,
    nodeId: string,
    onError: (err: unknown) => void,
    timing: PresenceTiming = TIMING,
  ): Promise<ClusterPresence> {
    const presence = new ClusterPresence(link, nodeId, onError, timing);
    await presence.beat();
    await link.subscriber.subscribe(presence.channel, presence.listener);
    presence.timer = setInterval(() => void presence.tick(), timing.beatMs);
    presence.timer.unref();
    return presence;
  }

  connect(sessionId: string, participantId: string): boolean {
    this.seed(sessionId);
    const first = this.here.connect(sessionId, participantId);
    if (first) {
      this.add(sessionId, participantId, this.nodeId);
      this.announce(sessionId, participantId, true);
    }
    return first;
  }

  disconnect(sessionId: string, participantId: string): boolean {
    const last = this.here.disconnect(sessionId, participantId);
    if (last) {
      this.remove(sessionId, participantId, this.nodeId);
      this.announce(sessionId, participantId, false);
    }
    return last;
  }

  online(sessionId: string): string[] {
    this.seed(sessionId); // a session asked about without a connection here (rare) is read from now on
    return [...(this.mirror.get(sessionId)?.keys() ?? [])];
  }

  onChange(listener: PresenceListener): void {
    this.listeners.push(listener);
  }

  /** Leaves the cluster's presence: the others stop counting this node's people at once. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    if (!this.link.client.isOpen) return; // the link went first: the heartbeat expires by itself
    const writes: Promise<unknown>[] = [
      this.link.subscriber.unsubscribe(this.channel, this.listener),
      this.link.client.del(this.nodeKey(this.nodeId)),
    ];
    for (const [sessionId, participantId] of this.here.entries()) {
      writes.push(this.link.client.hDel(this.hashKey(sessionId), this.field(this.nodeId, participantId)));
    }
    writes.push(this.link.client.publish(this.channel, JSON.stringify({ node: this.nodeId, gone: true })));
    await within(2_000, Promise.all(writes)).catch(this.onError);
  }

  private get channel(): string {
    return `${this.link.prefix}presence`;
  }
  private hashKey(sessionId: string): string {
    return `${this.link.prefix}presence:${sessionId}`;
  }
  private nodeKey(nodeId: string): string {
    return `${this.link.prefix}node:${nodeId}`;
  }
  private field(nodeId: string, participantId: string): string {
    return `${nodeId}:${participantId}`;
  }

  /** Writes and tells this node's change (one connection runs both in order). */
  private announce(sessionId: string, participantId: string, online: boolean): void {
    const key = this.hashKey(sessionId);
    const field = this.field(this.nodeId, participantId);
    const write = online ? this.link.client.hSet(key, field, '1') : this.link.client.hDel(key, field);
    const change: Change = { node: this.nodeId, sessionId, participantId, online };
    const told = this.link.client.publish(this.channel, JSON.stringify(change));
    Promise.all([write, told]).catch(this.onError);
  }

  private received(message: string): void {
    let change: Change;
    try {
      change = Change.parse(JSON.parse(message));
    } catch (err) {
      return this.onError(err);
    }
    if (change.node === this.nodeId) return;
    if ('gone' in change) return this.dropNode(change.node);
    // Sessions this node does not serve are read from the hash when it starts to.
    if (!this.seeded.has(change.sessionId)) return;
    this.seeded.get(change.sessionId)?.add(this.field(change.node, change.participantId));
    if (change.online) this.add(change.sessionId, change.participantId, change.node);
    else this.remove(change.sessionId, change.participantId, change.node);
  }

  /** Reads who other nodes had connected before this node served the session (once per session). */
  private seed(sessionId: string): void {
    if (this.seeded.has(sessionId)) return;
    const touched = new Set<string>();
    this.seeded.set(sessionId, touched);
    void (async () => {
      const fields = await this.link.client.hGetAll(this.hashKey(sessionId));
      const byNode = new Map<string, string[]>();
      for (const field of Object.keys(fields)) {
        const at = field.indexOf(':');
        const node = field.slice(0, at);
        // This node's own people are counted here; a change seen while reading is newer.
        if (at < 0 || node === this.nodeId || touched.has(field)) continue;
        byNode.set(node, [...(byNode.get(node) ?? []), field.slice(at + 1)]);
      }
      for (const [node, people] of byNode) {
        if (await this.alive(node)) for (const id of people) this.add(sessionId, id, node);
        else
          await this.link.client.hDel(
            this.hashKey(sessionId),
            people.map((id) => this.field(node, id)),
          );
      }
      this.seeded.set(sessionId, null);
    })().catch((err: unknown) => {
      this.seeded.delete(sessionId); // read again on the next connection
      this.onError(err);
    });
  }

  private async alive(nodeId: string): Promise<boolean> {
    return (await this.link.client.exists(this.nodeKey(nodeId))) === 1;
  }

  private async tick(): Promise<void> {
    try {
      await this.beat();
      // Nodes that stopped beating (killed, cut off) stop counting, and their fields go.
      const others = new Set<string>();
      for (const people of this.mirror.values())
        for (const nodes of people.values()) for (const n of nodes) if (n !== this.nodeId) others.add(n);
      // Dropped only when missing at two looks in a row: after Redis restarts empty every key is
      // gone until each node's next beat puts its own back (and says again who is connected to
      // it); a node judged at one look would wipe people the other had just announced again.
      for (const node of others) {
        if (await this.alive(node)) this.missing.delete(node);
        else if (!this.missing.has(node)) this.missing.add(node);
        else {
          this.missing.delete(node);
          this.dropNode(node, true);
        }
      }
    } catch (err) {
      this.onError(err);
    }
  }

  /** Renews this node's heartbeat; if it had expired (Redis restarted, a long pause), says again who is here. */
  private async beat(): Promise<void> {
    const before = await this.link.client.set(this.nodeKey(this.nodeId), '1', {
      expiration: { type: 'PX', value: this.timing.ttlMs },
      GET: true,
    });
    if (before !== null) return;
    // Others may have dropped this node's people: tell them again.
    for (const [sessionId, participantId] of this.here.entries())
      this.announce(sessionId, participantId, true);
  }

  private dropNode(nodeId: string, cleanUp = false): void {
    for (const [sessionId, people] of this.mirror) {
      for (const [participantId, nodes] of people) {
        if (!nodes.has(nodeId)) continue;
        this.remove(sessionId, participantId, nodeId);
        if (cleanUp) {
          this.link.client
            .hDel(this.hashKey(sessionId), this.field(nodeId, participantId))
            .catch(this.onError);
        }
      }
    }
  }

  private add(sessionId: string, participantId: string, nodeId: string): void {
    let people = this.mirror.get(sessionId);
    if (!people) this.mirror.set(sessionId, (people = new Map()));
    let nodes = people.get(participantId);
    if (!nodes) people.set(participantId, (nodes = new Set()));
    const first = nodes.size === 0;
    nodes.add(nodeId);
    if (first) this.tell(sessionId, participantId, true);
  }

  private remove(sessionId: string, participantId: string, nodeId: string): void {
    const people = this.mirror.get(sessionId);
    const nodes = people?.get(participantId);
    if (!people || !nodes?.delete(nodeId) || nodes.size > 0) return;
    people.delete(participantId);
    if (people.size === 0) this.mirror.delete(sessionId);
    this.tell(sessionId, participantId, false);
  }

  private tell(sessionId: string, participantId: string, online: boolean): void {
    for (const l of this.listeners) l(sessionId, participantId, online);
  }
}
