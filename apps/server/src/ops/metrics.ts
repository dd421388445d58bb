import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Numbers read from the running server at each scrape (set once the parts exist). */
export interface MetricSources {
  /** Open control-plane (socket.io) connections. */
  socketConnections?: () => number;
  /** Open board (Yjs) connections and the board documents held in memory. */
  boards?: () => { connections: number; docs: number };
  /** Sessions whose state is held in memory. */
  loadedSessions?: () => number;
}

const SECONDS_FAST = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

let processRegistry: Registry | undefined;

/**
 * Node's own figures (event-loop lag, heap, GC, CPU) belong to the process, not to one server,
 * and collecting them starts an event-loop monitor and a GC observer that are never stopped: so
 * they are collected once per process and shared by every server's registry, instead of leaking
 * one monitor per `startKring` (tests start hundreds).
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * One server's Prometheus metrics (prefix `kring_`) in a registry of its own, so that several
 * servers in one process (tests) never count into each other; the process's default metrics are
 * shared (see `processMetrics`).
 */
export class KringMetrics {
  /** This server's metrics and the process's, for the exposition. */
  readonly registry: Registry;
  private readonly own = new Registry();
  private sources: MetricSources = {};

  /** Commands by type and outcome (`ok` or the error code). */
  readonly commands = new Counter({
    name: 'kring_commands_total',
    help: 'Control-plane commands handled, by type and outcome (ok or the error code).',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.own],
  });

  readonly commandSeconds = new Histogram({
    name: 'kring_command_duration_seconds',
    help: 'Time from receiving a command to its answer, by type.',
    labelNames: ['type'] as const,
    buckets: SECONDS_FAST,
    registers: [this.own],
  });

  readonly boardUpdates = new Counter({
    name: 'kring_board_updates_total',
    help: 'Board document updates stored (from people and from the server).',
    registers: [this.own],
  });

  readonly storeSeconds = new Histogram({
    name: 'kring_store_operation_duration_seconds',
    help: 'Time a store operation took, by operation (store method).',
    labelNames: ['operation'] as const,
    buckets: SECONDS_FAST,
    registers: [this.own],
  });

  constructor() {
    const sources = () => this.sources;
    new Gauge({
      name: 'kring_socket_connections',
      help: 'Open control-plane (socket.io) connections.',
      registers: [this.own],
      collect() {
        this.set(sources().socketConnections?.() ?? 0);
      },
    });
    new Gauge({
      name: 'kring_board_connections',
      help: 'Open board (Yjs WebSocket) connections.',
      registers: [this.own],
      collect() {
        this.set(sources().boards?.().connections ?? 0);
      },
    });
    new Gauge({
      name: 'kring_board_docs_loaded',
      help: 'Board documents held in memory.',
      registers: [this.own],
      collect() {
        this.set(sources().boards?.().docs ?? 0);
      },
    });
    new Gauge({
      name: 'kring_sessions_loaded',
      help: 'Sessions whose state is held in memory.',
      registers: [this.own],
      collect() {
        this.set(sources().loadedSessions?.() ?? 0);
      },
    });
    // Merging shares the metric objects: what this server counts later shows in `registry`.
    this.registry = Registry.merge([this.own, processMetrics()]);
  }

  /** Tells the gauges where to read (the parts are built after the metrics). */
  watch(sources: MetricSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** One command answered: `outcome` is `ok` or the error code, `ms` from receipt to answer. */
  commandDone(type: string, outcome: string, ms: number): void {
    this.commands.inc({ type, outcome });
    this.commandSeconds.observe({ type }, ms / 1000);
  }

  /** The text exposition format and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
